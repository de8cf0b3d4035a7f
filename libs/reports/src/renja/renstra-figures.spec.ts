import type { IndicatorDefinition } from '@pilar/planning';
import { earlierRenstraYears, renstraFigures } from './renstra-figures';

const definition = (over: Partial<IndicatorDefinition>): IndicatorDefinition =>
  ({
    id: 'i1',
    polarity: 'POSITIVE',
    negativeCapaianRule: null,
    accumulation: 'SUM',
    renstraTargets: [{ startYear: 2021, endYear: 2026, target: '3000' }],
    ...over,
  }) as IndicatorDefinition;

describe(renstraFigures.name, () => {
  it('adds the years of the period for counts: 14 = 6 + 12, 15 = 14 / 5', () => {
    const totals = new Map([
      [2021, 500],
      [2022, 650],
      [2023, 456],
    ]);
    expect(renstraFigures(definition({}), 2023, totals)).toEqual({
      target: 3000,
      realisasiSdTahunLalu: 1150,
      realisasiSdTahunIni: 1606,
      capaian: 53.53,
    });
  });

  it('takes the latest year of a level indicator', () => {
    const totals = new Map([
      [2021, 61.2],
      [2022, 64.5],
    ]);
    expect(
      renstraFigures(
        definition({
          accumulation: 'LATEST',
          renstraTargets: [{ startYear: 2021, endYear: 2026, target: '80' }],
        }),
        2022,
        totals,
      ),
    ).toEqual({
      target: 80,
      realisasiSdTahunLalu: 61.2,
      realisasiSdTahunIni: 64.5,
      capaian: 80.63,
    });
  });

  it('has nothing to say outside a Renstra period', () => {
    expect(renstraFigures(definition({}), 2027, new Map())).toBeNull();
    expect(earlierRenstraYears([definition({})], 2023)).toEqual([2021, 2022]);
  });
});
