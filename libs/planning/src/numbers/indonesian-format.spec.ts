import { formatIdNumber, parseIdNumber } from './indonesian-format';
import { toDecimalString } from './exact-decimal';

describe(formatIdNumber.name, () => {
  it('prints the worked examples as the documents do', () => {
    expect(formatIdNumber(149.8, 2)).toBe('149,80');
    expect(formatIdNumber(87.5, 2)).toBe('87,50');
    expect(formatIdNumber(33.33, 2)).toBe('33,33');
    expect(formatIdNumber(52, 2)).toBe('52,00');
    expect(formatIdNumber(0, 2)).toBe('0,00');
    expect(formatIdNumber(99.96)).toBe('99,96');
  });

  it('separates thousands with dots', () => {
    expect(formatIdNumber(12084)).toBe('12.084');
    expect(formatIdNumber(16_257_059_079n)).toBe('16.257.059.079');
    expect(formatIdNumber('4412192603')).toBe('4.412.192.603');
    expect(formatIdNumber(999)).toBe('999');
    expect(formatIdNumber(-1234.5)).toBe('-1.234,5');
  });

  it('shows exactly the digits a figure has unless told how many', () => {
    expect(formatIdNumber('1.4800')).toBe('1,48');
    expect(formatIdNumber(1.48)).toBe('1,48');
    expect(formatIdNumber('99.955', 2)).toBe('99,96');
    expect(formatIdNumber(1234.5, 0)).toBe('1.235');
  });
});

describe(parseIdNumber.name, () => {
  it.each([
    ['12.084', '12084'],
    ['16.257.059.079', '16257059079'],
    ['92.000.000,00', '92000000'],
    ['1,48', '1.48'],
    ['100', '100'],
    ['76.48', '76.48'],
    ['0.125', '0.125'],
    ['1.000', '1000'],
    ['-2,5', '-2.5'],
    [' 600 ', '600'],
  ])('reads %p as %p', (raw, expected) => {
    expect(parseIdNumber(raw)).toBe(expected);
  });

  it.each(['', 'abc', '1,234.5', '1.23.4', '12 084', '1,2,3', '.5', 'Rp 100'])(
    'refuses %p',
    (raw) => {
      expect(parseIdNumber(raw)).toBeNull();
    },
  );
});

describe(toDecimalString.name, () => {
  it('keeps the decimal a client sent, without float noise or trailing zeros', () => {
    expect(toDecimalString(1.48)).toBe('1.48');
    expect(toDecimalString('12084.000')).toBe('12084');
    expect(toDecimalString(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(toDecimalString(1e21)).toBe('1000000000000000000000');
    expect(() => toDecimalString(Number.NaN)).toThrow(RangeError);
  });
});
