import { addCalendarDays, daysInMonth, toEpochDay, weekdayOf } from '../../../core/calendar/civil-date';
import type { Calendar } from '../../../core/calendar/schemas';

/** What an admin edits of a calendar before saving it. */
export type CalendarDraft = Pick<Calendar, 'name' | 'workingWeekdays' | 'holidays' | 'workdays' | 'dayNames'>;

/** A run of consecutive listed days with the same name (a holiday "2026-10-01 – 10-07 国庆节"). */
export type DayRange = { from: string; to: string; name: string; dates: string[] };

/** The listed `dates` of `year`, in runs of calendar-consecutive days that carry the same name (or none). */
export function dayRanges(dates: readonly string[], names: Readonly<Record<string, string>>, year: number): DayRange[] {
  const prefix = `${year}-`;
  const ranges: DayRange[] = [];
  for (const date of [...dates].filter((d) => d.startsWith(prefix)).sort()) {
    const name = names[date] ?? '';
    const last = ranges.at(-1);
    if (last && last.name === name && toEpochDay(date) - toEpochDay(last.to) === 1) {
      last.to = date;
      last.dates.push(date);
    } else ranges.push({ from: date, to: date, name, dates: [date] });
  }
  return ranges;
}

/** The years a calendar lists days in, with `around` (this year) and the next; ascending. */
export function calendarYears(draft: Pick<CalendarDraft, 'holidays' | 'workdays'>, around: number): number[] {
  const years = new Set([around, around + 1]);
  for (const date of [...draft.holidays, ...draft.workdays]) years.add(Number(date.slice(0, 4)));
  return [...years].sort((a, b) => a - b);
}

/** The days of a month in weeks from Monday to Sunday; null pads the first and last week. */
export function monthWeeks(year: number, month: number): (string | null)[][] {
  const first = `${year}-${String(month).padStart(2, '0')}-01`;
  const lead = (weekdayOf(first) + 6) % 7;
  const cells: (string | null)[] = Array.from({ length: lead }, () => null);
  for (let day = 0; day < daysInMonth(year, month); day += 1) cells.push(addCalendarDays(first, day));
  while (cells.length % 7 !== 0) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
}

const datesFrom = (from: string, to: string): string[] =>
  Array.from({ length: Math.max(0, toEpochDay(to) - toEpochDay(from)) + 1 }, (_, i) => addCalendarDays(from, i));

const withNames = (names: Readonly<Record<string, string>>, dates: readonly string[], name: string): Record<string, string> => {
  const next = { ...names };
  for (const date of dates) {
    if (name) next[date] = name;
    else delete next[date];
  }
  return next;
};

/** Days `from`..`to` become holidays named `name` (no longer make-up workdays). */
export function addHolidays(draft: CalendarDraft, from: string, to: string, name: string): CalendarDraft {
  const dates = datesFrom(from, to);
  const set = new Set(dates);
  return {
    ...draft,
    holidays: [...new Set([...draft.holidays, ...dates])].sort(),
    workdays: draft.workdays.filter((d) => !set.has(d)),
    dayNames: withNames(draft.dayNames, dates, name.trim()),
  };
}

/** `date` becomes a make-up workday named `name` (no longer a holiday). */
export function addMakeUpDay(draft: CalendarDraft, date: string, name: string): CalendarDraft {
  return {
    ...draft,
    holidays: draft.holidays.filter((d) => d !== date),
    workdays: [...new Set([...draft.workdays, date])].sort(),
    dayNames: withNames(draft.dayNames, [date], name.trim()),
  };
}

/** The dates are neither holidays nor make-up workdays any more, and lose their names. */
export function removeDays(draft: CalendarDraft, dates: readonly string[]): CalendarDraft {
  const set = new Set(dates);
  return {
    ...draft,
    holidays: draft.holidays.filter((d) => !set.has(d)),
    workdays: draft.workdays.filter((d) => !set.has(d)),
    dayNames: withNames(draft.dayNames, dates, ''),
  };
}

/** Gives the dates a new name (empty: none). */
export function renameDays(draft: CalendarDraft, dates: readonly string[], name: string): CalendarDraft {
  return { ...draft, dayNames: withNames(draft.dayNames, dates, name.trim()) };
}

/** Same content, whatever the order of the lists. */
export function sameDraft(a: CalendarDraft, b: CalendarDraft): boolean {
  const norm = (d: CalendarDraft) =>
    JSON.stringify([
      d.name.trim(),
      [...d.workingWeekdays].sort(),
      [...d.holidays].sort(),
      [...d.workdays].sort(),
      Object.entries(d.dayNames).sort(([x], [y]) => (x < y ? -1 : 1)),
    ]);
  return norm(a) === norm(b);
}
