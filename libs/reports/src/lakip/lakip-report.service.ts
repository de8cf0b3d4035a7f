import { Injectable } from '@nestjs/common';
import { AppConfig } from '@pilar/core';
import { mean, NomenclatureService, predikat } from '@pilar/planning';
import { IndicatorRealisasi, RealisasiService, RollupStatusService } from '@pilar/rollup';
import type { ReportTable } from '../export/report-table';

export interface LakipIndicator {
  indicatorId: string;
  indicator: string;
  unit: string;
  target: number | null;
  realisasi: number | null;
  capaian: number | null;
  predikat: string | null;
}

/**
 * A group of the LKjIP "Pengukuran Kinerja" table. Pilar's plan has no sasaran records of their
 * own, so the groups are: the agency's tujuan indicators, its sasaran strategis indicators, and
 * each program's outcome indicators (the sasaran of the program, named after it).
 */
export interface LakipSasaran {
  level: 'TUJUAN' | 'SASARAN' | 'PROGRAM';
  kode: string | null;
  sasaran: string;
  indicators: LakipIndicator[];
  rataRataCapaian: number | null;
  predikat: string | null;
}

export interface LakipReport {
  year: number;
  asOf: string;
  sasaran: LakipSasaran[];
  rataRataCapaian: number | null;
  predikat: string | null;
}

const GROUP_NAMES = {
  TUJUAN: 'Tujuan Perangkat Daerah',
  SASARAN: 'Sasaran Strategis Perangkat Daerah',
} as const;

/** LAKIP / LKjIP performance measurement: target, realisasi and capaian with per-sasaran means. */
@Injectable()
export class LakipReportService {
  constructor(
    private readonly realisasi: RealisasiService,
    private readonly nomenclature: NomenclatureService,
    private readonly status: RollupStatusService,
    private readonly config: AppConfig,
  ) {}

  async report(year: number): Promise<LakipReport> {
    const [all, status] = await Promise.all([this.realisasi.forYear(year), this.status.status()]);
    const measured = all.filter(
      (r) => r.level === 'TUJUAN' || r.level === 'SASARAN' || r.level === 'PROGRAM',
    );
    const programNames = await this.nomenclature.names(
      measured.flatMap((r) => (r.programKode ? [r.programKode] : [])),
    );
    const groups = new Map<string, LakipSasaran>();
    for (const r of measured) {
      const key = r.level === 'PROGRAM' ? `PROGRAM/${r.programKode}` : r.level;
      const group = groups.get(key) ?? {
        level: r.level as LakipSasaran['level'],
        kode: r.level === 'PROGRAM' ? r.programKode : null,
        sasaran:
          r.level === 'PROGRAM'
            ? (programNames.get(r.programKode ?? '') ?? r.programKode ?? '')
            : GROUP_NAMES[r.level as 'TUJUAN' | 'SASARAN'],
        indicators: [],
        rataRataCapaian: null,
        predikat: null,
      };
      group.indicators.push(toLakipIndicator(r));
      groups.set(key, group);
    }
    const bands = this.config.predikatBands;
    const sasaran = [...groups.values()].map((g) => {
      const average = mean(g.indicators.map((i) => i.capaian));
      return { ...g, rataRataCapaian: average, predikat: predikat(average, bands) };
    });
    const overall = mean(sasaran.map((s) => s.rataRataCapaian));
    return {
      year,
      asOf: status.asOf.toISOString(),
      sasaran,
      rataRataCapaian: overall,
      predikat: predikat(overall, bands),
    };
  }

  /** Flat: a line per indicator, then the sasaran's mean line. */
  async table(year: number): Promise<ReportTable> {
    const report = await this.report(year);
    return {
      name: `lakip-${year}`,
      title: [`Pengukuran Kinerja Tahun ${year}`, `Data s.d. ${report.asOf}`],
      columns: [
        { key: 'sasaran', header: 'Sasaran', kind: 'text' },
        { key: 'indicator', header: 'Indikator Kinerja', kind: 'text' },
        { key: 'unit', header: 'Satuan', kind: 'text' },
        { key: 'target', header: 'Target', kind: 'decimal' },
        { key: 'realisasi', header: 'Realisasi', kind: 'decimal' },
        { key: 'capaian', header: 'Capaian (%)', kind: 'percent' },
        { key: 'predikat', header: 'Predikat', kind: 'text' },
      ],
      rows: report.sasaran.flatMap((s) => [
        ...s.indicators.map((i) => ({
          sasaran: s.sasaran,
          indicator: i.indicator,
          unit: i.unit,
          target: i.target,
          realisasi: i.realisasi,
          capaian: i.capaian,
          predikat: i.predikat,
        })),
        {
          sasaran: s.sasaran,
          indicator: 'Rata-rata capaian sasaran',
          unit: '%',
          target: null,
          realisasi: null,
          capaian: s.rataRataCapaian,
          predikat: s.predikat,
        },
      ]),
    };
  }
}

function toLakipIndicator(r: IndicatorRealisasi): LakipIndicator {
  return {
    indicatorId: r.indicatorId,
    indicator: r.name,
    unit: r.unit,
    target: r.target,
    realisasi: r.realisasi.total,
    capaian: r.capaian,
    predikat: r.predikat,
  };
}
