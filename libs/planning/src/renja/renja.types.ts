/**
 * The two versions of a year's Renja: MURNI (as adopted) and PERUBAHAN (the mid-year revision).
 * Both are kept. Reads use the latest — a line's PERUBAHAN figure when it has one, else its
 * MURNI — unless MURNI is asked for.
 */
export const RENJA_VERSI = ['MURNI', 'PERUBAHAN'] as const;
export type RenjaVersi = (typeof RENJA_VERSI)[number];

/**
 * Funding sources of a regional budget line: APBD kabupaten (and its parts PAD, DAU), transfers
 * from the centre (DAK, DBH, DBHCHT, DID), belanja tidak terduga (BTT, disasters), bantuan
 * keuangan provinsi, APBN, hibah, and anything else.
 */
export const SUMBER_DANA = [
  'APBD',
  'PAD',
  'DAU',
  'DAK',
  'DBH',
  'DBHCHT',
  'DID',
  'BTT',
  'BANKEU_PROVINSI',
  'APBN',
  'HIBAH',
  'LAINNYA',
] as const;
export type SumberDana = (typeof SUMBER_DANA)[number];

/** One sub-kegiatan of a year's Renja, read in one version. Money is exact (bigint rupiah). */
export interface RenjaLine {
  year: number;
  subKegiatanKode: string;
  kegiatanKode: string;
  programKode: string;
  nama: string;
  /** The pagu of the version read. */
  pagu: bigint;
  /** The version `pagu` comes from. */
  versi: RenjaVersi;
  paguMurni: bigint | null;
  paguPerubahan: bigint | null;
  lokasi: string | null;
  sumberDana: string | null;
  /** Unit penanggung jawab (the bidang). */
  penanggungJawab: string | null;
}

export interface RenjaKegiatanNode {
  kode: string;
  nama: string;
  /** Sum of its sub-kegiatan: never typed. */
  pagu: bigint;
  subKegiatan: RenjaLine[];
}

export interface RenjaProgramNode {
  kode: string;
  nama: string;
  /** Sum of its kegiatan. */
  pagu: bigint;
  kegiatan: RenjaKegiatanNode[];
}

export interface RenjaTree {
  year: number;
  /** MURNI when that was asked for; LATEST: each line's PERUBAHAN pagu when it has one. */
  versi: 'MURNI' | 'LATEST';
  pagu: bigint;
  programs: RenjaProgramNode[];
}

/** What a field worker sees to pick the sub-kegiatan that funds a service. */
export interface RenjaSubKegiatanItem {
  kode: string;
  nama: string;
  kegiatanKode: string;
  programKode: string;
}
