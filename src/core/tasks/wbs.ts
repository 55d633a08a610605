/** The work breakdown structure: outline order, depth and outline numbers of a project's tasks. */

export type WbsTask = { id: string; parentId: string | null; sortOrder: number };

export type Outline = {
  /** Input indices in outline order: each parent before its children, siblings by (sortOrder, id). */
  order: Int32Array;
  /** Input index of each task's parent, −1 at the top level. */
  parent: Int32Array;
  /** By input index: 0 at the top level. */
  depth: Int32Array;
  /** By input index: '1', '1.2', '1.2.3'. */
  wbs: string[];
  /** By input index: 1 when the task has children. */
  isSummary: Uint8Array;
};

const bySortOrder =
  (tasks: readonly WbsTask[]) =>
  (a: number, b: number): number =>
    tasks[a].sortOrder - tasks[b].sortOrder || (tasks[a].id < tasks[b].id ? -1 : tasks[a].id > tasks[b].id ? 1 : 0);

/**
 * Orders `tasks` as an outline, in linear time plus the sort of each sibling list. A task whose
 * parent is not in the list (or that sits in a parent cycle, which the API never stores) is shown
 * at the top level.
 */
export const outline = (tasks: readonly WbsTask[]): Outline => {
  const n = tasks.length;
  const indexOf = new Map<string, number>();
  for (let i = 0; i < n; i += 1) indexOf.set(tasks[i].id, i);
  const parent = new Int32Array(n).fill(-1);
  const isSummary = new Uint8Array(n);
  const children: number[][] = new Array<number[]>(n);
  const roots: number[] = [];
  for (let i = 0; i < n; i += 1) {
    const parentId = tasks[i].parentId;
    const p = parentId === null ? undefined : indexOf.get(parentId);
    if (p === undefined || p === i) {
      roots.push(i);
      continue;
    }
    parent[i] = p;
    isSummary[p] = 1;
    const list = children[p];
    if (list === undefined) children[p] = [i];
    else list.push(i);
  }
  const compare = bySortOrder(tasks);
  const order = new Int32Array(n);
  const depth = new Int32Array(n);
  const wbs: string[] = new Array<string>(n);
  const visited = new Uint8Array(n);
  let next = 0;
  const visit = (rootList: number[], prefix: string, rootDepth: number, startNumber: number) => {
    // Iterative depth-first walk: a plan may nest deeper than the call stack.
    const stack: { list: number[]; at: number; prefix: string; depth: number; number: number }[] = [
      { list: rootList, at: 0, prefix, depth: rootDepth, number: startNumber },
    ];
    while (stack.length > 0) {
      const frame = stack[stack.length - 1];
      if (frame.at >= frame.list.length) {
        stack.pop();
        continue;
      }
      const v = frame.list[frame.at];
      frame.at += 1;
      if (visited[v] === 1) continue;
      visited[v] = 1;
      frame.number += 1;
      const label = frame.prefix === '' ? `${frame.number}` : `${frame.prefix}.${frame.number}`;
      wbs[v] = label;
      depth[v] = frame.depth;
      order[next] = v;
      next += 1;
      const kids = children[v];
      if (kids !== undefined) {
        kids.sort(compare);
        stack.push({ list: kids, at: 0, prefix: label, depth: frame.depth + 1, number: 0 });
      }
    }
  };
  roots.sort(compare);
  visit(roots, '', 0, 0);
  if (next < n) {
    // Tasks caught in a parent cycle: shown at the top level after the rest.
    const rest: number[] = [];
    for (let i = 0; i < n; i += 1) if (visited[i] === 0) rest.push(i);
    rest.sort(compare);
    let top = roots.length;
    for (const v of rest) {
      if (visited[v] === 1) continue;
      parent[v] = -1;
      visit([v], '', 0, top);
      top += 1;
    }
  }
  return { order, parent, depth, wbs, isSummary };
};

/** Ids of `rootId` and every task below it, the root first. */
export const subtreeOf = (tasks: readonly { id: string; parentId: string | null }[], rootId: string): string[] => {
  const children = new Map<string, string[]>();
  for (const t of tasks) {
    if (t.parentId === null) continue;
    const list = children.get(t.parentId);
    if (list === undefined) children.set(t.parentId, [t.id]);
    else list.push(t.id);
  }
  const seen = new Set<string>([rootId]);
  const out = [rootId];
  for (let head = 0; head < out.length; head += 1) {
    for (const child of children.get(out[head]) ?? []) {
      if (seen.has(child)) continue;
      seen.add(child);
      out.push(child);
    }
  }
  return out;
};
