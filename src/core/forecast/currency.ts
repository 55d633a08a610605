/**
 * Conversion of integer minor units between currencies.
 *
 * `rates` maps a currency to its value in the goal's currency per **major** unit, as people quote
 * rates (CNY goal: `{ USD: 7.1 }` means 1 USD = 7.1 CNY). Minor units differ by currency
 * (JPY has none, KWD has three), so the conversion scales by the ISO 4217 minor-unit exponents
 * and rounds to a whole minor unit of the goal's currency.
 */

export type Rates = Readonly<Record<string, number>>;

/** ISO 4217 currencies whose minor unit is not 1/100. */
const minorDigitsExceptions: Readonly<Record<string, number>> = {
  BIF: 0,
  CLP: 0,
  DJF: 0,
  GNF: 0,
  ISK: 0,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  PYG: 0,
  RWF: 0,
  UGX: 0,
  UYI: 0,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
  BHD: 3,
  IQD: 3,
  JOD: 3,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  TND: 3,
  CLF: 4,
  UYW: 4,
};

/** Digits of the ISO 4217 minor unit (2 for most currencies). */
export function currencyMinorDigits(currency: string): number {
  return minorDigitsExceptions[currency] ?? 2;
}

/**
 * `amount` minor units of `from` in minor units of `to`, or null when there is no usable rate
 * (missing, not finite, or ≤ 0). The same currency converts at 1 without a rate.
 */
export function convertMinorUnits(amount: number, from: string, to: string, rates: Rates): number | null {
  if (from === to) return amount;
  const rate = Object.hasOwn(rates, from) ? rates[from] : undefined;
  if (rate === undefined || !Number.isFinite(rate) || rate <= 0) return null;
  const digits = currencyMinorDigits(to) - currencyMinorDigits(from);
  const value = digits >= 0 ? amount * rate * 10 ** digits : (amount * rate) / 10 ** -digits;
  return Math.round(value);
}
