import { z } from 'zod';
import type { Rates } from './currency';

/**
 * The workspace's exchange-rate table (SPEC §1.1, §3.3): each currency's value in the workspace's
 * base currency per **major** unit (base CNY: `USD 7.1` means 1 USD = 7.1 CNY), from an effective
 * date on. `ratesFor` turns the table into the `Rates` of one goal's currency for `convertMinorUnits`.
 */

const CurrencyCode = z.currencyCode();

export const ExchangeRateSchema = z.object({
  currency: CurrencyCode,
  /** Base-currency units per one major unit of `currency`. */
  rate: z.number().finite().gt(0).max(1e9),
  /** The rate applies from this date on (until a later entry of the same currency). */
  effectiveDate: z.iso.date(),
});
export type ExchangeRate = z.infer<typeof ExchangeRateSchema>;

/** `GET /exchange-rates`. A workspace that never set rates has no base currency and version 0. */
export const ExchangeRatesSchema = z.object({
  baseCurrency: CurrencyCode.nullable(),
  /** By currency, then effective date. */
  rates: z.array(ExchangeRateSchema),
  version: z.number().int().min(0),
  updatedAt: z.iso.datetime().nullable(),
});
export type ExchangeRates = z.infer<typeof ExchangeRatesSchema>;

export const MAX_EXCHANGE_RATES = 1_000;

/** `PUT /exchange-rates`: the whole table at once; `version` (or `If-Match`) guards against stale writes. */
export const ExchangeRatesPutSchema = z
  .object({
    baseCurrency: CurrencyCode,
    rates: z.array(ExchangeRateSchema).max(MAX_EXCHANGE_RATES),
    version: z.number().int().min(0).optional(),
  })
  .superRefine((table, ctx) => {
    const seen = new Set<string>();
    table.rates.forEach((entry, index) => {
      if (entry.currency === table.baseCurrency) {
        ctx.addIssue({ code: 'custom', path: ['rates', index, 'currency'], message: 'The base currency needs no rate (it is 1).' });
      }
      const key = `${entry.currency} ${entry.effectiveDate}`;
      if (seen.has(key)) {
        ctx.addIssue({
          code: 'custom',
          path: ['rates', index, 'effectiveDate'],
          message: `${entry.currency} has two rates from ${entry.effectiveDate}.`,
        });
      }
      seen.add(key);
    });
  });
export type ExchangeRatesPut = z.infer<typeof ExchangeRatesPutSchema>;

/** Each currency's rate in effect on `asOf`: its entry with the latest effective date on or before it. */
export function ratesInEffect(rates: readonly ExchangeRate[], asOf: string): Map<string, number> {
  const chosen = new Map<string, ExchangeRate>();
  for (const entry of rates) {
    if (entry.effectiveDate > asOf) continue;
    const current = chosen.get(entry.currency);
    if (!current || entry.effectiveDate > current.effectiveDate) chosen.set(entry.currency, entry);
  }
  return new Map([...chosen].map(([currency, entry]) => [currency, entry.rate]));
}

/**
 * The table as `Rates` for a goal in `goalCurrency` on `asOf`: goal-currency units per major unit
 * of each other currency, through the base (X → base → goal: rate(X) ÷ rate(goal)). Empty when the
 * goal's currency is neither the base nor has a rate in effect (only same-currency money counts then).
 */
export function ratesFor(table: Pick<ExchangeRates, 'baseCurrency' | 'rates'>, goalCurrency: string, asOf: string): Rates {
  const base = table.baseCurrency;
  if (base === null) return {};
  const inEffect = ratesInEffect(table.rates, asOf);
  inEffect.set(base, 1);
  const goalRate = inEffect.get(goalCurrency);
  if (goalRate === undefined) return {};
  const out: Record<string, number> = {};
  for (const [currency, rate] of inEffect) if (currency !== goalCurrency) out[currency] = rate / goalRate;
  return out;
}
