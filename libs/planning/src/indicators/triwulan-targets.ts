import type { FieldError } from '@pilar/core';
import {
  fraction,
  fractionToDecimalString,
  Numeric,
  toDecimalString,
  toFraction,
} from '../numbers/exact-decimal';
import type { Accumulation, Triwulan } from './indicator.types';

export interface TargetInput {
  annual: Numeric;
  /** The target of each quarter on its own, TW I–IV. */
  triwulan?: Numeric[] | null;
  /** Percentages of the annual target per quarter, as the agencies write them (25/15/35/25). */
  triwulanShares?: Numeric[] | null;
}

export interface ResolvedTarget {
  annual: string;
  triwulan: Triwulan<string> | null;
  triwulanShares: Triwulan<string> | null;
}

const HUNDRED = toFraction(100);

const isNonNegative = (x: Numeric): boolean => fraction.compare(toFraction(x), toFraction(0)) >= 0;

/**
 * Checks a year's target and turns triwulan shares into absolute quarter targets, exactly:
 * `annual × share / 100` is a finite decimal, so 12.084 × 25 % is 3021 and 1,48 × 15 % is 0,222.
 * Shares must add up to exactly 100. Quarter targets entered as values must add up to the annual
 * target when the indicator accumulates by SUM (its quarters are parts of the year); for LATEST
 * and AVERAGE indicators (levels, percentages) each quarter is a target of its own.
 */
export function resolveTarget(
  input: TargetInput,
  accumulation: Accumulation,
): { target: ResolvedTarget; errors: [] } | { target: null; errors: FieldError[] } {
  const errors: FieldError[] = [];
  if (!isNonNegative(input.annual))
    errors.push({ field: 'annual', message: 'must not be negative' });
  const quarters = (field: 'triwulan' | 'triwulanShares'): Numeric[] | null => {
    const values = input[field];
    if (values === undefined || values === null) return null;
    if (values.length !== 4) {
      errors.push({ field, message: 'must have 4 values, TW I to TW IV' });
      return null;
    }
    values.forEach((v, i) => {
      if (!isNonNegative(v))
        errors.push({ field: `${field}[${i}]`, message: 'must not be negative' });
    });
    return values;
  };
  const triwulan = quarters('triwulan');
  const shares = quarters('triwulanShares');
  shares?.forEach((share, i) => {
    if (!/^-?\d+(\.\d{1,4})?$/.test(toDecimalString(share))) {
      errors.push({ field: `triwulanShares[${i}]`, message: 'must have at most 4 decimals' });
    }
  });
  if (triwulan && shares) {
    errors.push({ field: 'triwulanShares', message: 'give either triwulan or triwulanShares' });
  }
  if (errors.length) return { target: null, errors };

  const annual = toFraction(input.annual);
  const sum = (values: Numeric[]) => values.map(toFraction).reduce(fraction.add);
  if (shares && fraction.compare(sum(shares), HUNDRED) !== 0) {
    errors.push({
      field: 'triwulanShares',
      message: `must add up to 100 (they add up to ${fractionToDecimalString(sum(shares))})`,
    });
  }
  if (triwulan && accumulation === 'SUM' && fraction.compare(sum(triwulan), annual) !== 0) {
    errors.push({
      field: 'triwulan',
      message: `must add up to the annual target ${toDecimalString(input.annual)} (they add up to ${fractionToDecimalString(sum(triwulan))})`,
    });
  }
  if (errors.length) return { target: null, errors };

  const asQuarters = (values: string[]): Triwulan<string> => values as Triwulan<string>;
  const fromShares = shares?.map((share) =>
    fractionToDecimalString(
      fraction.div(fraction.mul(annual, toFraction(share)), HUNDRED) ?? toFraction(0),
    ),
  );
  return {
    target: {
      annual: toDecimalString(input.annual),
      triwulan: triwulan
        ? asQuarters(triwulan.map(toDecimalString))
        : fromShares
          ? asQuarters(fromShares)
          : null,
      triwulanShares: shares ? asQuarters(shares.map(toDecimalString)) : null,
    },
    errors: [],
  };
}
