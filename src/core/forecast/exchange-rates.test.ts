import { describe, expect, it } from 'vitest';
import { convertMinorUnits } from './currency';
import { ExchangeRatesPutSchema, ratesFor, ratesInEffect } from './exchange-rates';

const table = {
  baseCurrency: 'CNY',
  rates: [
    { currency: 'USD', rate: 7.0, effectiveDate: '2025-01-01' },
    { currency: 'USD', rate: 7.2, effectiveDate: '2025-03-01' },
    { currency: 'EUR', rate: 8.0, effectiveDate: '2025-01-01' },
    { currency: 'JPY', rate: 0.05, effectiveDate: '2025-01-01' },
    { currency: 'GBP', rate: 9.0, effectiveDate: '2025-06-01' },
  ],
};

describe('ratesInEffect', () => {
  it('takes the latest entry on or before the date, and none before the first', () => {
    expect(Object.fromEntries(ratesInEffect(table.rates, '2025-02-28'))).toEqual({ USD: 7.0, EUR: 8.0, JPY: 0.05 });
    expect(Object.fromEntries(ratesInEffect(table.rates, '2025-03-01'))).toEqual({ USD: 7.2, EUR: 8.0, JPY: 0.05 });
    expect(ratesInEffect(table.rates, '2024-12-31').size).toBe(0);
  });
});

describe('ratesFor', () => {
  it('is the table itself for a goal in the base currency', () => {
    expect(ratesFor(table, 'CNY', '2025-02-01')).toEqual({ USD: 7.0, EUR: 8.0, JPY: 0.05 });
    // 1,000.00 USD = 7,000.00 CNY: 100,000 cents → 700,000 fen.
    expect(convertMinorUnits(100_000, 'USD', 'CNY', ratesFor(table, 'CNY', '2025-02-01'))).toBe(700_000);
  });

  it('goes through the base for a goal in another currency', () => {
    const usd = ratesFor(table, 'USD', '2025-03-15');
    // 1 EUR = 8 CNY = 8 / 7.2 USD; 1 CNY = 1 / 7.2 USD.
    expect(usd.EUR).toBeCloseTo(8 / 7.2, 12);
    expect(usd.CNY).toBeCloseTo(1 / 7.2, 12);
    // 720.00 CNY = 100.00 USD; ¥10,000 (JPY, no minor unit) = 500 CNY = 69.44 USD → 6,944 cents.
    expect(convertMinorUnits(72_000, 'CNY', 'USD', usd)).toBe(10_000);
    expect(convertMinorUnits(10_000, 'JPY', 'USD', usd)).toBe(6_944);
    expect(usd.USD).toBeUndefined();
  });

  it('converts nothing when the goal currency has no rate yet, or there is no table', () => {
    expect(ratesFor(table, 'GBP', '2025-05-31')).toEqual({});
    expect(ratesFor({ baseCurrency: null, rates: [] }, 'CNY', '2025-05-31')).toEqual({});
    expect(convertMinorUnits(100, 'USD', 'GBP', ratesFor(table, 'GBP', '2025-05-31'))).toBeNull();
  });
});

describe('ExchangeRatesPutSchema', () => {
  it('refuses a rate for the base currency, two rates of a currency on one date, and rates ≤ 0', () => {
    const paths = (input: unknown) => {
      const parsed = ExchangeRatesPutSchema.safeParse(input);
      return parsed.success ? [] : parsed.error.issues.map((issue) => issue.path.join('.'));
    };
    expect(paths(table)).toEqual([]);
    expect(paths({ baseCurrency: 'CNY', rates: [{ currency: 'CNY', rate: 1, effectiveDate: '2025-01-01' }] })).toEqual([
      'rates.0.currency',
    ]);
    expect(
      paths({
        baseCurrency: 'CNY',
        rates: [
          { currency: 'USD', rate: 7, effectiveDate: '2025-01-01' },
          { currency: 'USD', rate: 7.1, effectiveDate: '2025-01-01' },
        ],
      }),
    ).toEqual(['rates.1.effectiveDate']);
    expect(paths({ baseCurrency: 'CNY', rates: [{ currency: 'USD', rate: 0, effectiveDate: '2025-01-01' }] })).toEqual(['rates.0.rate']);
  });
});
