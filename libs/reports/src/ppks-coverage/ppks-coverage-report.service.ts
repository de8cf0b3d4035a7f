import { Injectable } from '@nestjs/common';
import { AppConfig, ValidationFailed } from '@pilar/core';
import { percent } from '@pilar/planning';
import { PpksTypesService } from '@pilar/registry';
import { CoverageFiguresService, RollupStatusService } from '@pilar/rollup';
import { isWithin, tingkatOf, WilayahService } from '@pilar/wilayah';
import type { ReportTable } from '../export/report-table';

/** PPKS of one type in one wilayah: registered in the year, served in the year, and the %. */
export interface PpksCoverageRow {
  ppks: string;
  ppksNama: string;
  /** JIWA: people; KK: households. */
  satuan: string;
  wilayahKode: string;
  wilayahNama: string;
  registered: number;
  served: number;
  /** served / registered × 100; null when nobody is registered. */
  coverage: number | null;
}

/**
 * PPKS coverage per type and kecamatan, with a kabupaten line per type after its kecamatan (each
 * person lives in one kecamatan, so the kabupaten line is their exact sum). Aggregates only.
 */
@Injectable()
export class PpksCoverageReportService {
  constructor(
    private readonly figures: CoverageFiguresService,
    private readonly ppksTypes: PpksTypesService,
    private readonly wilayah: WilayahService,
    private readonly status: RollupStatusService,
    private readonly config: AppConfig,
  ) {}

  async report(year: number, wilayahKode?: string): Promise<PpksCoverageRow[]> {
    const kabupaten = this.config.agency.kabupatenKode;
    const area = wilayahKode ?? kabupaten;
    const tingkat = tingkatOf(area);
    if (!isWithin(area, kabupaten) || (tingkat !== 'KABUPATEN' && tingkat !== 'KECAMATAN')) {
      throw ValidationFailed.field(
        'wilayahKode',
        `must be the agency's kabupaten ${kabupaten} or one of its kecamatan`,
      );
    }
    const [cells, types, kecamatan, kabupatenNode] = await Promise.all([
      this.figures.coverage(year, area),
      this.ppksTypes.list(),
      this.wilayah.children(kabupaten),
      this.wilayah.get(kabupaten),
    ]);
    const names = new Map(kecamatan.map((w) => [w.kode, w.nama]));
    const rows: PpksCoverageRow[] = [];
    for (const type of types) {
      const ofType = cells.filter((c) => c.ppksKode === type.kode);
      if (ofType.length === 0) continue;
      const line = (kode: string, nama: string, registered: number, served: number) => ({
        ppks: type.kode,
        ppksNama: type.nama,
        satuan: type.satuan,
        wilayahKode: kode,
        wilayahNama: nama,
        registered,
        served,
        coverage: percent(served, registered),
      });
      for (const c of ofType) {
        rows.push(
          line(
            c.kecamatanKode,
            names.get(c.kecamatanKode) ?? c.kecamatanKode,
            c.registered,
            c.served,
          ),
        );
      }
      if (tingkat === 'KABUPATEN') {
        rows.push(
          line(
            kabupaten,
            kabupatenNode.nama,
            ofType.reduce((sum, c) => sum + c.registered, 0),
            ofType.reduce((sum, c) => sum + c.served, 0),
          ),
        );
      }
    }
    return rows;
  }

  async table(year: number, wilayahKode?: string): Promise<ReportTable> {
    const [rows, status] = await Promise.all([
      this.report(year, wilayahKode),
      this.status.status(),
    ]);
    return {
      name: `cakupan-ppks-${year}`,
      title: [
        `Cakupan PPKS yang Mendapatkan Pelayanan Sosial Tahun ${year}`,
        `Data s.d. ${status.asOf.toISOString()}`,
      ],
      columns: [
        { key: 'ppks', header: 'Kode PPKS', kind: 'text' },
        { key: 'ppksNama', header: 'Jenis PPKS', kind: 'text' },
        { key: 'satuan', header: 'Satuan', kind: 'text' },
        { key: 'wilayahKode', header: 'Kode Wilayah', kind: 'text' },
        { key: 'wilayahNama', header: 'Wilayah', kind: 'text' },
        { key: 'registered', header: 'Terdaftar', kind: 'integer' },
        { key: 'served', header: 'Mendapat Pelayanan', kind: 'integer' },
        { key: 'coverage', header: 'Cakupan (%)', kind: 'percent' },
      ],
      rows: rows.map((r) => ({ ...r })),
    };
  }
}
