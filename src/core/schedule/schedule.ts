import { buildWorkingDayIndex, type WorkingCalendar, type WorkingDayIndex } from '../calendar/calendar';
import { toEpochDay } from '../calendar/civil-date';
import { ScheduleError } from './schedule-error';
import { buildCsr, extractCycle, topologicalOrder } from './schedule-graph';
import type { Schedule, ScheduledTask, ScheduleInput, ScheduleTaskInput } from './schedule-types';
import { buildTaskTree, type TaskTree } from './task-tree';

export { type DependencyCheck, findCycle, validateDependency } from './dependency-rules';
export { ScheduleError, type ScheduleErrorCode } from './schedule-error';
export type * from './schedule-types';

const FS = 0;
const SS = 1;
const FF = 2;
const SF = 3;

/** Largest |duration| and |lag| accepted, in working days (about 400 years). */
export const MAX_SCHEDULE_DAYS = 100_000;

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
  const m = dependencies.length;
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

  // Dependencies: endpoints, kind and lag by edge.
  const pred = new Int32Array(m);
  const succ = new Int32Array(m);
  const kind = new Uint8Array(m);
  const lag = new Float64Array(m);
  for (let k = 0; k < m; k += 1) {
    const dep = dependencies[k];
    const p = indexOf.get(dep.predecessorId);
    const s = indexOf.get(dep.successorId);
    if (p === undefined || s === undefined) {
      const missing = [dep.predecessorId, dep.successorId].filter((id) => !indexOf.has(id));
      throw new ScheduleError('UNKNOWN_TASK', `Dependency ${dep.id} names an unknown task`, missing, dep.id);
    }
    if (tree.isSummary[p] === 1 || tree.isSummary[s] === 1) {
      throw new ScheduleError(
        'SUMMARY_DEPENDENCY',
        `Dependency ${dep.id} links a summary task; dependencies link leaf tasks and milestones`,
        [dep.predecessorId, dep.successorId],
        dep.id,
      );
    }
    const code = typeCode(dep.type);
    if (code < 0) throw new ScheduleError('INVALID_INPUT', `Dependency ${dep.id} has type ${dep.type}`, [], dep.id);
    const l = dep.lag;
    if (!isDays(l, -MAX_SCHEDULE_DAYS)) throw daysError(l, -MAX_SCHEDULE_DAYS, `Lag of dependency ${dep.id}`, dep.predecessorId);
    pred[k] = p;
    succ[k] = s;
    kind[k] = code;
    lag[k] = l;
  }

  const graph = buildCsr(n, pred, succ);
  const topo = topologicalOrder(graph);
  if (topo.ordered < n) {
    const cycle = Array.from(extractCycle(graph, topo), (i) => tasks[i].id);
    throw new ScheduleError('CYCLE', `Dependencies form a cycle: ${cycle.join(' → ')}`, cycle);
  }
  const { order } = topo;
  const { outStart, outEdge, outSucc } = graph;

  // Slot-ordered copies of kind and lag, so the passes stream through memory.
  const slotKind = new Uint8Array(m);
  const slotLag = new Float64Array(m);
  for (let slot = 0; slot < m; slot += 1) {
    slotKind[slot] = kind[outEdge[slot]];
    slotLag[slot] = lag[outEdge[slot]];
  }

  // Start-no-earlier-than → lower bound on es (inherited from ancestors).
  const snetDay = startNoEarlierThanDays(tasks, tree);
  let maxSnetDay = startDay;
  for (let i = 0; i < n; i += 1) if (snetDay[i] > maxSnetDay) maxSnetDay = snetDay[i];
  if (maxSnetDay > LAST_EPOCH_DAY) throw new ScheduleError('INVALID_INPUT', 'A date is beyond 9999-12-31', []);
  const horizon = Math.min(maxSnetDay - startDay + 1 + 400, maxHorizonFrom(projectStart));
  let days = buildWorkingDayIndex(calendar, projectStart, horizon);

  const es = new Float64Array(n);
  for (let i = 0; i < n; i += 1) {
    if (snetDay[i] > startDay) es[i] = days.indexOfEpochDay(snetDay[i]);
  }

  // Forward pass.
  const ef = new Float64Array(n);
  for (let i = 0; i < n; i += 1) {
    const p = order[i];
    const esP = es[p];
    const efP = esP + duration[p];
    ef[p] = efP;
    for (let slot = outStart[p], end = outStart[p + 1]; slot < end; slot += 1) {
      const s = outSucc[slot];
      const k = slotKind[slot];
      const candidate =
        k === FS
          ? efP + slotLag[slot]
          : k === SS
            ? esP + slotLag[slot]
            : k === FF
              ? efP + slotLag[slot] - duration[s]
              : esP + slotLag[slot] - duration[s];
      if (candidate > es[s]) es[s] = candidate;
    }
  }
  let finish = 0;
  for (let i = 0; i < n; i += 1) if (tree.isSummary[i] === 0 && ef[i] > finish) finish = ef[i];

  // Backward pass.
  const lf = new Float64Array(n);
  const ls = new Float64Array(n);
  for (let i = n - 1; i >= 0; i -= 1) {
    const p = order[i];
    const dP = duration[p];
    let lfP = finish;
    for (let slot = outStart[p], end = outStart[p + 1]; slot < end; slot += 1) {
      const s = outSucc[slot];
      const k = slotKind[slot];
      const bound =
        k === FS
          ? ls[s] - slotLag[slot]
          : k === SS
            ? ls[s] - slotLag[slot] + dP
            : k === FF
              ? lf[s] - slotLag[slot]
              : lf[s] - slotLag[slot] + dP;
      if (bound < lfP) lfP = bound;
    }
    lf[p] = lfP;
    ls[p] = lfP - dP;
  }

  // Finish-date index of leaves; then summaries roll up from their children.
  const last = new Float64Array(n);
  for (let i = 0; i < n; i += 1) last[i] = duration[i] >= 1 ? ef[i] - 1 : es[i];
  let lastLeaf = 0;
  for (let i = 0; i < n; i += 1) if (tree.isSummary[i] === 0 && last[i] > lastLeaf) lastLeaf = last[i];
  if (tree.hasSummaries) rollUpSummaries(tree, es, ef, ls, lf, last);

  days = ensureIndexCovers(days, calendar, projectStart, lastLeaf);
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
      startDate: days.dateOf(es[i]),
      finishDate: days.dateOf(last[i]),
    };
  }
  return { projectStart: days.dateOf(0), projectFinish: days.dateOf(lastLeaf), tasks: result };
};

const parseDate = (date: string, what: string, taskIds: string[]): number => {
  try {
    return toEpochDay(date);
  } catch {
    throw new ScheduleError('INVALID_INPUT', `${what} is not a YYYY-MM-DD date: ${JSON.stringify(date)}`, taskIds);
  }
};

const isDays = (value: number, min: number): boolean =>
  Number.isInteger(value) && value >= min && value <= MAX_SCHEDULE_DAYS;

const daysError = (value: number, min: number, what: string, taskId: string): ScheduleError =>
  new ScheduleError('INVALID_INPUT', `${what} must be an integer in ${min}..${MAX_SCHEDULE_DAYS}, got ${value}`, [taskId]);

const typeCode = (type: string): number => {
  switch (type) {
    case 'FS':
      return FS;
    case 'SS':
      return SS;
    case 'FF':
      return FF;
    case 'SF':
      return SF;
    default:
      return -1;
  }
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

/** Deepest first, fold each task into its parent: min es/ls, max ef/lf/finish index. */
const rollUpSummaries = (
  tree: TaskTree,
  es: Float64Array,
  ef: Float64Array,
  ls: Float64Array,
  lf: Float64Array,
  last: Float64Array,
): void => {
  const { byDepth, parent, isSummary } = tree;
  const n = byDepth.length;
  for (let i = 0; i < n; i += 1) {
    if (isSummary[i] === 0) continue;
    es[i] = Number.POSITIVE_INFINITY;
    ls[i] = Number.POSITIVE_INFINITY;
    ef[i] = Number.NEGATIVE_INFINITY;
    lf[i] = Number.NEGATIVE_INFINITY;
    last[i] = Number.NEGATIVE_INFINITY;
  }
  for (let j = n - 1; j >= 0; j -= 1) {
    const v = byDepth[j];
    const p = parent[v];
    if (p < 0) continue;
    if (es[v] < es[p]) es[p] = es[v];
    if (ls[v] < ls[p]) ls[p] = ls[v];
    if (ef[v] > ef[p]) ef[p] = ef[v];
    if (lf[v] > lf[p]) lf[p] = lf[v];
    if (last[v] > last[p]) last[p] = last[v];
  }
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
    index = buildWorkingDayIndex(calendar, projectStart, horizon);
  }
  return index;
};

/** Calendar days from `projectStart` through 9999-12-31. */
const maxHorizonFrom = (projectStart: string): number => LAST_EPOCH_DAY - toEpochDay(projectStart) + 1;
