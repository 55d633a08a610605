import { daysInMonth } from '../calendar/civil-date.js';
import { unneutralizeCell } from '../exports/neutralize.js';

/** A spreadsheet cell as a reader gives it: text (CSV), or a typed XLSX value. */
export type Cell = string | number | boolean | Date | null;

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (reason: string): Parsed<never> => ({ ok: false, reason });

/** A cell as trimmed text (an exported, neutralized formula-like text loses its protective apostrophe). */
export const cellText = (cell: Cell): string =>
  cell === null ? '' : cell instanceof Date ? cell.toISOString().slice(0, 10) : unneutralizeCell(String(cell).trim());

export const isBlank = (cell: Cell): boolean => cellText(cell) === '';

const DIGITS = new Map<string, number | null>();

/** Digits after the decimal point of a currency's minor unit (CNY 2, JPY 0, KWD 3); null for an unknown code. */
export function minorDigits(currency: string): number | null {
  let digits = DIGITS.get(currency);
  if (digits !== undefined) return digits;
  digits = null;
  if (/^[A-Z]{3}$/.test(currency)) {
    try {
      digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      digits = null;
    }
  }
  // Bounded: only well-formed codes are remembered.
  if (/^[A-Z]{3}$/.test(currency) && DIGITS.size < 1000) DIGITS.set(currency, digits);
  return digits;
}

const SYMBOLS: [RegExp, string][] = [
  [/HK\$/, 'HKD'],
  [/US\$|\$/, 'USD'],
  [/€/, 'EUR'],
  [/£/, 'GBP'],
  [/[¥￥]|RMB|元/i, 'CNY'],
  [/₩/, 'KRW'],
  [/₹/, 'INR'],
];

/**
 * An amount as exporters write it → integer minor units (and the currency it names, if any):
 * `$12,500.00`, `USD 12,500.00`, `¥1,234`, `1.234,56 €`, `1 234,56`, `12.5万`, `12500`. Negative
 * amounts, several numbers and text are refused. `defaultCurrency` sets the minor unit when the cell names none.
 */
export function parseAmount(cell: Cell, defaultCurrency: string): Parsed<{ minor: number; currency: string | null }> {
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell) || cell < 0) return fail('bad amount');
    const digits = minorDigits(defaultCurrency) ?? 2;
    return ok({ minor: Math.round(cell * 10 ** digits), currency: null });
  }
  let text = cellText(cell);
  if (text === '') return ok({ minor: 0, currency: null });
  if (/^\(.*\)$/.test(text) || /^-|-$/.test(text.replace(/\s/g, ''))) return fail('bad amount: negative');
  let currency: string | null = null;
  const code = /\b([A-Z]{3})\b/.exec(text);
  if (code && minorDigits(code[1]) !== null) {
    currency = code[1];
    text = text.replace(code[0], '');
  }
  for (const [pattern, symbolCurrency] of SYMBOLS) {
    if (pattern.test(text)) {
      currency ??= symbolCurrency;
      text = text.replace(pattern, '');
    }
  }
  let multiplier = 1;
  if (/万$/.test(text.trim())) {
    multiplier = 10_000;
    text = text.trim().slice(0, -1);
  }
  text = text.replace(/[\s\u00a0\u202f']/g, '');
  if (!/^\d[\d.,]*$/.test(text)) return fail('bad amount');
  const lastDot = text.lastIndexOf('.');
  const lastComma = text.lastIndexOf(',');
  let integer: string;
  let fraction = '';
  if (lastDot >= 0 && lastComma >= 0) {
    const decimal = lastDot > lastComma ? '.' : ',';
    const [i, f] = splitOnce(text, decimal);
    integer = i.replace(/[.,]/g, '');
    fraction = f;
  } else if (lastComma >= 0 || lastDot >= 0) {
    const sep = lastComma >= 0 ? ',' : '.';
    const parts = text.split(sep);
    // One separator followed by exactly three digits is a thousands separator for ',' (1,234), a decimal point for '.' (1.234).
    const thousands = parts.length > 2 || (sep === ',' && parts[1].length === 3);
    if (thousands) {
      if (parts.slice(1).some((p) => p.length !== 3)) return fail('bad amount');
      integer = parts.join('');
    } else {
      integer = parts[0];
      fraction = parts[1];
    }
  } else {
    integer = text;
  }
  if (!/^\d+$/.test(integer) || !/^\d*$/.test(fraction)) return fail('bad amount');
  const digits = minorDigits(currency ?? defaultCurrency) ?? 2;
  const value = Number(`${integer}.${fraction || '0'}`) * multiplier;
  const minor = Math.round(Number((value * 10 ** digits).toFixed(6)));
  if (!Number.isSafeInteger(minor) || minor > 9_000_000_000_000) return fail('bad amount: too large');
  return ok({ minor, currency });
}

function splitOnce(text: string, sep: string): [string, string] {
  const at = text.lastIndexOf(sep);
  return [text.slice(0, at), text.slice(at + 1)];
}

export type DateOrder = 'MDY' | 'DMY';

const pad = (n: number) => String(n).padStart(2, '0');
function build(y: number, m: number, d: number): Parsed<string> {
  const real = y >= 1900 && y <= 2200 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
  return real ? ok(`${y}-${pad(m)}-${pad(d)}`) : fail('bad date');
}

/**
 * A date as exporters write it → `YYYY-MM-DD`: ISO (with or without a time), `M/D/YYYY` (US; `D/M/YYYY`
 * with order DMY, or when the first number cannot be a month), `D.M.YYYY`, `YYYY/M/D`, `YYYY年M月D日`,
 * Excel dates (a Date, or a serial number in a text file). Blank → null.
 */
export function parseDate(cell: Cell, order: DateOrder = 'MDY'): Parsed<string | null> {
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return fail('bad date');
    return build(cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate());
  }
  if (typeof cell === 'number') return excelSerial(cell);
  const text = cellText(cell);
  if (text === '') return ok(null);
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T\s].*)?$/.exec(text);
  if (m) return build(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})年(\d{1,2})月(\d{1,2})日/.exec(text);
  if (m) return build(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{2}|\d{4})(?:[\s,T].*)?$/.exec(text);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    const y = m[4].length === 2 ? 2000 + Number(m[4]) : Number(m[4]);
    const dayFirst = m[2] === '.' || order === 'DMY' || a > 12;
    return dayFirst ? build(y, b, a) : build(y, a, b);
  }
  if (/^\d{5}(\.\d+)?$/.test(text)) return excelSerial(Number(text));
  return fail('bad date');
}

function excelSerial(serial: number): Parsed<string> {
  if (!Number.isFinite(serial) || serial < 1 || serial > 200_000) return fail('bad date');
  const date = new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000);
  return build(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/** `60%`, `60` (percent when above 1), `0.6` → 0.6; blank → null. */
export function parseProbability(cell: Cell): Parsed<number | null> {
  const text = cellText(cell).replace(/\s/g, '');
  if (text === '') return ok(null);
  const m = /^(\d+(?:[.,]\d+)?)(%?)$/.exec(text);
  if (!m) return fail('bad probability');
  let value = Number(m[1].replace(',', '.'));
  if (m[2] === '%' || value > 1) value /= 100;
  if (!(value >= 0 && value <= 1)) return fail('bad probability');
  return ok(Math.round(value * 10_000) / 10_000);
}

/** Yes/no cells: `1`, `true`, `yes`, `是` … */
export const isTruthy = (cell: Cell): boolean => cell === true || /^(1|true|yes|y|x|是|✓)$/i.test(cellText(cell));
