import { buildWorkingDayIndex, type WorkingCalendar, type WorkingDayIndex } from '../calendar/calendar';
import { toEpochDay } from '../calendar/civil-date';
import { ScheduleError } from './schedule-error';
import { buildCsr, type Csr, extractCycle, topologicalOrder } from './schedule-graph';
import type { Schedule, ScheduledTask, ScheduleInput, ScheduleTaskInput } from './schedule-types';
import { buildTaskTree, type TaskTree } from './task-tree';

export { type DependencyCheck, findCycle, validateDependency } from './dependency-rules';
export { ScheduleError, type ScheduleErrorCode } from './schedule-error';
export type * from './schedule-types';

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
  let days = buildWorkingDayIndex(calendar, projectStart, horizon);
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

/**
 * Reads and checks the dependencies into a CSR graph. Every constraint of SPEC §3.1 is
 * rewritten as `es(s) ≥ es(p) + w` with one weight per dependency,
 *   w = L + (FS or FF: d(p)) − (FF or SF: d(s)),
 * which is FS es(s) ≥ ef(p) + L, SS es(s) ≥ es(p) + L, FF ef(s) ≥ ef(p) + L, SF
 * ef(s) ≥ es(p) + L; and each backward bound as `ls(p) ≤ ls(s) − w`, which is exactly FS
 * lf(p) ≤ ls(s) − L, SS lf(p) ≤ ls(s) − L + d(p), FF lf(p) ≤ lf(s) − L, SF
 * lf(p) ≤ lf(s) − L + d(p) after subtracting d(p) from both sides.
 */
const buildNetwork = (
  dependencies: ScheduleInput['dependencies'],
  indexOf: ReadonlyMap<string, number>,
  tree: TaskTree,
  duration: Float64Array,
): { graph: Csr; slotWeight: Float64Array } => {
  const m = dependencies.length;
  const pred = new Int32Array(m);
  const succ = new Int32Array(m);
  const weight = new Float64Array(m);
  const { isSummary } = tree;
  for (let k = 0; k < m; k += 1) {
    const dep = dependencies[k];
    const p = indexOf.get(dep.predecessorId);
    const s = indexOf.get(dep.successorId);
    if (p === undefined || s === undefined) {
      const missing = [dep.predecessorId, dep.successorId].filter((id) => !indexOf.has(id));
      throw new ScheduleError('UNKNOWN_TASK', `Dependency ${dep.id} names an unknown task`, missing, dep.id);
    }
    if (isSummary[p] === 1 || isSummary[s] === 1) {
      throw new ScheduleError(
        'SUMMARY_DEPENDENCY',
        `Dependency ${dep.id} links a summary task; dependencies link leaf tasks and milestones`,
        [dep.predecessorId, dep.successorId],
        dep.id,
      );
    }
    const lag = dep.lag;
    if (!isDays(lag, -MAX_SCHEDULE_DAYS)) throw daysError(lag, -MAX_SCHEDULE_DAYS, `Lag of dependency ${dep.id}`, dep.predecessorId);
    let w: number;
    switch (dep.type) {
      case 'FS':
        w = lag + duration[p];
        break;
      case 'SS':
        w = lag;
        break;
      case 'FF':
        w = lag + duration[p] - duration[s];
        break;
      case 'SF':
        w = lag - duration[s];
        break;
      default:
        throw new ScheduleError('INVALID_INPUT', `Dependency ${dep.id} has type ${String(dep.type)}`, [], dep.id);
    }
    pred[k] = p;
    succ[k] = s;
    weight[k] = w;
  }
  const graph = buildCsr(indexOf.size, pred, succ, weight);
  return { graph, slotWeight: graph.outWeight };
};

/**
 * Kahn's algorithm fused with the forward pass: a task leaves the queue once all its
 * predecessors have, so its es is final and it relaxes its successors `es(s) ≥ es(p) + w`.
 * Returns the topological order, or null when a cycle leaves tasks unordered.
 */
const forwardPass = (g: Csr, slotWeight: Float64Array, es: Float64Array): Int32Array | null => {
  const n = g.nodeCount;
  const { outStart, outSucc } = g;
  const indegree = new Int32Array(n);
  for (let slot = 0; slot < outSucc.length; slot += 1) indegree[outSucc[slot]] += 1;
  const order = new Int32Array(n);
  let tail = 0;
  for (let v = 0; v < n; v += 1) if (indegree[v] === 0) order[tail++] = v;
  for (let head = 0; head < tail; head += 1) {
    const p = order[head];
    const esP = es[p];
    for (let slot = outStart[p], end = outStart[p + 1]; slot < end; slot += 1) {
      const s = outSucc[slot];
      const candidate = esP + slotWeight[slot];
      if (candidate > es[s]) es[s] = candidate;
      if (--indegree[s] === 0) order[tail++] = s;
    }
  }
  return tail === n ? order : null;
};

/** Reverse topological order: ls(p) = min(F − d(p), min over successors of ls(s) − w). */
const backwardPass = (
  g: Csr,
  slotWeight: Float64Array,
  order: Int32Array,
  duration: Float64Array,
  finish: number,
): Float64Array => {
  const { outStart, outSucc } = g;
  const ls = new Float64Array(g.nodeCount);
  for (let i = g.nodeCount - 1; i >= 0; i -= 1) {
    const p = order[i];
    let lsP = finish - duration[p];
    for (let slot = outStart[p], end = outStart[p + 1]; slot < end; slot += 1) {
      const bound = ls[outSucc[slot]] - slotWeight[slot];
      if (bound < lsP) lsP = bound;
    }
    ls[p] = lsP;
  }
  return ls;
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
