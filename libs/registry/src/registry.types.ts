export type { Sex } from './nik/nik';

/** Where a person stands in the registry. MERGED records point to the record that survived. */
export const BENEFICIARY_STATUSES = ['AKTIF', 'MENINGGAL', 'PINDAH', 'NONAKTIF', 'MERGED'] as const;
export type BeneficiaryStatus = (typeof BENEFICIARY_STATUSES)[number];
/** The statuses a person can be given by an edit (MERGED only comes from a merge). */
export const SETTABLE_STATUSES = ['AKTIF', 'MENINGGAL', 'PINDAH', 'NONAKTIF'] as const;
export type SettableStatus = (typeof SETTABLE_STATUSES)[number];

/** Whether the person has a NIK yet (many PPKS do not: KAT, orang terlantar, disaster victims). */
export type NikStatus = 'NONE' | 'VALID';

/** Hubungan dalam keluarga, as the Kartu Keluarga prints it (SHDK). */
export const RELATIONSHIPS = [
  'KEPALA_KELUARGA',
  'SUAMI',
  'ISTRI',
  'ANAK',
  'MENANTU',
  'CUCU',
  'ORANG_TUA',
  'MERTUA',
  'FAMILI_LAIN',
  'PEMBANTU',
  'LAINNYA',
] as const;
export type Relationship = (typeof RELATIONSHIPS)[number];

/** Who said the person (or family) is PPKS of a type. */
export const PPKS_SOURCES = ['DTKS', 'ASSESSMENT', 'TKSK_REPORT', 'IMPORT'] as const;
export type PpksSource = (typeof PPKS_SOURCES)[number];

/** A classification is PROPOSED until Dinsos staff verify or reject it. */
export const VERIFICATION_STATUSES = ['PROPOSED', 'VERIFIED', 'REJECTED'] as const;
export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number];

/** A page of a list: `nextCursor` is null on the last page. */
export interface ListPage<T> {
  items: T[];
  nextCursor: string | null;
}
