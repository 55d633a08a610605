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

/** Longest name of a holiday or make-up workday. */
export const MAX_DAY_NAME = 60;

/** Names of listed days, date → name ("春节", "Company offsite"); every key is a holiday or a make-up workday. */
const dayNamesSchema = z
  .record(calendarDateSchema, z.string().trim().min(1).max(MAX_DAY_NAME))
  .refine((names) => Object.keys(names).length <= 2 * MAX_LISTED_DATES, { message: 'too many day names' });

type CalendarDates = { holidays: string[]; workdays: string[]; dayNames?: Record<string, string> };

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
  const listed = new Set([...value.holidays, ...value.workdays]);
  const unlisted = Object.keys(value.dayNames ?? {}).filter((d) => !listed.has(d));
  if (unlisted.length > 0) {
    ctx.addIssue({
      code: 'custom',
      path: ['dayNames'],
      message: `names given to dates that are neither holidays nor workdays: ${unlisted.join(', ')}`,
    });
  }
};

export const workingCalendarSchema = z.object(workingCalendarShape).superRefine(refuseOverlap);

const calendarFields = {
  id: z.string().min(1).max(64),
  name: z.string().trim().min(1).max(120),
  ...workingCalendarShape,
  dayNames: dayNamesSchema,
  /** Optimistic-concurrency version: incremented on each write; a stale one is refused. */
  version: z.int().min(0),
};

/** A workspace's working calendar as the API returns it. */
export const calendarSchema = z.object(calendarFields).superRefine(refuseOverlap);

/** Body of a calendar creation. */
export const createCalendarSchema = z
  .object({ name: calendarFields.name, ...workingCalendarShape, dayNames: dayNamesSchema.default({}) })
  .superRefine(refuseOverlap);

/**
 * Body of a calendar update: the full editable fields plus the version being replaced. Without
 * `dayNames` the names of the days still listed are kept.
 */
export const updateCalendarSchema = z
  .object({ name: calendarFields.name, ...workingCalendarShape, dayNames: dayNamesSchema.optional(), version: calendarFields.version })
  .superRefine(refuseOverlap);

export type Calendar = z.infer<typeof calendarSchema>;
export type CreateCalendar = z.infer<typeof createCalendarSchema>;
export type UpdateCalendar = z.infer<typeof updateCalendarSchema>;
