import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PerTriwulan, Triwulan } from '../rollup.types';

/** A sub-kegiatan's spending in a year: rupiah per triwulan (in the quarter) and the total. */
export interface RealisasiAnggaran {
  subKegiatanKode: string;
  triwulan: PerTriwulan<bigint>;
  total: bigint;
}

/** Realisasi anggaran as the roll-up computed it from the service events' rupiah. */
@Injectable()
export class RealisasiAnggaranService {
  constructor(private readonly dataSource: DataSource) {}

  async forYear(year: number): Promise<Map<string, RealisasiAnggaran>> {
    const rows: { sub_kegiatan_kode: string; triwulan: Triwulan; amount: string }[] =
      await this.dataSource.query(
        `SELECT sub_kegiatan_kode, triwulan, amount FROM rollup_anggaran_cell WHERE year = $1`,
        [year],
      );
    const bySubKegiatan = new Map<string, RealisasiAnggaran>();
    for (const r of rows) {
      const entry = bySubKegiatan.get(r.sub_kegiatan_kode) ?? {
        subKegiatanKode: r.sub_kegiatan_kode,
        triwulan: { tw1: 0n, tw2: 0n, tw3: 0n, tw4: 0n },
        total: 0n,
      };
      entry.triwulan[`tw${r.triwulan}`] = BigInt(r.amount);
      entry.total += BigInt(r.amount);
      bySubKegiatan.set(r.sub_kegiatan_kode, entry);
    }
    return bySubKegiatan;
  }
}
