import {
  Fraction,
  fraction,
  Numeric,
  roundScaled,
  scaledToDecimal,
  toFraction,
} from './exact-decimal';

const HUNDRED: Fraction = { num: 100n, den: 1n };

/** Whether lower realisasi is better (angka kemiskinan, perkawinan usia anak). */
export type Polarity = 'POSITIVE' | 'NEGATIVE';

/**
 * How capaian is computed for a NEGATIVE indicator:
 * - `TWO_T_MINUS_R`: (2 × target − realisasi) / target × 100, floored at 0 (the Balangan Renja's
 *   rule and the default);
 * - `T_OVER_R`: target / realisasi × 100.
 */
export type NegativeCapaianRule = 'TWO_T_MINUS_R' | 'T_OVER_R';

function rounded(f: Fraction): number {
  return Number(scaledToDecimal(roundScaled(f, 2), 2));
}

/**
 * The one rounding rule of Pilar: half-up (away from zero) to 2 decimals, computed exactly on
 * the decimal value. `roundHalfUp2('99.955')` is 99.96 where `Math.round(99.955 * 100) / 100`
 * gives 99.95.
 */
export function roundHalfUp2(x: Numeric): number {
  return rounded(toFraction(x));
}

/**
 * numerator / denominator × 100, rounded by the one rule. Null when the denominator is 0: a
 * percentage of nothing is undefined, never NaN or Infinity.
 */
export function percent(numerator: Numeric, denominator: Numeric): number | null {
  const q = fraction.div(toFraction(numerator), toFraction(denominator));
  return q ? rounded(fraction.mul(q, HUNDRED)) : null;
}

export interface CapaianInput {
  target: Numeric | null;
  realisasi: Numeric | null;
  /** POSITIVE when omitted. */
  polarity?: Polarity;
  /** For NEGATIVE indicators; TWO_T_MINUS_R when omitted. */
  negativeRule?: NegativeCapaianRule | null;
}

/**
 * Tingkat capaian (%) of an indicator. Null when it is undefined: no target, target 0, no
 * realisasi, or realisasi 0 under the T_OVER_R rule.
 */
export function capaian({
  target,
  realisasi,
  polarity = 'POSITIVE',
  negativeRule,
}: CapaianInput): number | null {
  if (target === null || realisasi === null) return null;
  const t = toFraction(target);
  const r = toFraction(realisasi);
  if (fraction.isZero(t)) return null;
  switch (polarity) {
    case 'POSITIVE':
      return percent(realisasi, target);
    case 'NEGATIVE': {
      switch (negativeRule ?? 'TWO_T_MINUS_R') {
        case 'TWO_T_MINUS_R': {
          const twoTMinusR = fraction.sub(fraction.mul({ num: 2n, den: 1n }, t), r);
          const value = fraction.div(fraction.mul(twoTMinusR, HUNDRED), t);
          return value && value.num > 0n ? rounded(value) : 0;
        }
        case 'T_OVER_R':
          return percent(target, realisasi);
      }
    }
  }
}

/** Serapan anggaran (%) = realisasi anggaran / pagu × 100; null when the pagu is 0 or unknown. */
export function serapan({
  pagu,
  realisasiAnggaran,
}: {
  pagu: Numeric | null;
  realisasiAnggaran: Numeric | null;
}): number | null {
  if (pagu === null || realisasiAnggaran === null) return null;
  return percent(realisasiAnggaran, pagu);
}

/**
 * Nilai efisiensi (%) = capaian kinerja / capaian anggaran × 100 (Tabel 2.1 column 17); null when
 * either is unknown or the capaian anggaran is 0.
 */
export function efisiensi({
  capaianKinerja,
  capaianAnggaran,
}: {
  capaianKinerja: Numeric | null;
  capaianAnggaran: Numeric | null;
}): number | null {
  if (capaianKinerja === null || capaianAnggaran === null) return null;
  return percent(capaianKinerja, capaianAnggaran);
}

/**
 * The mean of a group (rata-rata capaian of the sub-kegiatan of a kegiatan, …), rounded by the
 * one rule. Unknown values (null) are left out rather than counted as 0; null when none is known.
 */
export function mean(values: readonly (Numeric | null | undefined)[]): number | null {
  const known = values.filter((v): v is Numeric => v !== null && v !== undefined);
  if (known.length === 0) return null;
  const sum = known.map(toFraction).reduce(fraction.add);
  return rounded({ num: sum.num, den: sum.den * BigInt(known.length) });
}
