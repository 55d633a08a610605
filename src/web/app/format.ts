import type { Locale } from '../../core/common/schemas';

/** Digits after the decimal point of a currency's minor unit (CNY 2, JPY 0). */
export function minorDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

export const toMajor = (minor: number, currency: string): number => minor / 10 ** minorDigits(currency);
export const toMinor = (major: number, currency: string): number => Math.round(major * 10 ** minorDigits(currency));

/** `YYYY-MM-DD` → the UTC midnight of that calendar day (so formatting in UTC shows the same day everywhere). */
const civilDate = (value: string): Date => {
  const [y, m, d] = value.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
};

export type Formatter = {
  locale: Locale;
  timeZone: string;
  /** A calendar date `YYYY-MM-DD`. */
  date: (value: string | null | undefined) => string;
  /** An instant (ISO 8601) in the user's time zone. */
  dateTime: (value: string | null | undefined) => string;
  /** Money in integer minor units: CNY 12345 → ¥123.45. */
  money: (minor: number, currency: string) => string;
  number: (value: number, fractionDigits?: number) => string;
  /** Today's calendar date (`YYYY-MM-DD`) in the user's time zone. */
  today: () => string;
  currencySymbol: (currency: string) => string;
  currencyName: (currency: string) => string;
};

export function createFormatter(locale: Locale, timeZone: string): Formatter {
  const safeZone = (() => {
    try {
      new Intl.DateTimeFormat(locale, { timeZone });
      return timeZone;
    } catch {
      return 'UTC';
    }
  })();
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const dateTimeFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: safeZone });
  const moneyFormats = new Map<string, Intl.NumberFormat>();
  const moneyFormat = (currency: string) => {
    let format = moneyFormats.get(currency);
    if (!format) {
      try {
        format = new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay: 'narrowSymbol' });
      } catch {
        format = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
      }
      moneyFormats.set(currency, format);
    }
    return format;
  };
  const names = (() => {
    try {
      return new Intl.DisplayNames(locale, { type: 'currency' });
    } catch {
      return null;
    }
  })();
  return {
    locale,
    timeZone: safeZone,
    date: (value) => (value ? dateFormat.format(civilDate(value)) : '—'),
    dateTime: (value) => (value ? dateTimeFormat.format(new Date(value)) : '—'),
    money: (minor, currency) => moneyFormat(currency).format(toMajor(minor, currency)),
    number: (value, fractionDigits) =>
      new Intl.NumberFormat(locale, fractionDigits === undefined ? {} : { maximumFractionDigits: fractionDigits }).format(value),
    today: () =>
      new Intl.DateTimeFormat('en-CA', { timeZone: safeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date()),
    currencySymbol: (currency) =>
      moneyFormat(currency)
        .formatToParts(0)
        .find((part) => part.type === 'currency')?.value ?? currency,
    currencyName: (currency) => names?.of(currency) ?? currency,
  };
}

/** Every IANA time zone the browser knows, with UTC first. */
export function timeZones(current?: string): string[] {
  let zones: string[] = [];
  try {
    zones = Intl.supportedValuesOf('timeZone');
  } catch {
    zones = [];
  }
  const all = new Set(['UTC', ...zones]);
  if (current) all.add(current);
  return [...all];
}

/** ISO 4217 codes the browser knows; the usual ones first. */
export function currencies(): string[] {
  const common = ['CNY', 'USD', 'EUR', 'HKD', 'JPY', 'GBP', 'SGD', 'TWD', 'KRW', 'AUD', 'CAD', 'CHF'];
  let all: string[] = [];
  try {
    all = Intl.supportedValuesOf('currency');
  } catch {
    all = [];
  }
  return [...new Set([...common, ...all])];
}
