import { buildWorkingDayIndex, type WorkingCalendar, type WorkingDayIndex } from '../calendar/calendar';
import { toEpochDay } from '../calendar/civil-date';
import { backwardPass, buildNetwork, forwardPass, rollUpSummaries } from './critical-path';
import { ScheduleError } from './schedule-error';
import { extractCycle, topologicalOrder } from './schedule-graph';
import { daysError, isDays, parseDate } from './schedule-input';
import type { Schedule, ScheduledTask, ScheduleInput, ScheduleTaskInput } from './schedule-types';
import { buildTaskTree, type TaskTree } from './task-tree';

export { type DependencyCheck, findCycle, validateDependency } from './dependency-rules';
export { ScheduleError, type ScheduleErrorCode } from './schedule-error';
export { MAX_SCHEDULE_DAYS } from './schedule-input';
export type * from './schedule-types';

/** Epoch day of 9999-12-31: dates cannot go further. */
const LAST_EPOCH_DAY = 2_932_896;

/**
 * Critical path method on working-day indices, exactly as SPEC §3.1:
 *
 * - A task of duration d occupies [es, ef) with ef = es + d. Start date = working day es;
 *   finish date = working day ef − 1 when d ≥ 1, working day es for a milestone (d = 0).
 * - Forward pass in topological order (Kahn), each task's es the largest of 0, the index of
 *   its start-no-earlier-than date (that of its own or of any ancestor summary task; a
 *   non-working date counts from the next working day, a date before the project start adds
 *   nothing) and each predecessor's constraint with lag L:
 *   FS es(s) ≥ ef(p) + L; SS es(s) ≥ es(p) + L; FF ef(s) ≥ ef(p) + L; SF ef(s) ≥ es(p) + L.
 * - F = max ef over leaf tasks. Backward pass in reverse order: lf = F for every task,
 *   tightened by each successor: FS lf(p) ≤ ls(s) − L; SS lf(p) ≤ ls(s) − L + d(p);
 *   FF lf(p) ≤ lf(s) − L; SF lf(p) ≤ lf(s) − L + d(p). ls = lf − d.
 * - totalFloat = ls − es; critical ⇔ totalFloat ≤ 0. (With lf starting at F, totalFloat is
 *   never negative here: the early schedule satisfies every backward constraint.)
 * - A summary task (one that has children; its own duration is ignored) gets es = min es,
 *   ef = max ef, ls = min ls, lf = max lf over its children, totalFloat = ls − es, and is
 *   critical when that float is ≤ 0 — float-based, so a summary holding a critical child
 *   that starts after a non-critical sibling is itself not critical. Its start date is its
 *   earliest descendant start and its finish date its latest descendant finish date.
 *
 * Throws ScheduleError: CYCLE (with the cycle's task ids in order), SUMMARY_DEPENDENCY,
 * UNKNOWN_TASK or INVALID_INPUT. Linear in tasks + dependencies; the calendar is mapped to
 * working-day indices once.
 */
export const computeSchedule = (input: ScheduleInput): Schedule => {
  const { tasks, dependencies, calendar, projectStart } = input;
  const n = tasks.length;
  const startDay = parseDate(projectStart, 'projectStart', []);
  if (!calendar.workingWeekdays.some((wd) => Number.isInteger(wd) && wd >= 0 && wd <= 6)) {
    throw new ScheduleError('INVALID_INPUT', 'The calendar has no working weekday', []);
  }

  // Tasks: id → index, durations, hierarchy.
  const indexOf = new Map<string, number>();
  const duration = new Float64Array(n);
  for (let i = 0; i < n; i += 1) {
    const task = tasks[i];
    indexOf.set(task.id, i);
    if (indexOf.size !== i + 1) throw new ScheduleError('INVALID_INPUT', `Duplicate task id ${task.id}`, [task.id]);
    const d = task.duration;
    if (!isDays(d, 0)) throw daysError(d, 0, `Duration of task ${task.id}`, task.id);
    duration[i] = d;
  }
  const tree = buildTaskTree(tasks, indexOf);
  const { graph, slotWeight } = buildNetwork(dependencies, indexOf, tree, duration);

  // Start-no-earlier-than (own or inherited) → lower bound on es; es is never < 0.
  const snetDay = startNoEarlierThanDays(tasks, tree);
  let maxSnetDay = startDay;
  for (let i = 0; i < n; i += 1) if (snetDay[i] > maxSnetDay) maxSnetDay = snetDay[i];
  if (maxSnetDay > LAST_EPOCH_DAY) throw new ScheduleError('INVALID_INPUT', 'A date is beyond 9999-12-31', []);
  const horizon = Math.min(maxSnetDay - startDay + 1 + 400, maxHorizonFrom(projectStart));
  let days = indexCalendar(calendar, projectStart, horizon);
  // One allocation for the per-task numbers: [es | ef | lf | last].
  const numbers = new Float64Array(4 * n);
  const es = numbers.subarray(0, n);
  const ef = numbers.subarray(n, 2 * n);
  const lf = numbers.subarray(2 * n, 3 * n);
  const last = numbers.subarray(3 * n, 4 * n);
  for (let i = 0; i < n; i += 1) if (snetDay[i] > startDay) es[i] = days.indexOfEpochDay(snetDay[i]);

  const order = forwardPass(graph, slotWeight, es);
  if (order === null) {
    const topo = topologicalOrder(graph);
    const cycle = Array.from(extractCycle(graph, topo), (i) => tasks[i].id);
    throw new ScheduleError('CYCLE', `Dependencies form a cycle: ${cycle.join(' → ')}`, cycle);
  }
  let finish = 0;
  for (let i = 0; i < n; i += 1) {
    const f = es[i] + duration[i];
    ef[i] = f;
    if (f > finish && tree.isSummary[i] === 0) finish = f;
  }
  const ls = backwardPass(graph, slotWeight, order, duration, finish);
  for (let i = 0; i < n; i += 1) lf[i] = ls[i] + duration[i];

  // Index of each task's finish date; then summaries roll up from their children.
  let lastLeaf = 0;
  for (let i = 0; i < n; i += 1) {
    const l = duration[i] >= 1 ? ef[i] - 1 : es[i];
    last[i] = l;
    if (l > lastLeaf && tree.isSummary[i] === 0) lastLeaf = l;
  }
  if (tree.hasSummaries) rollUpSummaries(tree, es, ef, ls, lf, last);

  days = ensureIndexCovers(days, calendar, projectStart, lastLeaf);
  const dates: string[] = new Array<string>(lastLeaf + 1);
  for (let i = 0; i <= lastLeaf; i += 1) dates[i] = days.dateOf(i);
  const result: ScheduledTask[] = new Array<ScheduledTask>(n);
  for (let i = 0; i < n; i += 1) {
    const totalFloat = ls[i] - es[i];
    result[i] = {
      taskId: tasks[i].id,
      es: es[i],
      ef: ef[i],
      ls: ls[i],
      lf: lf[i],
      totalFloat,
      critical: totalFloat <= 0,
      startDate: dates[es[i]],
      finishDate: dates[last[i]],
    };
  }
  return { projectStart: dates[0], projectFinish: dates[lastLeaf], tasks: result };
};

/** Epoch day of each task's effective start-no-earlier-than (−∞ when none). */
const startNoEarlierThanDays = (tasks: readonly ScheduleTaskInput[], tree: TaskTree): Float64Array => {
  const n = tasks.length;
  const snet = new Float64Array(n).fill(Number.NEGATIVE_INFINITY);
  const parsed = new Map<string, number>();
  for (let i = 0; i < n; i += 1) {
    const date = tasks[i].startNoEarlierThan;
    if (date === null) continue;
    let day = parsed.get(date);
    if (day === undefined) {
      day = parseDate(date, `startNoEarlierThan of task ${tasks[i].id}`, [tasks[i].id]);
      parsed.set(date, day);
    }
    snet[i] = day;
  }
  if (tree.hasSummaries) {
    // Ancestors first: a summary's constraint applies to everything under it.
    const { byDepth, parent } = tree;
    for (let j = 0; j < n; j += 1) {
      const v = byDepth[j];
      const p = parent[v];
      if (p >= 0 && snet[p] > snet[v]) snet[v] = snet[p];
    }
  }
  return snet;
};

/** Returns `days`, or a longer index from the same start, so that `dateOf(maxIndex)` exists. */
const ensureIndexCovers = (days: WorkingDayIndex, calendar: WorkingCalendar, projectStart: string, maxIndex: number): WorkingDayIndex => {
  const maxHorizon = maxHorizonFrom(projectStart);
  const perWeek = Math.max(1, new Set(calendar.workingWeekdays).size);
  let index = days;
  while (index.count <= maxIndex) {
    if (index.horizonDays >= maxHorizon) {
      throw new ScheduleError('INVALID_INPUT', 'The schedule runs beyond 9999-12-31', []);
    }
    const estimate = Math.ceil(((maxIndex + 1) * 7) / perWeek) + calendar.holidays.length + 14;
    const horizon = Math.min(maxHorizon, Math.max(index.horizonDays * 2, estimate));
    index = indexCalendar(calendar, projectStart, horizon);
  }
  return index;
};

/** Calendar days from `projectStart` through 9999-12-31. */
const maxHorizonFrom = (projectStart: string): number => LAST_EPOCH_DAY - toEpochDay(projectStart) + 1;

/** buildWorkingDayIndex, with a malformed calendar (bad weekday or date) as INVALID_INPUT. */
const indexCalendar = (calendar: WorkingCalendar, projectStart: string, horizon: number): WorkingDayIndex => {
  try {
    return buildWorkingDayIndex(calendar, projectStart, horizon);
  } catch (e) {
    if (e instanceof RangeError) throw new ScheduleError('INVALID_INPUT', `Calendar: ${e.message}`, []);
    throw e;
  }
};
