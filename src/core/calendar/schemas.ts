import { z } from 'zod';

/** A calendar date 'YYYY-MM-DD' (a real date: 2025-02-29 is refused). */
export const calendarDateSchema = z.iso.date();

const MAX_LISTED_DATES = 3660; // ten years of days: far beyond any real holiday list

const uniqueDates = (label: string) =>
  z
    .array(calendarDateSchema)
    .max(MAX_LISTED_DATES)
    .refine((dates) => new Set(dates).size === dates.length, { message: `${label} must not repeat a date` });

/** The scheduling-relevant fields of a calendar (the `WorkingCalendar` type of calendar.ts). */
const workingCalendarShape = {
  /** Days of the week that are normally working: 0 = Sunday .. 6 = Saturday. */
  workingWeekdays: z
    .array(z.int().min(0).max(6))
    .min(1)
    .max(7)
    .refine((days) => new Set(days).size === days.length, { message: 'workingWeekdays must not repeat a day' }),
  /** Non-working dates: public holidays and company days off. */
  holidays: uniqueDates('holidays'),
  /** Make-up working dates (调休) that are working even on a weekend. */
  workdays: uniqueDates('workdays'),
};

type CalendarDates = { holidays: string[]; workdays: string[] };

/** A date cannot be both a day off and a make-up working day. */
const refuseOverlap = (value: CalendarDates, ctx: z.core.$RefinementCtx<CalendarDates>): void => {
  const holidays = new Set(value.holidays);
  const both = value.workdays.filter((d) => holidays.has(d));
  if (both.length > 0) {
    ctx.addIssue({
      code: 'custom',
      path: ['workdays'],
      message: `dates listed both as holidays and as workdays: ${both.join(', ')}`,
    });
  }
};

export const workingCalendarSchema = z.object(workingCalendarShape).superRefine(refuseOverlap);

const calendarFields = {
  id: z.string().min(1).max(64),
  name: z.string().trim().min(1).max(120),
  ...workingCalendarShape,
  /** Optimistic-concurrency version: incremented on each write; a stale one is refused. */
  version: z.int().min(0),
};

/** A workspace's working calendar as the API returns it. */
export const calendarSchema = z.object(calendarFields).superRefine(refuseOverlap);

/** Body of a calendar creation. */
export const createCalendarSchema = z.object({ name: calendarFields.name, ...workingCalendarShape }).superRefine(refuseOverlap);

/** Body of a calendar update: the full editable fields plus the version being replaced. */
export const updateCalendarSchema = z
  .object({ name: calendarFields.name, ...workingCalendarShape, version: calendarFields.version })
  .superRefine(refuseOverlap);

export type Calendar = z.infer<typeof calendarSchema>;
export type CreateCalendar = z.infer<typeof createCalendarSchema>;
export type UpdateCalendar = z.infer<typeof updateCalendarSchema>;
