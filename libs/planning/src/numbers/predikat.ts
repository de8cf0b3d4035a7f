import { fraction, Numeric, toFraction } from './exact-decimal';

/** A predikat and the lowest value (inclusive) that earns it. */
export interface PredikatBand {
  min: number;
  label: string;
}

/**
 * Permendagri 86/2017: ≥ 91 Sangat Tinggi, 76–90 Tinggi, 66–75 Sedang, 51–65 Rendah,
 * ≤ 50 Sangat Rendah. The regulation prints whole-number bands; see `predikat` for values
 * between them.
 */
export const PREDIKAT_PERMENDAGRI_86_2017: readonly PredikatBand[] = [
  { min: 91, label: 'Sangat Tinggi' },
  { min: 76, label: 'Tinggi' },
  { min: 66, label: 'Sedang' },
  { min: 51, label: 'Rendah' },
  { min: 0, label: 'Sangat Rendah' },
];

/**
 * The predikat of a capaian (%). A band is earned only when its lower bound is reached, so a
 * value between two printed bands takes the lower one: 90.5 and 90.99 are Tinggi (91 not
 * reached), 50.5 is Sangat Rendah (51 not reached). Values above 100 stay in the top band; the
 * lowest band takes everything below it. Null when the value is unknown.
 */
export function predikat(
  value: Numeric | null,
  bands: readonly PredikatBand[] = PREDIKAT_PERMENDAGRI_86_2017,
): string | null {
  if (value === null || bands.length === 0) return null;
  const v = toFraction(value);
  const ordered = [...bands].sort((a, b) => b.min - a.min);
  const earned = ordered.find((band) => fraction.compare(v, toFraction(band.min)) >= 0);
  return (earned ?? ordered[ordered.length - 1]).label;
}
