import { ScheduleError } from './schedule-error';
import { buildCsr, type Csr } from './schedule-graph';
import { daysError, isDays, MAX_SCHEDULE_DAYS } from './schedule-input';
import type { ScheduleInput } from './schedule-types';
import type { TaskTree } from './task-tree';

/** The passes of the critical path method over index arrays (see computeSchedule). */

const LETTER_F = 70; // 'F'
const LETTER_S = 83; // 'S'

/**
 * Reads and checks the dependencies into a CSR graph. Every constraint of SPEC §3.1 is
 * rewritten as `es(s) ≥ es(p) + w` with one weight per dependency,
 *   w = L + (FS or FF: d(p)) − (FF or SF: d(s)),
 * which is FS es(s) ≥ ef(p) + L, SS es(s) ≥ es(p) + L, FF ef(s) ≥ ef(p) + L, SF
 * ef(s) ≥ es(p) + L; and each backward bound as `ls(p) ≤ ls(s) − w`, which is exactly FS
 * lf(p) ≤ ls(s) − L, SS lf(p) ≤ ls(s) − L + d(p), FF lf(p) ≤ lf(s) − L, SF
 * lf(p) ≤ lf(s) − L + d(p) after subtracting d(p) from both sides.
 */
export const buildNetwork = (
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
      const summaryEnds = isSummary[p] === 1 ? [dep.predecessorId] : [];
      if (isSummary[s] === 1 && s !== p) summaryEnds.push(dep.successorId);
      throw new ScheduleError(
        'SUMMARY_DEPENDENCY',
        `Dependency ${dep.id} links a summary task; dependencies link leaf tasks and milestones`,
        summaryEnds,
        dep.id,
      );
    }
    const lag = dep.lag;
    if (!isDays(lag, -MAX_SCHEDULE_DAYS)) throw daysError(lag, -MAX_SCHEDULE_DAYS, `Lag of dependency ${dep.id}`, dep.predecessorId);
    // Read the type by its letters (cheaper than comparing strings that come from the
    // database): the first says whether the predecessor's Start or Finish counts, the second
    // whether the successor's Start or Finish is constrained.
    const type = dep.type;
    const from = type.length === 2 ? type.charCodeAt(0) : 0;
    const to = type.length === 2 ? type.charCodeAt(1) : 0;
    if ((from !== LETTER_F && from !== LETTER_S) || (to !== LETTER_F && to !== LETTER_S)) {
      throw new ScheduleError('INVALID_INPUT', `Dependency ${dep.id} has type ${String(type)}`, [], dep.id);
    }
    const w = lag + (from === LETTER_F ? duration[p] : 0) - (to === LETTER_F ? duration[s] : 0);
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
export const forwardPass = (g: Csr, slotWeight: Float64Array, es: Float64Array): Int32Array | null => {
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
export const backwardPass = (g: Csr, slotWeight: Float64Array, order: Int32Array, duration: Float64Array, finish: number): Float64Array => {
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

/** Deepest first, fold each task into its parent: min es/ls, max ef/lf/finish index. */
export const rollUpSummaries = (
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
