import {
  Accumulation,
  fraction,
  fractionToDecimalString,
  mean,
  percent,
  toFraction,
} from '@pilar/planning';
import { PerTriwulan, Triwulan, TRIWULAN } from '../rollup.types';

/** One stored realisasi cell, as `rollup_indicator_cell` holds it (numerics as strings). */
export interface IndicatorCell {
  triwulan: Triwulan;
  value: string;
  valueYtd: string;
  denominator: string | null;
  denominatorYtd: string | null;
}

/** The figures the API and the reports show: per triwulan in the quarter, and year-to-date. */
export interface RealisasiFigures {
  realisasi: PerTriwulan<number | null> & { total: number | null };
  realisasiYtd: PerTriwulan<number | null>;
}

/** How an indicator's realisasi comes about. */
export type FigureKind = 'COUNT' | 'RATIO' | 'MANUAL';

const perTriwulan = <T>(f: (tw: Triwulan) => T): PerTriwulan<T> => ({
  tw1: f(1),
  tw2: f(2),
  tw3: f(3),
  tw4: f(4),
});

/**
 * Figures of a counting measure: the stored cells as they are (a missing cell is zero, since
 * only non-zero cells are stored); the year is the running total at TW IV.
 */
export function countFigures(cells: IndicatorCell[]): RealisasiFigures {
  const at = (tw: Triwulan) => cells.find((c) => c.triwulan === tw);
  const ytd = perTriwulan((tw) => Number(at(tw)?.valueYtd ?? 0));
  return {
    realisasi: { ...perTriwulan((tw) => Number(at(tw)?.value ?? 0)), total: ytd.tw4 },
    realisasiYtd: ytd,
  };
}

/**
 * Figures of a RATIO (× 100): each triwulan's numerator over its denominator, year-to-date the
 * running numerator over the running denominator; the year is the ratio s.d. TW IV. Undefined
 * (null) where the denominator is 0.
 */
export function ratioFigures(cells: IndicatorCell[]): RealisasiFigures {
  const at = (tw: Triwulan) => cells.find((c) => c.triwulan === tw);
  const ratio = (num: string | undefined, den: string | null | undefined): number | null =>
    percent(num ?? 0, den ?? 0);
  const ytd = perTriwulan((tw) => ratio(at(tw)?.valueYtd, at(tw)?.denominatorYtd));
  return {
    realisasi: {
      ...perTriwulan((tw) => ratio(at(tw)?.value, at(tw)?.denominator)),
      total: ytd.tw4,
    },
    realisasiYtd: ytd,
  };
}

/**
 * Figures of a MANUAL indicator from the values entered per triwulan (null where none was
 * entered). Year-to-date and the year follow the indicator's accumulation: SUM adds the quarters,
 * LATEST takes the most recent value entered, AVERAGE the mean of those entered.
 */
export function manualFigures(
  values: { triwulan: number; value: string }[],
  accumulation: Accumulation,
): RealisasiFigures {
  const entered = (tw: Triwulan): string | null =>
    values.find((v) => v.triwulan === tw)?.value ?? null;
  const upTo = (tw: Triwulan): string[] =>
    TRIWULAN.filter((q) => q <= tw)
      .map(entered)
      .filter((v): v is string => v !== null);
  const combine = (known: string[]): number | null => {
    if (known.length === 0) return null;
    switch (accumulation) {
      case 'SUM':
        return Number(fractionToDecimalString(known.map(toFraction).reduce(fraction.add)));
      case 'LATEST':
        return Number(known[known.length - 1]);
      case 'AVERAGE':
        return mean(known);
    }
  };
  const ytd = perTriwulan((tw) => combine(upTo(tw)));
  return {
    realisasi: {
      ...perTriwulan((tw) => {
        const v = entered(tw);
        return v === null ? null : Number(v);
      }),
      total: ytd.tw4,
    },
    realisasiYtd: ytd,
  };
}
