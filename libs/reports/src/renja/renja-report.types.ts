import type { PerTriwulan } from '@pilar/rollup';

export type RenjaRowLevel = 'PROGRAM' | 'KEGIATAN' | 'SUB_KEGIATAN';

/** Which realisasi the Tabel 2.1 triwulan columns print (the JSON always has both). */
export type TriwulanForm = 'YTD' | 'QUARTER';

/** Realisasi of the Renstra period (Tabel 2.1 columns 5, 6, 14, 15), for the kinerja (K) side. */
export interface RenstraFigures {
  /** (5) target at the end of the Renstra period. */
  target: number;
  /** (6) realisasi from the first year of the period up to last year. */
  realisasiSdTahunLalu: number | null;
  /** (14) = 6 + 12: realisasi of the period up to this year (by the indicator's accumulation). */
  realisasiSdTahunIni: number | null;
  /** (15) = 14 / 5 × 100. */
  capaian: number | null;
}

/**
 * One line of the Renja evaluation: a program, kegiatan or sub-kegiatan with one of its
 * indicators (one line per indicator; a node without indicators gets one line with
 * `indicator: null`). `pagu` and the rupiah figures are the node's, repeated on each of its lines.
 */
export interface RenjaReportRow {
  level: RenjaRowLevel;
  programKode: string;
  kegiatanKode: string | null;
  subKegiatanKode: string | null;
  kode: string;
  name: string;
  indicatorId: string | null;
  indicator: string | null;
  unit: string | null;
  target: number | null;
  realisasi: PerTriwulan<number | null> & { total: number | null };
  realisasiYtd: PerTriwulan<number | null>;
  capaian: number | null;
  predikat: string | null;
  renstra: RenstraFigures | null;
  /** Rupiah: the Renja pagu (Perubahan where revised) and the services' spending. */
  pagu: number;
  realisasiAnggaran: number;
  realisasiAnggaranTriwulan: PerTriwulan<number>;
  realisasiAnggaranYtd: PerTriwulan<number>;
  /** (6) and (14) on the rupiah side: spending of the Renstra period before and up to this year. */
  realisasiAnggaranRenstraSdTahunLalu: number | null;
  serapan: number | null;
  /** (17) capaian kinerja / capaian anggaran × 100. */
  efisiensi: number | null;
  penanggungJawab: string | null;
}

/** A group footer of Tabel 2.1: the mean capaian of the lines one level down. */
export interface RenjaGroupSummary {
  /** The group: a kegiatan (its sub-kegiatan), a program (its kegiatan), or ALL (the programs). */
  level: 'KEGIATAN' | 'PROGRAM' | 'ALL';
  kode: string | null;
  /** Rata-rata capaian kinerja of the lines below (those with a capaian). */
  rataRataCapaianKinerja: number | null;
  predikatKinerja: string | null;
  /** Rata-rata capaian anggaran (serapan) of the nodes below. */
  rataRataCapaianAnggaran: number | null;
  predikatAnggaran: string | null;
  pagu: number;
  realisasiAnggaran: number;
}

export interface RenjaReport {
  year: number;
  /** Every change recorded before this instant is in the figures. */
  asOf: string;
  triwulanForm: TriwulanForm;
  rows: RenjaReportRow[];
  summaries: RenjaGroupSummary[];
}
