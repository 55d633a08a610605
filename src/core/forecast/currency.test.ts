import { describe, expect, it } from 'vitest';
import { convertMinorUnits, currencyMinorDigits } from './currency';

describe('currencyMinorDigits', () => {
  it.each([
    ['CNY', 2],
    ['USD', 2],
    ['EUR', 2],
    ['JPY', 0],
    ['KRW', 0],
    ['KWD', 3],
    ['CLF', 4],
  ])('%s has %d', (code, digits) => expect(currencyMinorDigits(code)).toBe(digits));
});

describe('convertMinorUnits (rates per major unit)', () => {
  it.each([
    // amount, from, to, rates, expected, arithmetic
    [12_345, 'CNY', 'CNY', {}, 12_345], // same currency needs no rate
    [10_000, 'USD', 'CNY', { USD: 7.1 }, 71_000], // $100.00 × 7.1 = ¥710.00
    [10_000, 'JPY', 'CNY', { JPY: 0.048 }, 48_000], // ¥10,000 × 0.048 = ¥480.00 → 48,000 fen
    [1_000, 'CNY', 'JPY', { CNY: 20.5 }, 205], // ¥10.00 × 20.5 = 205 yen
    [1_234, 'KWD', 'USD', { KWD: 3.25 }, 401], // 1.234 KWD × 3.25 = $4.0105 → 401 cents
    [333, 'EUR', 'CNY', { EUR: 0.5 }, 167], // €3.33 × 0.5 = ¥1.665 → 166.5 fen → 167 (half up)
  ] as const)('%d %s → %s', (amount, from, to, rates, expected) => {
    expect(convertMinorUnits(amount, from, to, rates)).toBe(expected);
  });

  it.each([[{}], [{ USD: 0 }], [{ USD: -7 }], [{ USD: Number.NaN }], [{ USD: Number.POSITIVE_INFINITY }]])(
    'no usable rate in %o → null',
    (rates) => {
      expect(convertMinorUnits(100, 'USD', 'CNY', rates)).toBeNull();
    },
  );

  it('ignores inherited properties', () => {
    expect(convertMinorUnits(100, 'toString', 'CNY', {})).toBeNull();
  });
});
