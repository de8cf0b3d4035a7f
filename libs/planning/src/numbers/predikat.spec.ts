import { AppConfig } from '@pilar/core';
import { PREDIKAT_PERMENDAGRI_86_2017, predikat } from './predikat';

describe(predikat.name, () => {
  it.each([
    [149.8, 'Sangat Tinggi'],
    [100, 'Sangat Tinggi'],
    [91, 'Sangat Tinggi'],
    [90, 'Tinggi'],
    [76, 'Tinggi'],
    [75, 'Sedang'],
    [66, 'Sedang'],
    [65, 'Rendah'],
    [51, 'Rendah'],
    [50, 'Sangat Rendah'],
    [0, 'Sangat Rendah'],
  ])('puts %p in the Permendagri 86/2017 band %p', (value, expected) => {
    expect(predikat(value)).toBe(expected);
  });

  it('gives a value between two printed bands the lower one: the bound must be reached', () => {
    expect(predikat(90.5)).toBe('Tinggi');
    expect(predikat('90.99')).toBe('Tinggi');
    expect(predikat(75.5)).toBe('Sedang');
    expect(predikat(50.5)).toBe('Sangat Rendah');
  });

  it('puts values below the lowest bound in the lowest band, and unknown values nowhere', () => {
    expect(predikat(-3)).toBe('Sangat Rendah');
    expect(predikat(null)).toBeNull();
  });

  it('uses bands given by the agency, in any order', () => {
    const bands = [
      { min: 0, label: 'Kurang' },
      { min: 80, label: 'Baik' },
    ];
    expect(predikat(80, bands)).toBe('Baik');
    expect(predikat(79.99, bands)).toBe('Kurang');
    expect(PREDIKAT_PERMENDAGRI_86_2017.map((b) => b.min)).toEqual([91, 76, 66, 51, 0]);
  });

  it('reads the bands from PREDIKAT_BANDS, defaulting to Permendagri 86/2017', () => {
    const secrets = { JWT_ACCESS_SECRET: 'a'.repeat(32), JWT_REFRESH_SECRET: 'b'.repeat(32) };
    expect(AppConfig.from(secrets).predikatBands).toEqual(PREDIKAT_PERMENDAGRI_86_2017);
    const agency = AppConfig.from({ ...secrets, PREDIKAT_BANDS: '0:Kurang,85.5:Baik' });
    expect(predikat(85.5, agency.predikatBands)).toBe('Baik');
    expect(predikat(85.49, agency.predikatBands)).toBe('Kurang');
    expect(() => AppConfig.from({ ...secrets, PREDIKAT_BANDS: 'Baik:80' })).toThrow(
      /PREDIKAT_BANDS/,
    );
  });
});
