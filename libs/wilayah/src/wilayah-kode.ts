import type { Tingkat } from './wilayah.entity';

const PATTERNS: [RegExp, Tingkat][] = [
  [/^\d{2}$/, 'PROVINSI'],
  [/^\d{2}\.\d{2}$/, 'KABUPATEN'],
  [/^\d{2}\.\d{2}\.\d{2}$/, 'KECAMATAN'],
  [/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/, 'DESA'],
];

/** The level a dotted Kemendagri code denotes, or null when it is not such a code. */
export function tingkatOf(kode: string): Tingkat | null {
  return PATTERNS.find(([re]) => re.test(kode))?.[1] ?? null;
}

/** The kecamatan part of a kecamatan or desa code (`63.11.06.2001` → `63.11.06`). */
export function kecamatanKodeOf(kode: string): string | null {
  const m = /^(\d{2}\.\d{2}\.\d{2})(\.\d{4})?$/.exec(kode);
  return m ? m[1] : null;
}

/** `631106` (as in a NIK) → `63.11.06`. */
export function kecamatanKodeFromDigits(digits: string): string {
  return `${digits.slice(0, 2)}.${digits.slice(2, 4)}.${digits.slice(4, 6)}`;
}

/** True when `kode` is `ancestor` itself or lies below it in the tree. */
export function isWithin(kode: string, ancestor: string): boolean {
  return kode === ancestor || kode.startsWith(`${ancestor}.`);
}
