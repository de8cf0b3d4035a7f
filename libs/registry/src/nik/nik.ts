/**
 * The rules of Indonesian identity numbers, pure (no database): the NIK (Nomor Induk
 * Kependudukan) of a person and the number of a family card (Kartu Keluarga).
 *
 * NIK = PPKKCC DDMMYY SSSS: digits 1–6 the kecamatan of registration (`631106` = 63.11.06),
 * 7–12 the birth date with 40 added to the day for women, 13–16 a serial number.
 * Whether the kecamatan exists is a database question; IdentityNumbersService asks it.
 */

import { isCalendarDate } from '@pilar/core';

export type Sex = 'L' | 'P';

export interface NikParts {
  /** Dotted kecamatan code of registration (`63.11.06`). */
  kecamatanKode: string;
  /** Day and month of birth and the two-digit year, as written in the NIK (day without +40). */
  day: number;
  month: number;
  twoDigitYear: number;
  /** The birth date with the century resolved so that it is not in the future (YYYY-MM-DD). */
  birthDate: string;
  sex: Sex;
  serial: string;
}

export type NikParse = { ok: true; parts: NikParts } | { ok: false; reason: string };

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** `YYYY-MM-DD` → `DD-MM-YYYY`, the way Indonesian documents print dates. */
const toIndonesianDate = (iso: string): string => iso.split('-').reverse().join('-');

/** Checks the shape shared by NIK and KK numbers: exactly 16 digits. */
function sixteenDigitsProblem(value: string): string | null {
  if (/^\d{16}$/.test(value)) return null;
  if (/\D/.test(value)) return 'must be 16 digits; it contains other characters';
  return `must be 16 digits; it has ${value.length}`;
}

/** `631106…` → `63.11.06`. */
export function kecamatanKodeOfNumber(value: string): string {
  return `${value.slice(0, 2)}.${value.slice(2, 4)}.${value.slice(4, 6)}`;
}

/**
 * Splits a NIK into its parts. `today` (YYYY-MM-DD, the agency's calendar) resolves the
 * two-digit year: 20YY unless that is in the future, else 19YY.
 */
export function parseNik(nik: string, today: string): NikParse {
  const shape = sixteenDigitsProblem(nik);
  if (shape) return { ok: false, reason: shape };
  const rawDay = Number(nik.slice(6, 8));
  const month = Number(nik.slice(8, 10));
  const twoDigitYear = Number(nik.slice(10, 12));
  const serial = nik.slice(12, 16);
  const female = rawDay > 40;
  const day = female ? rawDay - 40 : rawDay;
  if (rawDay < 1 || rawDay > 71 || (rawDay > 31 && rawDay < 41)) {
    return {
      ok: false,
      reason: `digits 7–8 (day of birth) are ${nik.slice(6, 8)}: neither a day (01–31) nor a woman's day (41–71)`,
    };
  }
  if (month < 1 || month > 12) {
    return {
      ok: false,
      reason: `digits 9–10 (month of birth) are ${nik.slice(8, 10)}, not a month`,
    };
  }
  const inThisCentury = `20${pad(twoDigitYear)}-${pad(month)}-${pad(day)}`;
  const birthDate = inThisCentury > today ? `19${inThisCentury.slice(2)}` : inThisCentury;
  if (!isCalendarDate(birthDate)) {
    return {
      ok: false,
      reason: `the birth date in the NIK, ${pad(day)}-${pad(month)}-${pad(twoDigitYear)}, is not a real date`,
    };
  }
  if (serial === '0000') {
    return { ok: false, reason: 'digits 13–16 (serial number) are 0000, which is never issued' };
  }
  return {
    ok: true,
    parts: {
      kecamatanKode: kecamatanKodeOfNumber(nik),
      day,
      month,
      twoDigitYear,
      birthDate,
      sex: female ? 'P' : 'L',
      serial,
    },
  };
}

/**
 * Every reason the NIK is wrong for this person, or none. The birth date agrees when day, month
 * and the two-digit year match: the NIK cannot tell 1925 from 2025, and a lansia may be 100.
 */
export function nikProblems(
  nik: string,
  person: { birthDate: string; sex: Sex },
  today: string,
): string[] {
  const parsed = parseNik(nik, today);
  if (!parsed.ok) return [parsed.reason];
  const { parts } = parsed;
  const problems: string[] = [];
  const [year, month, day] = person.birthDate.split('-').map(Number);
  if (parts.day !== day || parts.month !== month || parts.twoDigitYear !== year % 100) {
    problems.push(
      `the birth date in the NIK is ${toIndonesianDate(parts.birthDate)} but birthDate is ${person.birthDate}`,
    );
  }
  if (parts.sex !== person.sex) {
    problems.push(
      parts.sex === 'P'
        ? `the NIK is a woman's (day ${pad(parts.day + 40)} = ${pad(parts.day)} + 40) but sex is L`
        : `the NIK is a man's (day ${pad(parts.day)}; a woman's has 40 added) but sex is P`,
    );
  }
  return problems;
}

/** The reason a family card number is malformed, or null. Its kecamatan is checked separately. */
export function noKkProblem(noKk: string): string | null {
  return sixteenDigitsProblem(noKk);
}

/** `6311061708470001` → `6311********0001`: what lists show of a NIK or KK number. */
export function maskIdentityNumber(value: string): string;
export function maskIdentityNumber(value: string | null): string | null;
export function maskIdentityNumber(value: string | null): string | null {
  if (value === null) return null;
  return `${value.slice(0, 4)}********${value.slice(-4)}`;
}
