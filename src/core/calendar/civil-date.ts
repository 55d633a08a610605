/**
 * Pure proleptic-Gregorian date math on 'YYYY-MM-DD' strings, through "epoch days"
 * (whole days since 1970-01-01). No `Date`, no time zone: a calendar date is a label, not an
 * instant, so nothing here can shift by a day on a machine with a non-UTC TZ.
 *
 * Algorithms: Howard Hinnant, "chrono-Compatible Low-Level Date Algorithms"
 * (days_from_civil / civil_from_days).
 */

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

const pad2 = (n: number): string => (n < 10 ? `0${n}` : `${n}`);

const pad4 = (n: number): string => `${n}`.padStart(4, '0');

export const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

export const daysInMonth = (year: number, month: number): number => {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
};

/** Whole days since 1970-01-01 for a valid civil date (month 1..12, day 1..31). */
export const epochDayFromCivil = (year: number, month: number, day: number): number => {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
};

/** True for a well-formed 'YYYY-MM-DD' string naming a real date (e.g. not 2025-02-29). */
export const isIsoDate = (value: string): boolean => {
  const m = DATE_PATTERN.exec(value);
  if (m === null) return false;
  const month = Number(m[2]);
  const day = Number(m[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(Number(m[1]), month);
};

/** Parses 'YYYY-MM-DD' to epoch days; throws RangeError on anything else. */
export const toEpochDay = (date: string): number => {
  const m = DATE_PATTERN.exec(date);
  if (m === null) throw new RangeError(`Not a YYYY-MM-DD date: ${JSON.stringify(date)}`);
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`Not a real calendar date: ${date}`);
  }
  return epochDayFromCivil(year, month, day);
};

/** Formats epoch days as 'YYYY-MM-DD' (years 0..9999). */
export const fromEpochDay = (epochDay: number): string => {
  const z = epochDay + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return `${pad4(year)}-${pad2(month)}-${pad2(day)}`;
};

/** Day of the week of an epoch day: 0 = Sunday .. 6 = Saturday (1970-01-01 was a Thursday). */
export const weekdayOfEpochDay = (epochDay: number): number => (((epochDay + 4) % 7) + 7) % 7;

/** Day of the week of a 'YYYY-MM-DD' date: 0 = Sunday .. 6 = Saturday. */
export const weekdayOf = (date: string): number => weekdayOfEpochDay(toEpochDay(date));

/** The date `days` calendar days after `date` (negative goes back). */
export const addCalendarDays = (date: string, days: number): string => fromEpochDay(toEpochDay(date) + days);
