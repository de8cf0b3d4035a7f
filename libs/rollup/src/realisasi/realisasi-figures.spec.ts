import { countFigures, IndicatorCell, manualFigures, ratioFigures } from './realisasi-figures';

const cell = (
  triwulan: 1 | 2 | 3 | 4,
  value: string,
  valueYtd: string,
  denominator: string | null = null,
  denominatorYtd: string | null = null,
): IndicatorCell => ({ triwulan, value, valueYtd, denominator, denominatorYtd });

describe(countFigures.name, () => {
  it('reads missing triwulan as zero and takes the year from the running total', () => {
    expect(countFigures([cell(1, '2', '2'), cell(2, '0', '2'), cell(4, '1.5', '3.5')])).toEqual({
      realisasi: { tw1: 2, tw2: 0, tw3: 0, tw4: 1.5, total: 3.5 },
      realisasiYtd: { tw1: 2, tw2: 2, tw3: 0, tw4: 3.5 },
    });
  });

  it('is all zeros for an indicator nobody has been served under', () => {
    expect(countFigures([]).realisasi).toEqual({ tw1: 0, tw2: 0, tw3: 0, tw4: 0, total: 0 });
  });
});

describe(ratioFigures.name, () => {
  it('divides each triwulan and each running total, rounding once', () => {
    // 1 of 3 in TW I (33,33 %), 2 of 3 by TW II (66,67 %).
    const figures = ratioFigures([cell(1, '1', '1', '3', '3'), cell(2, '1', '2', '3', '3')]);
    expect(figures.realisasi).toEqual({
      tw1: 33.33,
      tw2: 33.33,
      tw3: null,
      tw4: null,
      total: null,
    });
    expect(figures.realisasiYtd).toEqual({ tw1: 33.33, tw2: 66.67, tw3: null, tw4: null });
  });

  it('is null, not zero or infinite, where nothing is there to divide by', () => {
    expect(ratioFigures([cell(1, '5', '5', '0', '0')]).realisasi.tw1).toBeNull();
  });
});

describe(manualFigures.name, () => {
  const values = [
    { triwulan: 1, value: '1.1' },
    { triwulan: 2, value: '2.2' },
    { triwulan: 4, value: '0.7' },
  ];

  it('adds the quarters of a SUM indicator exactly', () => {
    expect(manualFigures(values, 'SUM')).toEqual({
      realisasi: { tw1: 1.1, tw2: 2.2, tw3: null, tw4: 0.7, total: 4 },
      realisasiYtd: { tw1: 1.1, tw2: 3.3, tw3: 3.3, tw4: 4 },
    });
  });

  it('takes the latest value entered for a LATEST indicator', () => {
    expect(manualFigures(values, 'LATEST').realisasiYtd).toEqual({
      tw1: 1.1,
      tw2: 2.2,
      tw3: 2.2,
      tw4: 0.7,
    });
  });

  it('averages the values entered for an AVERAGE indicator', () => {
    expect(manualFigures(values, 'AVERAGE').realisasi.total).toBe(1.33);
    expect(manualFigures([], 'AVERAGE').realisasi.total).toBeNull();
  });
});
