import { buildWorkingDayIndex, type WorkingCalendar } from '../calendar/calendar';
import { fromEpochDay, toEpochDay } from '../calendar/civil-date';
import type { ProjectVariance, TaskVariance } from './schemas.js';

/** A task's dates in a schedule: the baseline's or the current one. Dates are working days, 'YYYY-MM-DD'. */
export type DatedTask = {
  taskId: string;
  title: string;
  isSummary: boolean;
  startDate: string;
  finishDate: string;
  /** Working days. */
  duration: number;
};

export type DatedPlan = { projectStart: string; projectFinish: string; tasks: readonly DatedTask[] };

export type Variance = { project: ProjectVariance; tasks: TaskVariance[] };

/**
 * The variance of the current plan against a baseline, per task and for the project. Slips are
 * "current − baseline" (positive = late):
 *
 * - in working days: the number of working days of `calendar` in [baseline date, current date)
 *   (negated when the current date is earlier), i.e. the difference of the two dates' working-day
 *   indices, so that moving a task from a Friday to the next Monday is a slip of 1;
 * - in calendar days: the plain difference of the dates.
 *
 * Working days are counted on the current calendar, not on the indices the baseline saved: the
 * project's start or its calendar may have changed since. Tasks come out in the current plan's
 * order, followed by the tasks removed since the baseline (in the baseline's order).
 */
export const computeVariance = (calendar: WorkingCalendar, baseline: DatedPlan, current: DatedPlan): Variance => {
  const days = dayCounter(calendar, [baseline, current]);
  const slip = (from: string, to: string) => days.indexOf(to) - days.indexOf(from);
  const calendarSlip = (from: string, to: string) => toEpochDay(to) - toEpochDay(from);

  const saved = new Map<string, DatedTask>();
  for (const t of baseline.tasks) saved.set(t.taskId, t);
  const tasks: TaskVariance[] = [];
  const seen = new Set<string>();
  for (const now of current.tasks) {
    seen.add(now.taskId);
    const then = saved.get(now.taskId);
    if (then === undefined) {
      tasks.push({
        taskId: now.taskId,
        title: now.title,
        state: 'added',
        isSummary: now.isSummary,
        baselineStart: null,
        currentStart: now.startDate,
        startSlip: null,
        startSlipCalendarDays: null,
        baselineFinish: null,
        currentFinish: now.finishDate,
        finishSlip: null,
        finishSlipCalendarDays: null,
        baselineDuration: null,
        currentDuration: now.duration,
        durationChange: null,
      });
      continue;
    }
    tasks.push({
      taskId: now.taskId,
      title: now.title,
      state: 'planned',
      isSummary: now.isSummary,
      baselineStart: then.startDate,
      currentStart: now.startDate,
      startSlip: slip(then.startDate, now.startDate),
      startSlipCalendarDays: calendarSlip(then.startDate, now.startDate),
      baselineFinish: then.finishDate,
      currentFinish: now.finishDate,
      finishSlip: slip(then.finishDate, now.finishDate),
      finishSlipCalendarDays: calendarSlip(then.finishDate, now.finishDate),
      baselineDuration: then.duration,
      currentDuration: now.duration,
      durationChange: now.duration - then.duration,
    });
  }
  for (const then of baseline.tasks) {
    if (seen.has(then.taskId)) continue;
    tasks.push({
      taskId: then.taskId,
      title: then.title,
      state: 'removed',
      isSummary: then.isSummary,
      baselineStart: then.startDate,
      currentStart: null,
      startSlip: null,
      startSlipCalendarDays: null,
      baselineFinish: then.finishDate,
      currentFinish: null,
      finishSlip: null,
      finishSlipCalendarDays: null,
      baselineDuration: then.duration,
      currentDuration: null,
      durationChange: null,
    });
  }
  return {
    project: {
      baselineStart: baseline.projectStart,
      currentStart: current.projectStart,
      baselineFinish: baseline.projectFinish,
      currentFinish: current.projectFinish,
      startSlip: slip(baseline.projectStart, current.projectStart),
      startSlipCalendarDays: calendarSlip(baseline.projectStart, current.projectStart),
      finishSlip: slip(baseline.projectFinish, current.projectFinish),
      finishSlipCalendarDays: calendarSlip(baseline.projectFinish, current.projectFinish),
    },
    tasks,
  };
};

/** One working-day index over every date of both plans (mapped once, looked up per date). */
const dayCounter = (calendar: WorkingCalendar, plans: readonly DatedPlan[]) => {
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  const see = (date: string) => {
    const day = toEpochDay(date);
    if (day < first) first = day;
    if (day > last) last = day;
  };
  for (const plan of plans) {
    see(plan.projectStart);
    see(plan.projectFinish);
    for (const t of plan.tasks) {
      see(t.startDate);
      see(t.finishDate);
    }
  }
  const index = buildWorkingDayIndex(calendar, fromEpochDay(first), last - first + 2);
  return { indexOf: (date: string) => index.indexOf(date) };
};
