/**
 * Exact arithmetic on decimal figures. Percentages in Pilar are rounded half-up to 2 decimals;
 * doing that on binary floats misrounds values that sit on a half (x.xx5 is rarely exact in
 * binary), so every computation here runs on BigInt fractions and only the rounded result
 * becomes a JS number.
 */

/** A figure as Pilar holds it: a JS number, a decimal string (PostgreSQL numeric), a bigint (rupiah). */
export type Numeric = number | string | bigint;

/** An exact rational `num / den`, `den > 0`. */
export interface Fraction {
  readonly num: bigint;
  readonly den: bigint;
}

const DECIMAL = /^([+-]?)(\d+)(?:\.(\d*))?(?:e([+-]?\d+))?$/i;

/**
 * The exact value of `x`. A JS number is read through its shortest decimal representation
 * (`String(1.48)` is `"1.48"`), which is the decimal the sender wrote.
 */
export function toFraction(x: Numeric): Fraction {
  if (typeof x === 'bigint') return { num: x, den: 1n };
  if (typeof x === 'number' && !Number.isFinite(x)) {
    throw new RangeError(`${x} is not a finite number`);
  }
  const text = typeof x === 'number' ? String(x) : x.trim();
  const match = DECIMAL.exec(text);
  if (!match) throw new RangeError(`"${text}" is not a decimal number`);
  const [, sign, int, frac = '', exp = '0'] = match;
  let num = BigInt(int + frac) * (sign === '-' ? -1n : 1n);
  let scale = frac.length - Number(exp);
  if (scale < 0) {
    num *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { num, den: 10n ** BigInt(scale) };
}

export const fraction = {
  of: toFraction,
  add: (a: Fraction, b: Fraction): Fraction => ({
    num: a.num * b.den + b.num * a.den,
    den: a.den * b.den,
  }),
  sub: (a: Fraction, b: Fraction): Fraction => ({
    num: a.num * b.den - b.num * a.den,
    den: a.den * b.den,
  }),
  mul: (a: Fraction, b: Fraction): Fraction => ({ num: a.num * b.num, den: a.den * b.den }),
  /** `a / b`, or null when `b` is zero. */
  div: (a: Fraction, b: Fraction): Fraction | null => {
    if (b.num === 0n) return null;
    const sign = b.num < 0n ? -1n : 1n;
    return { num: a.num * b.den * sign, den: a.den * b.num * sign };
  },
  isZero: (a: Fraction): boolean => a.num === 0n,
  /** -1, 0 or 1 as `a` is below, equal to or above `b`. */
  compare: (a: Fraction, b: Fraction): number => {
    const d = a.num * b.den - b.num * a.den;
    return d < 0n ? -1 : d > 0n ? 1 : 0;
  },
};

/**
 * `f × 10^digits`, rounded half-up (half away from zero, like PostgreSQL `round(numeric, n)`
 * and Java's `HALF_UP`), as an integer.
 */
export function roundScaled(f: Fraction, digits: number): bigint {
  const scaled = f.num * 10n ** BigInt(digits);
  const abs = scaled < 0n ? -scaled : scaled;
  const rounded = (2n * abs + f.den) / (2n * f.den);
  return scaled < 0n ? -rounded : rounded;
}

/** `scaled / 10^digits` as a plain decimal string: `scaledToDecimal(9996n, 2)` is `"99.96"`. */
export function scaledToDecimal(scaled: bigint, digits: number): string {
  const negative = scaled < 0n;
  const digitsText = (negative ? -scaled : scaled).toString().padStart(digits + 1, '0');
  const int = digitsText.slice(0, digitsText.length - digits);
  const frac = digitsText.slice(digitsText.length - digits);
  return `${negative ? '-' : ''}${int}${digits > 0 ? `.${frac}` : ''}`;
}

/**
 * The exact decimal digits of `x` without trailing zeros (`"1.4800"` → `"1.48"`), for storing
 * a figure in a numeric column exactly as given.
 */
export function toDecimalString(x: Numeric): string {
  return fractionToDecimalString(toFraction(x));
}

/**
 * The exact decimal of a fraction whose denominator is a power of ten (what sums and products
 * of decimals give), without trailing zeros. Throws for others (1/3 has no finite decimal).
 */
export function fractionToDecimalString(f: Fraction): string {
  const digits = f.den.toString().length - 1;
  if (f.den !== 10n ** BigInt(digits)) {
    throw new RangeError(`${f.num}/${f.den} has no finite decimal form`);
  }
  const text = scaledToDecimal(f.num, digits);
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}
