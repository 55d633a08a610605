import type { WorkingCalendar } from '../../../core/calendar/calendar';
import { addCalendarDays, weekdayOf } from '../../../core/calendar/civil-date';
import { MAX_HOURS_PER_DAY } from '../../../core/time-entries/schemas';

/** The Monday of the week (Monday to Sunday) that holds `date`. */
export const mondayOf = (date: string): string => addCalendarDays(date, -((weekdayOf(date) + 6) % 7));

/** The seven dates of the week that starts on `monday`. */
export const weekDates = (monday: string): string[] => Array.from({ length: 7 }, (_, i) => addCalendarDays(monday, i));

export type DayKind = 'working' | 'off' | 'holiday' | 'makeUp';

/**
 * What a day is on a calendar: a listed holiday, a make-up workday (listed as a workday on a weekday that is
 * normally off), a working day, or a day off by its weekday. Holidays win, as in the scheduler.
 */
export function dayKind(calendar: WorkingCalendar, date: string): DayKind {
  if (calendar.holidays.includes(date)) return 'holiday';
  const normallyWorking = calendar.workingWeekdays.includes(weekdayOf(date));
  if (calendar.workdays.includes(date)) return normallyWorking ? 'working' : 'makeUp';
  return normallyWorking ? 'working' : 'off';
}

/**
 * Hours typed in a cell: '' is 0; else a number 0 to 24 in quarter hours ('1,5' is read as 1.5).
 * Null when it is not one.
 */
export function parseHours(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return 0;
  if (!/^\d*\.?\d+$|^\d+\.$/.test(trimmed)) return null;
  const value = Number(trimmed);
  if (!Number.isFinite(value) || value < 0 || value > MAX_HOURS_PER_DAY) return null;
  return Math.abs(value * 4 - Math.round(value * 4)) < 1e-9 ? value : null;
}

/** Sum of hours without float dust (entries are quarter hours). */
export const sumHours = (values: readonly number[]): number => Math.round(values.reduce((sum, v) => sum + v, 0) * 100) / 100;
