import {
  capaian,
  fraction,
  fractionToDecimalString,
  IndicatorDefinition,
  mean,
  toFraction,
} from '@pilar/planning';
import type { RenstraFigures } from './renja-report.types';

/**
 * Tabel 2.1 columns 5, 6, 14 and 15 of an indicator, when a Renstra period covers `year`: the
 * period's end target, the realisasi of its earlier years, that plus this year's, and its capaian.
 * Years combine by the indicator's accumulation: counts add up (14 = 6 + 12), levels take the
 * latest known value, averages the mean of the known years.
 */
export function renstraFigures(
  definition: IndicatorDefinition,
  year: number,
  totals: ReadonlyMap<number, number | null>,
): RenstraFigures | null {
  const period = definition.renstraTargets.find((p) => p.startYear <= year && year <= p.endYear);
  if (!period) return null;
  const earlier: number[] = [];
  for (let y = period.startYear; y < year; y++) {
    const total = totals.get(y);
    if (total !== null && total !== undefined) earlier.push(total);
  }
  const current = totals.get(year) ?? null;
  const upToNow = current === null ? earlier : [...earlier, current];
  const combine = (values: number[]): number | null => {
    if (values.length === 0) return null;
    switch (definition.accumulation) {
      case 'SUM':
        return Number(fractionToDecimalString(values.map(toFraction).reduce(fraction.add)));
      case 'LATEST':
        return values[values.length - 1];
      case 'AVERAGE':
        return mean(values);
    }
  };
  const sdTahunIni = combine(upToNow);
  return {
    target: Number(period.target),
    realisasiSdTahunLalu: combine(earlier),
    realisasiSdTahunIni: sdTahunIni,
    capaian: capaian({
      target: period.target,
      realisasi: sdTahunIni,
      polarity: definition.polarity,
      negativeRule: definition.negativeCapaianRule,
    }),
  };
}

/** The years of the Renstra periods that cover `year`, before it. */
export function earlierRenstraYears(definitions: IndicatorDefinition[], year: number): number[] {
  const years = new Set<number>();
  for (const d of definitions) {
    for (const p of d.renstraTargets) {
      if (p.startYear <= year && year <= p.endYear) {
        for (let y = p.startYear; y < year; y++) years.add(y);
      }
    }
  }
  return [...years].sort((a, b) => a - b);
}
