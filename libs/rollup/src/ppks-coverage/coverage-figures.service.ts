import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { SpmService } from '../rollup.types';

/** Registered and served PPKS of one type in one kecamatan and year. */
export interface CoverageCell {
  ppksKode: string;
  kecamatanKode: string;
  registered: number;
  served: number;
}

/** People needing and served by one SPM service in one kecamatan and year. */
export interface SpmCell {
  spm: SpmService;
  kecamatanKode: string;
  needing: number;
  served: number;
}

/** Reads the PPKS coverage and SPM cells (aggregates only: no person is named). */
@Injectable()
export class CoverageFiguresService {
  constructor(private readonly dataSource: DataSource) {}

  /** The year's coverage cells in `wilayahKode` (a kabupaten or kecamatan code, or its prefix). */
  async coverage(year: number, wilayahKode: string): Promise<CoverageCell[]> {
    const rows: {
      ppks_kode: string;
      kecamatan_kode: string;
      registered: number;
      served: number;
    }[] = await this.dataSource.query(
      `SELECT c.ppks_kode, c.kecamatan_kode, c.registered, c.served
       FROM rollup_ppks_coverage c
       JOIN ppks_type t ON t.kode = c.ppks_kode
       WHERE c.year = $1 AND (c.kecamatan_kode = $2 OR c.kecamatan_kode LIKE $2 || '.%')
       ORDER BY t.nomor, c.kecamatan_kode`,
      [year, wilayahKode],
    );
    return rows.map((r) => ({
      ppksKode: r.ppks_kode,
      kecamatanKode: r.kecamatan_kode,
      registered: r.registered,
      served: r.served,
    }));
  }

  async spm(year: number, wilayahKode: string): Promise<SpmCell[]> {
    const rows: { spm: SpmService; kecamatan_kode: string; needing: number; served: number }[] =
      await this.dataSource.query(
        `SELECT spm, kecamatan_kode, needing, served FROM rollup_spm
         WHERE year = $1 AND (kecamatan_kode = $2 OR kecamatan_kode LIKE $2 || '.%')
         ORDER BY spm, kecamatan_kode`,
        [year, wilayahKode],
      );
    return rows.map((r) => ({
      spm: r.spm,
      kecamatanKode: r.kecamatan_kode,
      needing: r.needing,
      served: r.served,
    }));
  }
}
