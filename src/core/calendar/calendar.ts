import { CHINA_MAINLAND_HOLIDAYS, type HolidaySchedule } from './china-holidays';
import { fromEpochDay, toEpochDay, weekdayOfEpochDay } from './civil-date';

export type { HolidayPeriod, HolidaySchedule } from './china-holidays';
export { CHINA_MAINLAND_HOLIDAYS } from './china-holidays';

/**
 * A working calendar. A date is a working day when
 *   - it is listed in `holidays` → never working (holidays win over everything);
 *   - else it is listed in `workdays` → working, whatever its weekday (调休 make-up days);
 *   - else its weekday is in `workingWeekdays`.
 * Dates are 'YYYY-MM-DD' calendar dates, handled as labels in UTC (never local time).
 */
export type WorkingCalendar = {
  /** Days of the week that are normally working: 0 = Sunday .. 6 = Saturday. */
  workingWeekdays: number[];
  /** Non-working dates (public holidays, company days off), 'YYYY-MM-DD'. */
  holidays: string[];
  /** Make-up working dates (调休), working even on a weekend, 'YYYY-MM-DD'. */
  workdays: string[];
};

/** A calendar prepared for repeated look-ups: weekday bit mask and epoch-day sets. */
type CompiledCalendar = {
  weekdayMask: number;
  holidays: ReadonlySet<number>;
  workdays: ReadonlySet<number>;
};

const compile = (cal: WorkingCalendar): CompiledCalendar => {
  let weekdayMask = 0;
  for (const wd of cal.workingWeekdays) {
    if (!Number.isInteger(wd) || wd < 0 || wd > 6) {
      throw new RangeError(`workingWeekdays must hold integers 0..6, got ${wd}`);
    }
    weekdayMask |= 1 << wd;
  }
  return {
    weekdayMask,
    holidays: new Set(cal.holidays.map(toEpochDay)),
    workdays: new Set(cal.workdays.map(toEpochDay)),
  };
};

const isWorkingEpochDay = (c: CompiledCalendar, day: number): boolean => {
  if (c.holidays.has(day)) return false;
  if (c.workdays.has(day)) return true;
  return (c.weekdayMask & (1 << weekdayOfEpochDay(day))) !== 0;
};

const requireWorkingWeekday = (c: CompiledCalendar): void => {
  if (c.weekdayMask === 0) {
    throw new RangeError('The calendar has no working weekday, so working days cannot be counted off');
  }
};

/**
 * Whether `date` ('YYYY-MM-DD') is a working day of `cal`. One look-up scans the lists; for
 * many look-ups map the calendar once with `buildWorkingDayIndex`.
 */
export const isWorkingDay = (cal: WorkingCalendar, date: string): boolean => {
  const day = toEpochDay(date);
  if (cal.holidays.includes(date)) return false;
  if (cal.workdays.includes(date)) return true;
  return cal.workingWeekdays.includes(weekdayOfEpochDay(day));
};

/**
 * Moves `days` working days from `date`, on the same index scale as the scheduler: a
 * non-working `date` first rolls forward to the next working day (that is "day 0"), then the
 * result is the working day `days` steps later (or earlier, when `days` < 0).
 * So `addWorkingDays(cal, friday, 1)` is the next Monday (in a Monday–Friday week),
 * `addWorkingDays(cal, saturday, 0)` is the next Monday and `addWorkingDays(cal, saturday, -1)`
 * is the Friday before.
 */
export const addWorkingDays = (cal: WorkingCalendar, date: string, days: number): string => {
  if (!Number.isInteger(days)) throw new RangeError(`days must be an integer, got ${days}`);
  const c = compile(cal);
  requireWorkingWeekday(c);
  let day = toEpochDay(date);
  while (!isWorkingEpochDay(c, day)) day += 1;
  const step = days < 0 ? -1 : 1;
  for (let left = Math.abs(days); left > 0; ) {
    day += step;
    if (isWorkingEpochDay(c, day)) left -= 1;
  }
  return fromEpochDay(day);
};

/**
 * Number of working days `d` with `from ≤ d ≤ to`: both ends inclusive, 0 when `to < from`.
 * `countWorkingDays(cal, d, d)` is 1 for a working day and 0 otherwise; for a task of
 * duration ≥ 1 it is the duration when given the task's start and finish dates.
 * Whole weeks are counted arithmetically and the listed holidays and make-up days inside
 * the range adjust the count, so the cost does not grow with the length of the range.
 */
export const countWorkingDays = (cal: WorkingCalendar, from: string, to: string): number => {
  const c = compile(cal);
  const first = toEpochDay(from);
  const last = toEpochDay(to);
  if (last < first) return 0;
  const span = last - first + 1;
  const perWeek = popCount(c.weekdayMask);
  let count = Math.floor(span / 7) * perWeek;
  for (let day = first + Math.floor(span / 7) * 7; day <= last; day += 1) {
    if ((c.weekdayMask & (1 << weekdayOfEpochDay(day))) !== 0) count += 1;
  }
  // Adjust for listed dates, each distinct date once (sets already deduplicate).
  for (const day of c.holidays) {
    if (day >= first && day <= last && (c.weekdayMask & (1 << weekdayOfEpochDay(day))) !== 0) count -= 1;
  }
  for (const day of c.workdays) {
    if (day < first || day > last || c.holidays.has(day)) continue;
    if ((c.weekdayMask & (1 << weekdayOfEpochDay(day))) === 0) count += 1;
  }
  return count;
};

const popCount = (mask: number): number => {
  let n = 0;
  for (let m = mask; m !== 0; m &= m - 1) n += 1;
  return n;
};

/**
 * The calendar mapped once onto working-day indices over `horizonDays` calendar days
 * starting at `startDate` (dates `startDate .. startDate + horizonDays − 1`).
 *
 * - Index 0 is the first working day on or after `startDate`; index i is the (i+1)-th.
 * - `dateOf(i)` is the date of working day i, for 0 ≤ i < count.
 * - `indexOf(date)` is the index of `date` when it is a working day; a non-working date maps
 *   to the index of the NEXT working day (so a Saturday maps to the following Monday's
 *   index); a non-working date after the last working day of the horizon maps to `count`.
 *   A date outside the horizon throws a RangeError.
 */
export type WorkingDayIndex = {
  readonly startDate: string;
  readonly horizonDays: number;
  /** Working days inside the horizon: valid indices are 0 .. count − 1. */
  readonly count: number;
  /** Epoch day (days since 1970-01-01) of each working day, by index. */
  readonly epochDays: Int32Array;
  dateOf(index: number): string;
  indexOf(date: string): number;
  /** Like `indexOf`, for an epoch day. */
  indexOfEpochDay(epochDay: number): number;
};

export const buildWorkingDayIndex = (cal: WorkingCalendar, startDate: string, horizonDays: number): WorkingDayIndex => {
  if (!Number.isInteger(horizonDays) || horizonDays < 0) {
    throw new RangeError(`horizonDays must be a non-negative integer, got ${horizonDays}`);
  }
  const c = compile(cal);
  const startDay = toEpochDay(startDate);
  const endDay = startDay + horizonDays; // exclusive
  // 0 = by weekday, 1 = holiday, 2 = make-up working day.
  const override = new Uint8Array(horizonDays);
  for (const day of c.workdays) if (day >= startDay && day < endDay) override[day - startDay] = 2;
  for (const day of c.holidays) if (day >= startDay && day < endDay) override[day - startDay] = 1;

  const indexByOffset = new Int32Array(horizonDays);
  const days = new Int32Array(horizonDays);
  let count = 0;
  let weekday = weekdayOfEpochDay(startDay);
  for (let offset = 0; offset < horizonDays; offset += 1) {
    indexByOffset[offset] = count;
    const o = override[offset];
    if (o === 2 || (o === 0 && (c.weekdayMask & (1 << weekday)) !== 0)) {
      days[count] = startDay + offset;
      count += 1;
    }
    weekday = weekday === 6 ? 0 : weekday + 1;
  }
  const epochDays = days.slice(0, count);
  const dates: (string | undefined)[] = new Array<string | undefined>(count);

  const dateOf = (index: number): string => {
    if (!Number.isInteger(index) || index < 0 || index >= count) {
      throw new RangeError(`Working day ${index} is outside the index (0..${count - 1}) from ${startDate}`);
    }
    const cached = dates[index];
    if (cached !== undefined) return cached;
    const date = fromEpochDay(epochDays[index]);
    dates[index] = date;
    return date;
  };
  const indexOfEpochDay = (epochDay: number): number => {
    if (epochDay < startDay || epochDay >= endDay) {
      throw new RangeError(`${fromEpochDay(epochDay)} is outside the index horizon from ${startDate}`);
    }
    return indexByOffset[epochDay - startDay];
  };
  return {
    startDate,
    horizonDays,
    count,
    epochDays,
    dateOf,
    indexOf: (date: string) => indexOfEpochDay(toEpochDay(date)),
    indexOfEpochDay,
  };
};

/** Monday to Friday, no holidays. */
export const mondayToFridayCalendar = (): WorkingCalendar => ({
  workingWeekdays: [1, 2, 3, 4, 5],
  holidays: [],
  workdays: [],
});

/**
 * Monday to Friday with mainland China's published public holidays and 调休 make-up working
 * days (all years in `CHINA_MAINLAND_HOLIDAYS`, or only `years`). Years without a published
 * schedule are plain Monday–Friday weeks.
 */
export const chinaMainlandCalendar = (years?: readonly number[]): WorkingCalendar => {
  const schedules: HolidaySchedule[] = Object.values(CHINA_MAINLAND_HOLIDAYS).filter((s) => years === undefined || years.includes(s.year));
  return {
    workingWeekdays: [1, 2, 3, 4, 5],
    holidays: schedules.flatMap((s) => s.holidays),
    workdays: schedules.flatMap((s) => s.workdays),
  };
};

/**
 * The names of the mainland-China holidays and their make-up working days, date → name, in Chinese
 * ('zh': 春节) or English ('en': Spring Festival), for the same years as `chinaMainlandCalendar`.
 */
export const chinaMainlandDayNames = (language: 'zh' | 'en', years?: readonly number[]): Record<string, string> => {
  const names: Record<string, string> = {};
  for (const schedule of Object.values(CHINA_MAINLAND_HOLIDAYS) as HolidaySchedule[]) {
    if (years !== undefined && !years.includes(schedule.year)) continue;
    for (const period of schedule.periods) {
      const name = language === 'zh' ? period.nameZh : period.name;
      const days = toEpochDay(period.to) - toEpochDay(period.from);
      for (let i = 0; i <= days; i += 1) names[fromEpochDay(toEpochDay(period.from) + i)] = name;
      for (const day of period.workdays) names[day] = name;
    }
  }
  return names;
};
