import { ScheduleError } from './schedule-error';

type TreeTask = { id: string; parentId: string | null };

/** The work breakdown structure as index arrays. */
export type TaskTree = {
  /** Index of each task's parent, −1 at the top level. */
  parent: Int32Array;
  /** 1 for a task that has children. */
  isSummary: Uint8Array;
  /** All task indices, parents before children (ascending depth). */
  byDepth: Int32Array;
  hasSummaries: boolean;
};

/**
 * Resolves parentIds and orders tasks by depth in linear time. Throws ScheduleError
 * UNKNOWN_TASK for a parentId that is not a task and INVALID_INPUT for a parent cycle.
 */
export const buildTaskTree = (tasks: readonly TreeTask[], indexOf: ReadonlyMap<string, number>): TaskTree => {
  const n = tasks.length;
  const parent = new Int32Array(n).fill(-1);
  const isSummary = new Uint8Array(n);
  let hasSummaries = false;
  // Siblings usually come together (WBS order): reuse the previous look-up when the id repeats.
  let lastParentId: string | null = null;
  let lastParent = -1;
  for (let i = 0; i < n; i += 1) {
    const parentId = tasks[i].parentId;
    if (parentId === null) continue;
    const p = parentId === lastParentId ? lastParent : indexOf.get(parentId);
    if (p === undefined) {
      throw new ScheduleError('UNKNOWN_TASK', `Task ${tasks[i].id} has an unknown parent ${parentId}`, [parentId]);
    }
    lastParentId = parentId;
    lastParent = p;
    parent[i] = p;
    isSummary[p] = 1;
    hasSummaries = true;
  }
  if (!hasSummaries) return { parent, isSummary, byDepth: Int32Array.from({ length: n }, (_, i) => i), hasSummaries };

  const VISITING = -2;
  const depth = new Int32Array(n).fill(-1);
  const stack = new Int32Array(n);
  let maxDepth = 0;
  for (let i = 0; i < n; i += 1) {
    let top = 0;
    let v = i;
    while (v >= 0 && depth[v] === -1) {
      depth[v] = VISITING;
      stack[top++] = v;
      v = parent[v];
    }
    if (v >= 0 && depth[v] === VISITING) {
      const cycle: string[] = [];
      let x = v;
      do {
        cycle.push(tasks[x].id);
        x = parent[x];
      } while (x !== v);
      throw new ScheduleError('INVALID_INPUT', `Tasks are their own ancestors: ${cycle.join(' → ')}`, cycle);
    }
    let d = v < 0 ? -1 : depth[v];
    while (top > 0) {
      d += 1;
      depth[stack[--top]] = d;
    }
    if (d > maxDepth) maxDepth = d;
  }
  // Counting sort by depth.
  const start = new Int32Array(maxDepth + 2);
  for (let i = 0; i < n; i += 1) start[depth[i] + 1] += 1;
  for (let d = 0; d <= maxDepth; d += 1) start[d + 1] += start[d];
  const byDepth = new Int32Array(n);
  for (let i = 0; i < n; i += 1) byDepth[start[depth[i]]++] = i;
  return { parent, isSummary, byDepth, hasSummaries };
};
