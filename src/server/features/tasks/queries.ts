import { sql } from 'kysely';
import type { ChecklistItem, Task } from '../../../core/tasks/schemas.js';
import type { Db, TaskTable, Trx } from '../../db/database.js';
import { notFound } from '../../http/errors.js';

type Handle = Db | Trx;

export const toTask = (row: TaskTable, assigneeIds: string[], isSummary: boolean): Task => ({
  id: row.id,
  projectId: row.project_id,
  parentId: row.parent_id,
  sortOrder: row.sort_order,
  title: row.title,
  description: row.description,
  assigneeIds,
  duration: row.duration,
  startNoEarlierThan: row.start_no_earlier_than,
  estimateHours: row.estimate_hours === null ? null : Number(row.estimate_hours),
  plannedCost: Number(row.planned_cost),
  percentComplete: row.percent_complete,
  status: row.status as Task['status'],
  priority: row.priority as Task['priority'],
  phase: row.phase as Task['phase'],
  sprintId: row.sprint_id,
  storyPoints: row.story_points === null ? null : Number(row.story_points),
  checklist: JSON.parse(row.checklist) as ChecklistItem[],
  isSummary,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  version: row.version,
});

/** The stored columns of a task object (what insert and update write). */
export const taskColumns = (task: Task) => ({
  parent_id: task.parentId,
  sort_order: task.sortOrder,
  title: task.title,
  description: task.description,
  duration: task.duration,
  start_no_earlier_than: task.startNoEarlierThan,
  estimate_hours: task.estimateHours,
  planned_cost: task.plannedCost,
  percent_complete: task.percentComplete,
  status: task.status,
  priority: task.priority,
  phase: task.phase,
  sprint_id: task.sprintId,
  story_points: task.storyPoints,
  checklist: JSON.stringify(task.checklist),
  updated_at: task.updatedAt,
  version: task.version,
});

export async function findTaskRow(db: Handle, workspaceId: string, id: string): Promise<TaskTable | undefined> {
  return db.selectFrom('tasks').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
}

/** The task with its assignees and whether it has children. */
export async function findTask(db: Handle, workspaceId: string, id: string): Promise<Task | undefined> {
  const row = await findTaskRow(db, workspaceId, id);
  if (!row) return undefined;
  const [assignees, summary] = await Promise.all([
    assigneesOf(db, workspaceId, row.project_id, id),
    hasChildren(db, workspaceId, row.project_id, id),
  ]);
  return toTask(row, assignees, summary);
}

export async function assigneesOf(db: Handle, workspaceId: string, projectId: string, taskId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('task_assignees')
    .select('user_id')
    .where('workspace_id', '=', workspaceId)
    .where('project_id', '=', projectId)
    .where('task_id', '=', taskId)
    .orderBy('user_id')
    .execute();
  return rows.map((r) => r.user_id);
}

export async function hasChildren(db: Handle, workspaceId: string, projectId: string, taskId: string): Promise<boolean> {
  const row = await db
    .selectFrom('tasks')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('project_id', '=', projectId)
    .where('parent_id', '=', taskId)
    .limit(1)
    .executeTakeFirst();
  return Boolean(row);
}

/** Every task of a project (one query). */
export async function projectTaskRows(db: Handle, workspaceId: string, projectId: string): Promise<TaskTable[]> {
  return db.selectFrom('tasks').selectAll().where('workspace_id', '=', workspaceId).where('project_id', '=', projectId).execute();
}

/** Every assignment of a project's tasks (one query), task id → sorted user ids. */
export async function projectAssignees(db: Handle, workspaceId: string, projectId: string): Promise<Map<string, string[]>> {
  const rows = await db
    .selectFrom('task_assignees')
    .select(['task_id', 'user_id'])
    .where('workspace_id', '=', workspaceId)
    .where('project_id', '=', projectId)
    .orderBy('task_id')
    .orderBy('user_id')
    .execute();
  const byTask = new Map<string, string[]>();
  for (const row of rows) {
    const list = byTask.get(row.task_id);
    if (list === undefined) byTask.set(row.task_id, [row.user_id]);
    else list.push(row.user_id);
  }
  return byTask;
}

export type TreeRow = { id: string; parent_id: string | null; sort_order: number; title: string };

/** The shape of a project's WBS: ids, parents, positions and titles. */
export async function projectTree(db: Handle, workspaceId: string, projectId: string): Promise<TreeRow[]> {
  return db
    .selectFrom('tasks')
    .select(['id', 'parent_id', 'sort_order', 'title'])
    .where('workspace_id', '=', workspaceId)
    .where('project_id', '=', projectId)
    .execute();
}

/** The user ids of `userIds` that are not members of the project. */
export async function notMembers(db: Handle, workspaceId: string, projectId: string, userIds: readonly string[]): Promise<string[]> {
  if (userIds.length === 0) return [];
  const rows = await db
    .selectFrom('project_members')
    .select('user_id')
    .where('workspace_id', '=', workspaceId)
    .where('project_id', '=', projectId)
    .where('user_id', 'in', [...userIds])
    .execute();
  const members = new Set(rows.map((r) => r.user_id));
  return userIds.filter((id) => !members.has(id));
}

/** Ids of the dependencies that link the task (as predecessor or successor). */
export async function dependencyIdsOf(db: Handle, workspaceId: string, projectId: string, taskId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('dependencies')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('project_id', '=', projectId)
    .where((eb) => eb.or([eb('predecessor_id', '=', taskId), eb('successor_id', '=', taskId)]))
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Every change of a project's plan calls this first, inside its transaction: it raises the plan's
 * revision (so that computed views such as the cached schedule know they are stale) and takes that
 * row's lock until the transaction ends (PostgreSQL locks the row; SQLite runs one write transaction
 * at a time), so that the plan's rules (no cycle, no dependency on a summary, positions among
 * siblings, 24 hours a day) are checked against the outcome of a concurrent change. Code that writes
 * tasks or dependencies anywhere else must call it too.
 */
export async function lockPlan(trx: Trx, workspaceId: string, projectId: string): Promise<void> {
  try {
    await trx
      .insertInto('plan_revisions')
      .values({ workspace_id: workspaceId, project_id: projectId, revision: 1 })
      .onConflict((oc) => oc.columns(['workspace_id', 'project_id']).doUpdateSet({ revision: sql<number>`plan_revisions.revision + 1` }))
      .execute();
  } catch (error) {
    // The project was deleted meanwhile (its foreign key refuses the row).
    const code = (error as { code?: unknown }).code;
    if (code === '23503' || code === 'SQLITE_CONSTRAINT_FOREIGNKEY') throw notFound('Project');
    throw error;
  }
}

export async function setAssignees(
  trx: Trx,
  workspaceId: string,
  projectId: string,
  taskId: string,
  userIds: readonly string[],
): Promise<void> {
  await trx
    .deleteFrom('task_assignees')
    .where('workspace_id', '=', workspaceId)
    .where('project_id', '=', projectId)
    .where('task_id', '=', taskId)
    .execute();
  if (userIds.length === 0) return;
  await trx
    .insertInto('task_assignees')
    .values(userIds.map((userId) => ({ workspace_id: workspaceId, project_id: projectId, task_id: taskId, user_id: userId })))
    .execute();
}

/** Sets `sort_order` = position for each id whose position changed. */
export async function renumber(trx: Trx, workspaceId: string, ordered: readonly { id: string; sort_order: number }[]): Promise<void> {
  for (let k = 0; k < ordered.length; k += 1) {
    if (ordered[k].sort_order === k) continue;
    await trx.updateTable('tasks').set({ sort_order: k }).where('workspace_id', '=', workspaceId).where('id', '=', ordered[k].id).execute();
  }
}

/** Deletes tasks by id (their dependencies, assignments and time entries go with them by cascade). */
export async function deleteTasks(trx: Trx, workspaceId: string, projectId: string, ids: readonly string[]): Promise<number> {
  let deleted = 0;
  for (let i = 0; i < ids.length; i += 500) {
    const result = await trx
      .deleteFrom('tasks')
      .where('workspace_id', '=', workspaceId)
      .where('project_id', '=', projectId)
      .where('id', 'in', ids.slice(i, i + 500))
      .executeTakeFirst();
    deleted += Number(result.numDeletedRows);
  }
  return deleted;
}

/** `{ id, title }` of the given tasks, in the order given (unknown ids keep an empty title). */
export async function nameTasks(db: Handle, workspaceId: string, ids: readonly string[]): Promise<{ id: string; title: string }[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('tasks')
    .select(['id', 'title'])
    .where('workspace_id', '=', workspaceId)
    .where('id', 'in', [...new Set(ids)])
    .execute();
  const titles = new Map(rows.map((r) => [r.id, r.title]));
  return ids.map((id) => ({ id, title: titles.get(id) ?? '' }));
}
