import { Injectable } from '@nestjs/common';
import { AppConfig } from '@pilar/core';
import { percent } from '@pilar/planning';
import {
  CoverageFiguresService,
  RollupStatusService,
  SPM_SERVICES,
  SpmService,
} from '@pilar/rollup';
import { WilayahService } from '@pilar/wilayah';
import type { ReportTable } from '../export/report-table';

/** The five SPM bidang sosial services (PP 2/2018 art. 10; Permensos 9/2018). */
export const SPM_NAMES: Record<SpmService, string> = {
  A: 'Rehabilitasi sosial dasar penyandang disabilitas terlantar di luar panti sosial',
  B: 'Rehabilitasi sosial dasar anak terlantar di luar panti sosial',
  C: 'Rehabilitasi sosial dasar lanjut usia terlantar di luar panti sosial',
  D: 'Rehabilitasi sosial dasar tuna sosial khususnya gelandangan dan pengemis di luar panti sosial',
  E: 'Perlindungan dan jaminan sosial pada saat dan setelah tanggap darurat bencana bagi korban bencana',
};

/** The SPM target: everyone who needs the service gets it. */
export const SPM_TARGET = 100;

export interface SpmWilayahFigures {
  wilayahKode: string;
  wilayahNama: string;
  needing: number;
  served: number;
  /** served / needing × 100; null when nobody needed the service. */
  coverage: number | null;
}

export interface SpmServiceFigures extends Omit<SpmWilayahFigures, 'wilayahKode' | 'wilayahNama'> {
  spm: SpmService;
  name: string;
  target: number;
  perKecamatan: SpmWilayahFigures[];
}

export interface SpmReport {
  year: number;
  asOf: string;
  wilayahKode: string;
  services: SpmServiceFigures[];
}

/** The five SPM indicators of the kabupaten, with their kecamatan. Aggregates only. */
@Injectable()
export class SpmReportService {
  constructor(
    private readonly figures: CoverageFiguresService,
    private readonly wilayah: WilayahService,
    private readonly status: RollupStatusService,
    private readonly config: AppConfig,
  ) {}

  async report(year: number): Promise<SpmReport> {
    const kabupaten = this.config.agency.kabupatenKode;
    const [cells, kecamatan, status] = await Promise.all([
      this.figures.spm(year, kabupaten),
      this.wilayah.children(kabupaten),
      this.status.status(),
    ]);
    const names = new Map(kecamatan.map((w) => [w.kode, w.nama]));
    return {
      year,
      asOf: status.asOf.toISOString(),
      wilayahKode: kabupaten,
      services: SPM_SERVICES.map((spm) => {
        const ofService = cells.filter((c) => c.spm === spm);
        const needing = ofService.reduce((sum, c) => sum + c.needing, 0);
        const served = ofService.reduce((sum, c) => sum + c.served, 0);
        return {
          spm,
          name: SPM_NAMES[spm],
          target: SPM_TARGET,
          needing,
          served,
          coverage: percent(served, needing),
          perKecamatan: ofService.map((c) => ({
            wilayahKode: c.kecamatanKode,
            wilayahNama: names.get(c.kecamatanKode) ?? c.kecamatanKode,
            needing: c.needing,
            served: c.served,
            coverage: percent(c.served, c.needing),
          })),
        };
      }),
    };
  }

  /** The report flat: a line per service and kecamatan, then the service's kabupaten line. */
  async table(year: number): Promise<ReportTable> {
    const report = await this.report(year);
    const kabupaten = await this.wilayah.get(report.wilayahKode);
    return {
      name: `spm-sosial-${year}`,
      title: [`Capaian SPM Bidang Sosial Tahun ${year}`, `Data s.d. ${report.asOf}`],
      columns: [
        { key: 'spm', header: 'SPM', kind: 'text' },
        { key: 'name', header: 'Jenis Pelayanan Dasar', kind: 'text' },
        { key: 'wilayahKode', header: 'Kode Wilayah', kind: 'text' },
        { key: 'wilayahNama', header: 'Wilayah', kind: 'text' },
        { key: 'target', header: 'Target (%)', kind: 'percent' },
        { key: 'needing', header: 'Warga yang Membutuhkan', kind: 'integer' },
        { key: 'served', header: 'Warga yang Terlayani', kind: 'integer' },
        { key: 'coverage', header: 'Capaian (%)', kind: 'percent' },
      ],
      rows: report.services.flatMap((s) => [
        ...s.perKecamatan.map((k) => ({ spm: s.spm, name: s.name, target: s.target, ...k })),
        {
          spm: s.spm,
          name: s.name,
          target: s.target,
          wilayahKode: report.wilayahKode,
          wilayahNama: kabupaten.nama,
          needing: s.needing,
          served: s.served,
          coverage: s.coverage,
        },
      ]),
    };
  }
}
