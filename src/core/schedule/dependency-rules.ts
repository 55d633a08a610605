import { buildCsr, extractCycle, topologicalOrder } from './schedule-graph';

type TaskRef = { id: string };
type TreeTaskRef = { id: string; parentId: string | null };
type Link = { predecessorId: string; successorId: string };

/**
 * The task ids of one dependency cycle, in order (each precedes the next; the last precedes
 * the first), or null when the dependencies are acyclic. Ids that only appear in
 * `dependencies` count as tasks too. A task depending on itself is the cycle `[id]`.
 */
export const findCycle = (tasks: readonly TaskRef[], dependencies: readonly Link[]): string[] | null => {
  const index = new Map<string, number>();
  const ids: string[] = [];
  const intern = (id: string): number => {
    let i = index.get(id);
    if (i === undefined) {
      i = ids.length;
      index.set(id, i);
      ids.push(id);
    }
    return i;
  };
  for (const t of tasks) intern(t.id);
  const pred = new Int32Array(dependencies.length);
  const succ = new Int32Array(dependencies.length);
  dependencies.forEach((d, k) => {
    pred[k] = intern(d.predecessorId);
    succ[k] = intern(d.successorId);
  });
  const graph = buildCsr(ids.length, pred, succ);
  const topo = topologicalOrder(graph);
  if (topo.ordered === ids.length) return null;
  return Array.from(extractCycle(graph, topo), (i) => ids[i]);
};

export type DependencyCheck =
  | { ok: true }
  | {
      ok: false;
      /** UNKNOWN_TASK: an end is not a task; SUMMARY_DEPENDENCY: an end has children; CYCLE: it would close a cycle. */
      code: 'UNKNOWN_TASK' | 'SUMMARY_DEPENDENCY' | 'CYCLE';
      /** The unknown ids; the summary ids; or the cycle the new link would close, in order, starting with its predecessor. */
      taskIds: string[];
    };

/**
 * Whether `candidate` may be added to a project whose tasks and (acyclic) dependencies are
 * given. Dependencies link leaf tasks and milestones only (SPEC §3.1), and may not close a
 * cycle. For an edit of an existing dependency, pass `dependencies` without it.
 * The dependency type and lag do not matter: any link orders its two tasks.
 */
export const validateDependency = (tasks: readonly TreeTaskRef[], dependencies: readonly Link[], candidate: Link): DependencyCheck => {
  const known = new Set<string>();
  const summaries = new Set<string>();
  for (const t of tasks) known.add(t.id);
  for (const t of tasks) if (t.parentId !== null) summaries.add(t.parentId);
  const ends = [candidate.predecessorId, candidate.successorId];
  const unknown = ends.filter((id, i) => !known.has(id) && ends.indexOf(id) === i);
  if (unknown.length > 0) return { ok: false, code: 'UNKNOWN_TASK', taskIds: unknown };
  const summaryEnds = ends.filter((id, i) => summaries.has(id) && ends.indexOf(id) === i);
  if (summaryEnds.length > 0) return { ok: false, code: 'SUMMARY_DEPENDENCY', taskIds: summaryEnds };
  const path = findPath(dependencies, candidate.successorId, candidate.predecessorId);
  if (path === null) return { ok: true };
  // path runs successor → … → predecessor; the new link closes it back to the successor.
  return { ok: false, code: 'CYCLE', taskIds: [candidate.predecessorId, ...path.slice(0, -1)] };
};

/** Shortest chain of dependencies from → … → to (breadth-first), or null. */
const findPath = (dependencies: readonly Link[], from: string, to: string): string[] | null => {
  if (from === to) return [from];
  const next = new Map<string, string[]>();
  for (const d of dependencies) {
    const list = next.get(d.predecessorId);
    if (list === undefined) next.set(d.predecessorId, [d.successorId]);
    else list.push(d.successorId);
  }
  const cameFrom = new Map<string, string>([[from, from]]);
  const queue = [from];
  for (let head = 0; head < queue.length; head += 1) {
    const v = queue[head];
    for (const s of next.get(v) ?? []) {
      if (cameFrom.has(s)) continue;
      cameFrom.set(s, v);
      if (s === to) {
        const path = [s];
        for (let x = v; x !== from; x = cameFrom.get(x) ?? from) path.push(x);
        path.push(from);
        return path.reverse();
      }
      queue.push(s);
    }
  }
  return null;
};
