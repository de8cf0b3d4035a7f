import {
  Numeric,
  roundScaled,
  scaledToDecimal,
  toDecimalString,
  toFraction,
} from './exact-decimal';

function groupThousands(int: string): string {
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/**
 * A number as Indonesian documents print it: `.` between thousands, `,` before decimals
 * (`12.084`, `99,96`, `16.257.059.079`). With `fractionDigits` the value is rounded half-up to
 * that many decimals and padded (`formatIdNumber(87.5, 2)` is `87,50`); without, it shows
 * exactly the digits it has (`1,48`).
 */
export function formatIdNumber(x: Numeric, fractionDigits?: number): string {
  const plain =
    fractionDigits === undefined
      ? toDecimalString(x)
      : scaledToDecimal(roundScaled(toFraction(x), fractionDigits), fractionDigits);
  const negative = plain.startsWith('-');
  const [int, frac] = (negative ? plain.slice(1) : plain).split('.');
  return `${negative ? '-' : ''}${groupThousands(int)}${frac ? `,${frac}` : ''}`;
}

/** `1.234.567` or `1.234.567,5`: dots between groups of three, the first group not zero. */
const ID_GROUPED = /^([+-]?)([1-9]\d{0,2}(?:\.\d{3})+)(?:,(\d+))?$/;
/** `1234567` or `1,48`: a decimal comma. */
const ID_PLAIN = /^([+-]?)(\d+)(?:,(\d+))?$/;
/** `76.48`, `0.125`: a decimal point, only when the dots cannot be thousands separators. */
const DOT_DECIMAL = /^([+-]?)(\d+)\.(\d+)$/;

/**
 * Reads a number as the agencies type it, returning its exact decimal string (`"12084"`,
 * `"1.48"`), or null when the text is not a number.
 * - `12.084` and `16.257.059.079` are thousands (Indonesian), `1,48` a decimal comma;
 * - a single dot that cannot be a thousands separator (`76.48`, `0.125`, `1.5`) is a decimal
 *   point, since spreadsheets exported in English locales write decimals that way;
 * - `1,234.5` (English grouping) is refused: it cannot be told apart from an Indonesian typo.
 */
export function parseIdNumber(raw: string): string | null {
  const text = raw.trim();
  const match = ID_GROUPED.exec(text) ?? ID_PLAIN.exec(text) ?? DOT_DECIMAL.exec(text);
  if (!match) return null;
  const [, sign, int, frac] = match;
  const decimal = `${sign === '-' ? '-' : ''}${int.replace(/\./g, '')}${frac ? `.${frac}` : ''}`;
  return toDecimalString(decimal);
}
