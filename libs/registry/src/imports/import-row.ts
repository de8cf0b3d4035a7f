import { type CsvRow, isCalendarDate, type RowError } from '@pilar/core';
import { isWithin, tingkatOf } from '@pilar/wilayah';
import { cleanText, normalizeName } from '../common/text';
import { nikProblems, noKkProblem } from '../nik/nik';
import { Relationship, RELATIONSHIPS, Sex } from '../registry.types';

/** The columns an import file must have (header names, case-insensitive). */
export const REQUIRED_COLUMNS = ['nama', 'jenis_kelamin', 'tanggal_lahir', 'desa_kode'] as const;

/** One person of an import file, checked and normalized. */
export interface ImportRecord {
  line: number;
  nik: string | null;
  noKk: string | null;
  name: string;
  sex: Sex;
  birthDate: string;
  birthPlace: string | null;
  desaKode: string;
  alamat: string | null;
  relationship: Relationship | null;
  ppks: string[];
  ppksSince: string;
  dtksId: string | null;
  desil: number | null;
  /** Which household the row belongs to: its KK number, else its DTKS id, else none. */
  householdKey: string | null;
}

export interface ImportContext {
  /** Today in the agency's time zone (YYYY-MM-DD). */
  today: string;
  /** Rows outside the agency's kabupaten are refused. */
  kabupatenKode: string;
}

export type ParsedImportRow =
  { ok: true; record: ImportRecord } | { ok: false; errors: RowError[] };

const SEXES: Record<string, Sex> = { L: 'L', 'LAKI-LAKI': 'L', P: 'P', PEREMPUAN: 'P' };

/** `YYYY-MM-DD`, or the Indonesian `DD-MM-YYYY` / `DD/MM/YYYY`, as YYYY-MM-DD; null if neither. */
export function parseImportDate(value: string): string | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const local = /^(\d{1,2})[-/](\d{1,2})[-/](\d{4})$/.exec(value);
  const date = iso
    ? value
    : local
      ? `${local[3]}-${local[2].padStart(2, '0')}-${local[1].padStart(2, '0')}`
      : null;
  return date && isCalendarDate(date) ? date : null;
}

/** `63.11.06.2005` or `6311062005` → `63.11.06.2005`. */
function parseDesaKode(value: string): string {
  const digits = /^(\d{2})(\d{2})(\d{2})(\d{4})$/.exec(value);
  return digits ? `${digits[1]}.${digits[2]}.${digits[3]}.${digits[4]}` : value;
}

/**
 * Checks one row with the same rules as the API (the NIK rules of nik.ts). What needs the
 * database (does the desa, the NIK's kecamatan, the PPKS type exist?) is checked set-based
 * after loading. Every problem of the row is reported, each naming its column.
 */
export function parseImportRow({ row, values }: CsvRow, ctx: ImportContext): ParsedImportRow {
  const errors: RowError[] = [];
  const fail = (field: string, reason: string): void => {
    errors.push({ row, field, reason });
  };
  const get = (column: string): string => values[column]?.trim() ?? '';

  const name = normalizeName(get('nama'));
  if (!name) fail('nama', 'is empty');
  else if (name.length > 200) fail('nama', 'is longer than 200 characters');

  const sex = SEXES[get('jenis_kelamin').toUpperCase()];
  if (!sex) fail('jenis_kelamin', `"${get('jenis_kelamin')}" is not L or P`);

  const birthDate = parseImportDate(get('tanggal_lahir'));
  if (!birthDate) {
    fail('tanggal_lahir', `"${get('tanggal_lahir')}" is not a date (YYYY-MM-DD or DD-MM-YYYY)`);
  } else if (birthDate > ctx.today) {
    fail('tanggal_lahir', `${birthDate} is in the future`);
  }

  const desaKode = parseDesaKode(get('desa_kode'));
  if (tingkatOf(desaKode) !== 'DESA') {
    fail('desa_kode', `"${get('desa_kode')}" is not a desa code (such as 63.11.06.2005)`);
  } else if (!isWithin(desaKode, ctx.kabupatenKode)) {
    fail('desa_kode', `${desaKode} is outside the agency's kabupaten ${ctx.kabupatenKode}`);
  }

  const nik = get('nik') || null;
  if (nik && sex && birthDate) {
    for (const problem of nikProblems(nik, { birthDate, sex }, ctx.today)) fail('nik', problem);
  }
  const noKk = get('no_kk') || null;
  const kkProblem = noKk ? noKkProblem(noKk) : null;
  if (kkProblem) fail('no_kk', kkProblem);

  const relationshipText = get('hubungan_keluarga')
    .toUpperCase()
    .replace(/[\s-]+/g, '_');
  const relationship = (RELATIONSHIPS as readonly string[]).includes(relationshipText)
    ? (relationshipText as Relationship)
    : null;
  if (relationshipText && !relationship) {
    fail(
      'hubungan_keluarga',
      `"${get('hubungan_keluarga')}" is not one of ${RELATIONSHIPS.join(', ')}`,
    );
  }

  const ppks = [
    ...new Set(
      get('ppks')
        .split('|')
        .map((k) => k.trim().toUpperCase())
        .filter(Boolean),
    ),
  ];
  const badKode = ppks.find((k) => !/^[A-Z_]{3,60}$/.test(k));
  if (badKode) fail('ppks', `"${badKode}" is not a PPKS kode (such as LANJUT_USIA_TERLANTAR)`);

  const ppksSince = get('ppks_sejak') ? parseImportDate(get('ppks_sejak')) : ctx.today;
  if (!ppksSince) fail('ppks_sejak', `"${get('ppks_sejak')}" is not a date`);
  else if (ppksSince > ctx.today) fail('ppks_sejak', `${ppksSince} is in the future`);

  const dtksId = get('id_dtks') || null;
  if (dtksId && !/^[A-Za-z0-9._-]{1,40}$/.test(dtksId)) {
    fail('id_dtks', 'must be 1–40 letters, digits, . _ or -');
  }
  const desilText = get('desil');
  const desil = desilText ? Number(desilText) : null;
  if (desil !== null && !(Number.isInteger(desil) && desil >= 1 && desil <= 10)) {
    fail('desil', `"${desilText}" is not a desil from 1 to 10`);
  }

  if (errors.length || !sex || !birthDate || !ppksSince) return { ok: false, errors };
  return {
    ok: true,
    record: {
      line: row,
      nik,
      noKk,
      name,
      sex,
      birthDate,
      birthPlace: cleanText(get('tempat_lahir')),
      desaKode,
      alamat: cleanText(get('alamat')),
      relationship,
      ppks,
      ppksSince,
      dtksId,
      desil,
      householdKey: noKk ? `kk:${noKk}` : dtksId ? `dtks:${dtksId}` : null,
    },
  };
}
