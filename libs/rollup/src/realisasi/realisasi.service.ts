import { Injectable } from '@nestjs/common';
import { AppConfig } from '@pilar/core';
import {
  capaian,
  IndicatorDefinition,
  IndicatorLevel,
  IndicatorsService,
  predikat,
  PredikatBand,
} from '@pilar/planning';
import { DataSource } from 'typeorm';
import { PerTriwulan, Triwulan } from '../rollup.types';
import { RollupStatusService } from '../status/rollup-status.service';
import {
  countFigures,
  FigureKind,
  IndicatorCell,
  manualFigures,
  ratioFigures,
  RealisasiFigures,
} from './realisasi-figures';

/** An indicator's target, realisasi and capaian for one year. */
export interface IndicatorRealisasi extends RealisasiFigures {
  indicatorId: string;
  year: number;
  name: string;
  unit: string;
  level: IndicatorLevel;
  programKode: string | null;
  kegiatanKode: string | null;
  subKegiatanKode: string | null;
  kind: FigureKind;
  /** The year's annual target (the Renja Perubahan's where it revised it); null when none. */
  target: number | null;
  /** Each triwulan's own target, when the plan gives them. */
  targetTriwulan: PerTriwulan<number> | null;
  /** realisasi.total against the annual target, by the indicator's polarity and rule. */
  capaian: number | null;
  predikat: string | null;
}

export function figureKind(definition: IndicatorDefinition): FigureKind {
  const { type } = definition.measure;
  return type === 'RATIO' || type === 'MANUAL' ? type : 'COUNT';
}

/** Reads the roll-up's cells and turns them into realisasi and capaian. */
@Injectable()
export class RealisasiService {
  constructor(
    private readonly indicators: IndicatorsService,
    private readonly status: RollupStatusService,
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  async forIndicator(id: string, year: number): Promise<IndicatorRealisasi & { asOf: Date }> {
    const definition = await this.indicators.get(id);
    const [cells, status] = await Promise.all([this.cellsOf(year, [id]), this.status.status()]);
    return {
      ...toRealisasi(definition, year, cells.get(id) ?? [], this.config.predikatBands),
      asOf: status.asOf,
    };
  }

  /** Every indicator with a target in `year`, in plan order. */
  async forYear(year: number): Promise<IndicatorRealisasi[]> {
    return this.compute(await this.indicators.list({ year }), year);
  }

  /** The figures of these indicators in `year`, reading all their cells at once. */
  async compute(definitions: IndicatorDefinition[], year: number): Promise<IndicatorRealisasi[]> {
    const cells = await this.cellsOf(
      year,
      definitions.map((d) => d.id),
    );
    return definitions.map((d) =>
      toRealisasi(d, year, cells.get(d.id) ?? [], this.config.predikatBands),
    );
  }

  private async cellsOf(year: number, ids: string[]): Promise<Map<string, IndicatorCell[]>> {
    const rows: {
      indicator_id: string;
      triwulan: Triwulan;
      value: string;
      value_ytd: string;
      denominator: string | null;
      denominator_ytd: string | null;
    }[] = await this.dataSource.query(
      `SELECT indicator_id, triwulan, value, value_ytd, denominator, denominator_ytd
       FROM rollup_indicator_cell WHERE year = $1 AND indicator_id = ANY ($2)`,
      [year, ids],
    );
    const byIndicator = new Map<string, IndicatorCell[]>();
    for (const r of rows) {
      const cell: IndicatorCell = {
        triwulan: r.triwulan,
        value: r.value,
        valueYtd: r.value_ytd,
        denominator: r.denominator,
        denominatorYtd: r.denominator_ytd,
      };
      byIndicator.set(r.indicator_id, [...(byIndicator.get(r.indicator_id) ?? []), cell]);
    }
    return byIndicator;
  }
}

function toRealisasi(
  definition: IndicatorDefinition,
  year: number,
  cells: IndicatorCell[],
  bands: readonly PredikatBand[],
): IndicatorRealisasi {
  const kind = figureKind(definition);
  const figures =
    kind === 'MANUAL'
      ? manualFigures(
          definition.manualValues.filter((v) => v.year === year),
          definition.accumulation,
        )
      : kind === 'RATIO'
        ? ratioFigures(cells)
        : countFigures(cells);
  const target = definition.targets.find((t) => t.year === year) ?? null;
  const achieved = capaian({
    target: target?.annual ?? null,
    realisasi: figures.realisasi.total,
    polarity: definition.polarity,
    negativeRule: definition.negativeCapaianRule,
  });
  return {
    indicatorId: definition.id,
    year,
    name: definition.name,
    unit: definition.unit,
    level: definition.level,
    programKode: definition.programKode,
    kegiatanKode: definition.kegiatanKode,
    subKegiatanKode: definition.subKegiatanKode,
    kind,
    target: target ? Number(target.annual) : null,
    targetTriwulan: target?.triwulan
      ? {
          tw1: Number(target.triwulan[0]),
          tw2: Number(target.triwulan[1]),
          tw3: Number(target.triwulan[2]),
          tw4: Number(target.triwulan[3]),
        }
      : null,
    ...figures,
    capaian: achieved,
    predikat: predikat(achieved, bands),
  };
}
