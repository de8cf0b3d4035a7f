import { capaian, efisiensi, mean, percent, roundHalfUp2, serapan } from './percentages';

describe(capaian.name, () => {
  // domain/README.md §5, worked examples from renja-2022-dinsos-balangan.txt.
  it.each([
    ['korban bencana yang mendapatkan bantuan (L193)', 500, 749, 149.8],
    ['anak terlantar, fasilitasi pendidikan (L203)', 40, 35, 87.5],
    ['penyandang cacat, bantuan alat (L205)', 6, 2, 33.33],
    ['keluarga miskin dalam BDT divalidasi (L227)', 12084, 11518, 95.32],
    ['orang terlantar dilayani / reunifikasi (L192)', 10, 0, 0],
  ])('computes %s: target %p, realisasi %p → %p', (_, target, realisasi, expected) => {
    expect(capaian({ target, realisasi })).toBe(expected);
  });

  it('computes the negative indicator perkawinan usia anak (L281) as (2 − 1,48/1) × 100 = 52,00', () => {
    expect(capaian({ target: 1, realisasi: 1.48, polarity: 'NEGATIVE' })).toBe(52);
    expect(capaian({ target: '1', realisasi: '1.48', polarity: 'NEGATIVE' })).toBe(52);
  });

  it('floors the default negative rule at 0 when realisasi exceeds twice the target', () => {
    expect(capaian({ target: 1, realisasi: 3, polarity: 'NEGATIVE' })).toBe(0);
    expect(capaian({ target: 2, realisasi: 1, polarity: 'NEGATIVE' })).toBe(150);
  });

  it('applies the T_OVER_R rule when a negative indicator chooses it', () => {
    expect(
      capaian({ target: 1, realisasi: 1.48, polarity: 'NEGATIVE', negativeRule: 'T_OVER_R' }),
    ).toBe(67.57);
    expect(
      capaian({ target: 1, realisasi: 0, polarity: 'NEGATIVE', negativeRule: 'T_OVER_R' }),
    ).toBeNull();
  });

  it('is null, never NaN or Infinity, for target 0 or unknown figures', () => {
    expect(capaian({ target: 0, realisasi: 5 })).toBeNull();
    expect(capaian({ target: 0, realisasi: 0 })).toBeNull();
    expect(capaian({ target: '0.00', realisasi: 1, polarity: 'NEGATIVE' })).toBeNull();
    expect(capaian({ target: null, realisasi: 5 })).toBeNull();
    expect(capaian({ target: 10, realisasi: null })).toBeNull();
  });

  it('is not capped at 100: 9 of a target of 8 is 112,5 %', () => {
    expect(capaian({ target: 8, realisasi: 9 })).toBe(112.5);
  });
});

describe(serapan.name, () => {
  it('gives 99,96 for DTKS 93.417.800 → 93.379.300 (printed 99,9: the rounding trap)', () => {
    expect(serapan({ pagu: 93_417_800n, realisasiAnggaran: 93_379_300n })).toBe(99.96);
    expect(serapan({ pagu: '93417800', realisasiAnggaran: 93379300 })).toBe(99.96);
  });

  it('gives 99,39 for Bimbingan FMSS 20.599.000 → 20.473.200', () => {
    expect(serapan({ pagu: 20_599_000, realisasiAnggaran: 20_473_200 })).toBe(99.39);
  });

  it('is null for a pagu of 0', () => {
    expect(serapan({ pagu: 0n, realisasiAnggaran: 0n })).toBeNull();
    expect(serapan({ pagu: null, realisasiAnggaran: 10 })).toBeNull();
  });
});

describe(roundHalfUp2.name, () => {
  it('rounds exact halves up where binary floats round them down', () => {
    // 1.005 * 100 is 100.49999999999999 in binary; the decimal value is a half.
    expect(Math.round(1.005 * 100) / 100).toBe(1);
    expect(roundHalfUp2(1.005)).toBe(1.01);
    expect(roundHalfUp2('99.955')).toBe(99.96);
    expect(roundHalfUp2('0.125')).toBe(0.13);
    expect(roundHalfUp2('2.675')).toBe(2.68);
  });

  it('rounds halves away from zero for negative values, like PostgreSQL round(numeric, 2)', () => {
    expect(roundHalfUp2('-2.675')).toBe(-2.68);
    expect(roundHalfUp2('-0.004')).toBe(0);
    expect(Object.is(roundHalfUp2('-0.004'), -0)).toBe(false);
  });

  it('keeps values below the half down', () => {
    expect(roundHalfUp2('99.9549999')).toBe(99.95);
    expect(roundHalfUp2(12084n)).toBe(12084);
  });
});

describe(percent.name, () => {
  it('is exact for quotients that land on a half', () => {
    // 201 / 20000 is exactly 1,005 % (a half), which float arithmetic rounds down to 1,00.
    expect(Math.round((201 / 20000) * 100 * 100) / 100).toBe(1);
    expect(percent(201, 20000)).toBe(1.01);
    expect(percent(1, 800)).toBe(0.13);
    expect(percent(1, 1600)).toBe(0.06);
  });

  it('reproduces the 40,92 % of PPKS served in Balangan 2020 (printed 40,95 %)', () => {
    expect(percent(19446, 47523)).toBe(40.92);
  });

  it('is null for a denominator of 0', () => {
    expect(percent(5, 0)).toBeNull();
    expect(percent(0, '0.0')).toBeNull();
  });
});

describe(efisiensi.name, () => {
  it('divides capaian kinerja by capaian anggaran', () => {
    expect(efisiensi({ capaianKinerja: 87.5, capaianAnggaran: 99.96 })).toBe(87.54);
    expect(efisiensi({ capaianKinerja: 100, capaianAnggaran: 0 })).toBeNull();
    expect(efisiensi({ capaianKinerja: null, capaianAnggaran: 50 })).toBeNull();
  });
});

describe(mean.name, () => {
  it('averages the known capaian of a group exactly and leaves unknown ones out', () => {
    expect(mean([149.8, 87.5, 33.33])).toBe(90.21);
    expect(mean([100, null, 50, undefined])).toBe(75);
    expect(mean(['0.005', '0.005'])).toBe(0.01);
  });

  it('is null for an empty group', () => {
    expect(mean([])).toBeNull();
    expect(mean([null])).toBeNull();
  });
});
