import type { WorkingCalendar } from '../calendar/calendar';

/** Finish-to-start, start-to-start, finish-to-finish, start-to-finish (SPEC §3.1). */
export type DependencyType = 'FS' | 'SS' | 'FF' | 'SF';

export type ScheduleTaskInput = {
  id: string;
  /** The summary task this task belongs to, or null at the top level. */
  parentId: string | null;
  /** Working days; 0 = milestone. Ignored for a summary task (one that has children). */
  duration: number;
  /** 'YYYY-MM-DD' start-no-earlier-than constraint, or null. */
  startNoEarlierThan: string | null;
};

export type ScheduleDependencyInput = {
  id: string;
  predecessorId: string;
  successorId: string;
  type: DependencyType;
  /** Working days; may be negative (a lead). */
  lag: number;
};

export type ScheduleInput = {
  tasks: readonly ScheduleTaskInput[];
  dependencies: readonly ScheduleDependencyInput[];
  calendar: WorkingCalendar;
  /** 'YYYY-MM-DD'; day index 0 is the first working day on or after it. */
  projectStart: string;
};

/**
 * One task of a computed schedule. Indices are working-day indices of the project calendar
 * (0 = the first working day on or after the project start); `[es, ef)` and `[ls, lf)` are
 * half-open.
 */
export type ScheduledTask = {
  taskId: string;
  es: number;
  ef: number;
  ls: number;
  lf: number;
  /** ls − es, in working days. */
  totalFloat: number;
  /** totalFloat ≤ 0. */
  critical: boolean;
  /** Date of working day es. */
  startDate: string;
  /** Date of working day ef − 1 (duration ≥ 1) or es (milestone); see computeSchedule. */
  finishDate: string;
};

export type Schedule = {
  /** Date of working day 0: the first working day on or after the input projectStart. */
  projectStart: string;
  /** The latest finishDate of any task (projectStart when there is no task). */
  projectFinish: string;
  /** One entry per input task, in input order. */
  tasks: ScheduledTask[];
};
