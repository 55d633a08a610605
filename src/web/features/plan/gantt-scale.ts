import { buildWorkingDayIndex, type WorkingCalendar } from '../../../core/calendar/calendar';
import { daysInMonth, fromEpochDay, toEpochDay, weekdayOfEpochDay } from '../../../core/calendar/civil-date';

/**
 * The Gantt's time axis: calendar days laid out left to right at a fixed width per day, cut into
 * columns (days, Monday-based weeks or months). Pure arithmetic on epoch days; the dates of the bars
 * come from the server's schedule, never from here.
 */
export type ScaleKind = 'day' | 'week' | 'month';

export const PX_PER_DAY: Record<ScaleKind, number> = { day: 28, week: 10, month: 3 };

export type Column = { start: number; days: number };

export type TimeScale = {
  kind: ScaleKind;
  /** Epoch day of the left edge. */
  first: number;
  /** Calendar days covered. */
  days: number;
  pxPerDay: number;
  width: number;
  columns: Column[];
};

/** Left edge (px) of an epoch day. */
export const xOf = (scale: TimeScale, epochDay: number): number => (epochDay - scale.first) * scale.pxPerDay;

/** The epoch day under x (px). */
export const dayAt = (scale: TimeScale, x: number): number => scale.first + Math.floor(x / scale.pxPerDay);

const civil = (epochDay: number) => {
  const [y, m] = fromEpochDay(epochDay).split('-').map(Number);
  return { y, m };
};

/** Monday on or before the day. */
const mondayOf = (epochDay: number): number => epochDay - ((weekdayOfEpochDay(epochDay) + 6) % 7);

/** The axis for the days from `from` to `to` (epoch days, inclusive), with a margin and aligned to whole columns. */
export function buildScale(kind: ScaleKind, from: number, to: number): TimeScale {
  const columns: Column[] = [];
  let first: number;
  let end: number;
  if (kind === 'month') {
    const start = civil(from - 14);
    first = toEpochDay(`${start.y}-${String(start.m).padStart(2, '0')}-01`);
    end = to + 45;
    for (let day = first; day <= end; ) {
      const { y, m } = civil(day);
      const days = daysInMonth(y, m);
      columns.push({ start: day, days });
      day += days;
    }
  } else {
    const step = kind === 'week' ? 7 : 1;
    first = kind === 'week' ? mondayOf(from - 7) : mondayOf(from - 3);
    end = to + (kind === 'week' ? 28 : 10);
    for (let day = first; day <= end; day += step) columns.push({ start: day, days: step });
  }
  const last = columns[columns.length - 1];
  const days = last.start + last.days - first;
  const pxPerDay = PX_PER_DAY[kind];
  return { kind, first, days, pxPerDay, width: days * pxPerDay, columns };
}

/** 1 for each working day of the axis (by offset from `scale.first`), on the project's calendar. */
export function workingDays(scale: TimeScale, calendar: WorkingCalendar): Uint8Array {
  const flags = new Uint8Array(scale.days);
  const index = buildWorkingDayIndex(calendar, fromEpochDay(scale.first), scale.days);
  for (const day of index.epochDays) flags[day - scale.first] = 1;
  return flags;
}

/**
 * The first working day on or after `epochDay` (a bar dropped on a weekend starts on the Monday),
 * looked up in the axis' flags; past the axis the day itself.
 */
export function workingDayOnOrAfter(scale: TimeScale, working: Uint8Array, epochDay: number): number {
  for (let day = Math.max(epochDay, scale.first); day < scale.first + scale.days; day += 1) {
    if (working[day - scale.first] === 1) return day;
  }
  return epochDay;
}

/** Working days from `start` to `finish`, both included (the duration of a bar stretched to `finish`). */
export function workingDaysBetween(scale: TimeScale, working: Uint8Array, start: number, finish: number): number {
  let count = 0;
  for (let day = Math.max(start, scale.first); day <= finish && day < scale.first + scale.days; day += 1) {
    count += working[day - scale.first];
  }
  return count;
}

/** Groups of consecutive columns under one upper-tier label: months (day and week axes) or years (month axis). */
export function groupKeyOf(kind: ScaleKind, epochDay: number): string {
  const { y, m } = civil(epochDay);
  return kind === 'month' ? String(y) : `${y}-${m}`;
}
