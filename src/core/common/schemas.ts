import { z } from 'zod';
import { isIsoDate } from '../calendar/civil-date.js';

/** A calendar date, `YYYY-MM-DD`, that exists in the Gregorian calendar. */
export const DateString = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine(isIsoDate, 'not a real calendar date');

/** An instant, ISO 8601 in UTC. */
export const Instant = z.string();

/** Opaque identifier. */
export const Id = z.string().min(1).max(64);
export const IdParams = z.object({ id: Id });

/** ISO 4217 currency code. */
export const Currency = z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 4217 currency code such as CNY');

/** Money in integer minor units (fen, cents). */
export const MinorUnits = z.number().int().min(0).max(9_000_000_000_000);

export const Version = z.number().int().min(1);

export const Locale = z.enum(['zh-CN', 'en']);
export type Locale = z.infer<typeof Locale>;

export const TimeZone = z.string().min(1).max(64).refine(isTimeZone, 'unknown time zone');

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(512).optional(),
});

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

export const ErrorBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});

export const Ok = z.object({ ok: z.literal(true) });
