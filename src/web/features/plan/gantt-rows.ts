import type { TaskListItem, TaskMove } from '../../../core/tasks/schemas';

/**
 * The WBS as the Gantt walks it: rows in outline order with the collapsed summaries' subtrees left out,
 * and the moves (indent, outdent, reorder) expressed as the server's `POST /tasks/{id}/move`.
 */
export function visibleRows(tasks: readonly TaskListItem[], collapsed: ReadonlySet<string>): TaskListItem[] {
  if (collapsed.size === 0) return tasks as TaskListItem[];
  const rows: TaskListItem[] = [];
  let hiddenBelow = Number.POSITIVE_INFINITY;
  for (const task of tasks) {
    if (task.depth > hiddenBelow) continue;
    hiddenBelow = collapsed.has(task.id) && task.isSummary ? task.depth : Number.POSITIVE_INFINITY;
    rows.push(task);
  }
  return rows;
}

/** The children of `parentId` (null: the top level) in their order. */
export const siblingsOf = (tasks: readonly TaskListItem[], parentId: string | null): TaskListItem[] =>
  tasks.filter((task) => task.parentId === parentId);

/** Whether `id` is `ancestorId` or lies under it. */
export function isWithin(tasks: readonly TaskListItem[], id: string, ancestorId: string): boolean {
  const parentOf = new Map(tasks.map((task) => [task.id, task.parentId]));
  for (let at: string | null | undefined = id; at; at = parentOf.get(at)) if (at === ancestorId) return true;
  return false;
}

export type MoveKind = 'indent' | 'outdent' | 'up' | 'down';

/** The move that indents (under the sibling above, last), outdents (after its parent), or swaps with a neighbour; null when there is none. */
export function moveFor(tasks: readonly TaskListItem[], task: TaskListItem, kind: MoveKind): TaskMove | null {
  const siblings = siblingsOf(tasks, task.parentId);
  const at = siblings.findIndex((s) => s.id === task.id);
  switch (kind) {
    case 'indent': {
      const above = siblings[at - 1];
      return above ? { parentId: above.id, index: siblingsOf(tasks, above.id).length, version: task.version } : null;
    }
    case 'outdent': {
      const parent = tasks.find((t) => t.id === task.parentId);
      if (!parent) return null;
      const index = siblingsOf(tasks, parent.parentId).findIndex((s) => s.id === parent.id) + 1;
      return { parentId: parent.parentId, index, version: task.version };
    }
    case 'up':
      return at > 0 ? { parentId: task.parentId, index: at - 1, version: task.version } : null;
    case 'down':
      return at < siblings.length - 1 ? { parentId: task.parentId, index: at + 1, version: task.version } : null;
  }
}

/** Dropping `task` before or after `target` in the grid: it joins the target's siblings there. */
export function dropMove(tasks: readonly TaskListItem[], task: TaskListItem, target: TaskListItem, after: boolean): TaskMove | null {
  if (isWithin(tasks, target.id, task.id)) return null;
  const others = siblingsOf(tasks, target.parentId).filter((s) => s.id !== task.id);
  const index = others.findIndex((s) => s.id === target.id) + (after ? 1 : 0);
  return { parentId: target.parentId, index, version: task.version };
}

/** Number of tasks under a summary, at any depth (what deleting it takes along). */
export function descendantCount(tasks: readonly TaskListItem[], id: string): number {
  const at = tasks.findIndex((task) => task.id === id);
  if (at < 0) return 0;
  let count = 0;
  for (let k = at + 1; k < tasks.length && tasks[k].depth > tasks[at].depth; k += 1) count += 1;
  return count;
}
