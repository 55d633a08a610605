/**
 * Pace of a goal (SPEC §3.3), on the project's working calendar.
 *
 * `workingDaysBetween(from, to)` counts the working days from `from` through `to`, both included
 * (0 when to < from); the caller passes the project calendar's function.
 *
 * Counting convention — today counts as elapsed:
 * - period    = working days from startDate through dueDate;
 * - elapsed   = working days from startDate through min(today, dueDate); 0 before startDate.
 *   Today is included because deals won today already count in `attained` (and SPEC §3.2 counts
 *   the status date as elapsed for earned value).
 * - remaining = period − elapsed = working days after today through dueDate.
 *
 * expectedByNow = target × elapsed ÷ period (when the period has no working day at all: the
 * whole target once today ≥ startDate, else 0); pace = attained ÷ expectedByNow (null when
 * expectedByNow is 0); requiredRunRate = max(0, target − attained) ÷ remaining (null when no
 * working day remains; 0 once the target is reached rather than a negative rate).
 */

export type WorkingDaysBetween = (from: string, to: string) => number;

export type PaceInput = {
  target: number;
  attained: number;
  startDate: string;
  dueDate: string;
  today: string;
  workingDaysBetween: WorkingDaysBetween;
};

export type Pace = {
  periodWorkingDays: number;
  elapsedWorkingDays: number;
  remainingWorkingDays: number;
  expectedByNow: number;
  pace: number | null;
  requiredRunRate: number | null;
};

function earlierDate(a: string, b: string): string {
  if (a < b) return a;
  return b;
}

export function computePace(input: PaceInput): Pace {
  const { target, attained, startDate, dueDate, today, workingDaysBetween } = input;
  const period = dueDate < startDate ? 0 : workingDaysBetween(startDate, dueDate);
  const elapsedTo = earlierDate(today, dueDate);
  const elapsed = today < startDate || elapsedTo < startDate ? 0 : Math.min(period, workingDaysBetween(startDate, elapsedTo));
  const remaining = period - elapsed;
  const started = today >= startDate;
  const expectedByNow = period > 0 ? (target * elapsed) / period : started ? target : 0;
  return {
    periodWorkingDays: period,
    elapsedWorkingDays: elapsed,
    remainingWorkingDays: remaining,
    expectedByNow,
    pace: expectedByNow > 0 ? attained / expectedByNow : null,
    requiredRunRate: remaining > 0 ? Math.max(0, target - attained) / remaining : null,
  };
}
