import { toEpochDay } from '../calendar/civil-date';
import { ScheduleError } from './schedule-error';

/** Largest |duration| and |lag| accepted, in working days (about 400 years). */
export const MAX_SCHEDULE_DAYS = 100_000;

export const parseDate = (date: string, what: string, taskIds: string[]): number => {
  try {
    return toEpochDay(date);
  } catch {
    throw new ScheduleError('INVALID_INPUT', `${what} is not a YYYY-MM-DD date: ${JSON.stringify(date)}`, taskIds);
  }
};

export const isDays = (value: number, min: number): boolean => Number.isInteger(value) && value >= min && value <= MAX_SCHEDULE_DAYS;

export const daysError = (value: number, min: number, what: string, taskId: string): ScheduleError =>
  new ScheduleError('INVALID_INPUT', `${what} must be an integer in ${min}..${MAX_SCHEDULE_DAYS}, got ${value}`, [taskId]);
