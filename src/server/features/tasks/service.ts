import type {
  ChecklistItem,
  ChecklistItemInput,
  Task,
  TaskCreate,
  TaskListItem,
  TaskListQuery,
  TaskMove,
  TaskPatch,
} from '../../../core/tasks/schemas.js';
import { subtreeOf } from '../../../core/tasks/wbs.js';
import { nowIso } from '../../clock.js';
import type { Db, TaskTable, Trx } from '../../db/database.js';
import type { Auth } from '../../http/access.js';
import { assertCurrent, assertUpdated, type Expected } from '../../http/concurrency.js';
import { forbidden, notFound, rule } from '../../http/errors.js';
import { decodeCursor, pageFrom } from '../../http/pagination.js';
import { newId } from '../../ids.js';
import { recordAudit } from '../audit/record.js';
import { type ProjectAccess, requireProject } from '../projects/service.js';
import { calendarOf, inSnapshot, planDependencies, viewPlan } from '../schedule/plan.js';
import { canEditPlan } from './policy.js';
import {
  assigneesOf,
  deleteTasks,
  dependencyIdsOf,
  findTask,
  findTaskRow,
  hasChildren,
  lockPlan,
  notMembers,
  projectAssignees,
  projectTaskRows,
  projectTree,
  renumber,
  setAssignees,
  taskColumns,
  toTask,
} from './queries.js';

/** Fields a summary task takes from its children: changing them on a summary is refused. */
const ROLLED_UP = ['duration', 'estimateHours', 'plannedCost', 'percentComplete'] as const;

export function assertCanEditPlan(auth: Auth, access: ProjectAccess): void {
  if (!canEditPlan(auth, access.projectRole)) {
    throw forbidden("Only the project's managers, its sales, pre-sales and support members and the workspace admins can change its plan.");
  }
}

/** Loads a task of the caller's workspace that the caller may view: else 404. */
async function requireTask(db: Db | Trx, auth: Auth, id: string): Promise<{ row: TaskTable; access: ProjectAccess }> {
  const row = await findTaskRow(db, auth.workspaceId, id);
  if (!row) throw notFound('Task');
  return { row, access: await requireProject(db, auth, row.project_id, 'view') };
}

/** A task the caller may change, read again under the plan's lock. */
async function taskForWrite(trx: Trx, auth: Auth, id: string): Promise<{ task: Task; row: TaskTable }> {
  const found = await requireTask(trx, auth, id);
  assertCanEditPlan(auth, found.access);
  await lockPlan(trx, auth.workspaceId, found.row.project_id);
  const task = await findTask(trx, auth.workspaceId, id);
  const row = await findTaskRow(trx, auth.workspaceId, id);
  if (!task || !row) throw notFound('Task');
  return { task, row };
}

export async function getTask(db: Db, auth: Auth, id: string): Promise<Task> {
  const { row } = await requireTask(db, auth, id);
  const [assignees, summary] = await Promise.all([
    assigneesOf(db, auth.workspaceId, row.project_id, id),
    hasChildren(db, auth.workspaceId, row.project_id, id),
  ]);
  return toTask(row, assignees, summary);
}

/**
 * The project's WBS in outline order, each task with its outline number, depth, scheduled dates and
 * (summaries) rollup. Five queries whatever the size of the plan.
 */
export async function listTasks(db: Db, auth: Auth, projectId: string, query: TaskListQuery) {
  const cursor = decodeCursor(query.cursor);
  return inSnapshot(db, async (trx) => {
    const { row: project } = await requireProject(trx, auth, projectId, 'view');
    const calendar = await calendarOf(trx, auth.workspaceId, project.calendar_id);
    const rows = await projectTaskRows(trx, auth.workspaceId, projectId);
    const assignees = await projectAssignees(trx, auth.workspaceId, projectId);
    const dependencies = await planDependencies(trx, auth.workspaceId, projectId);
    const view = viewPlan({ project, calendar, tasks: rows, dependencies });
    const { outline, schedule, rollups } = view;
    const statuses = query.status ? new Set<string>(query.status) : null;
    const phases = query.phase ? new Set<string>(query.phase) : null;
    let from = 0;
    if (cursor) {
      const at = rows.findIndex((r) => r.id === cursor.id);
      from = (at >= 0 ? positionOf(outline.order, at) : Number(cursor.v)) + 1;
    }
    const matching: { item: TaskListItem; position: number }[] = [];
    for (let k = from; k < rows.length && matching.length <= query.limit; k += 1) {
      const i = outline.order[k];
      const row = rows[i];
      if (statuses && !statuses.has(row.status)) continue;
      if (phases && !phases.has(row.phase)) continue;
      const taskAssignees = assignees.get(row.id) ?? [];
      if (query.assigneeId && !taskAssignees.includes(query.assigneeId)) continue;
      const scheduled = schedule?.tasks[k];
      matching.push({
        position: k,
        item: {
          ...toTask(row, taskAssignees, outline.isSummary[i] === 1),
          wbs: outline.wbs[i],
          depth: outline.depth[i],
          startDate: scheduled?.startDate ?? null,
          finishDate: scheduled?.finishDate ?? null,
          rollup: rollups[i],
        },
      });
    }
    const page = pageFrom(matching, query.limit, (m) => ({ v: m.position, id: m.item.id }));
    return { items: page.items.map((m) => m.item), nextCursor: page.nextCursor };
  });
}

const positionOf = (order: Int32Array, index: number): number => order.indexOf(index);

/** A new task, last among its siblings. */
export async function createTask(db: Db, auth: Auth, projectId: string, input: TaskCreate): Promise<Task> {
  return db.transaction().execute(async (trx) => {
    const access = await requireProject(trx, auth, projectId, 'view');
    assertCanEditPlan(auth, access);
    await lockPlan(trx, auth.workspaceId, projectId);
    if (input.parentId !== null) await checkNewParent(trx, auth.workspaceId, projectId, input.parentId, null);
    await checkAssignees(trx, auth.workspaceId, projectId, input.assigneeIds);
    checkSprint(input.sprintId);
    const now = nowIso();
    const { percentComplete, ...fields } = input;
    const task: Task = {
      ...fields,
      id: newId(),
      projectId,
      sortOrder: await nextSortOrder(trx, auth.workspaceId, projectId, input.parentId),
      assigneeIds: [...input.assigneeIds].sort(),
      percentComplete: percentComplete ?? (input.status === 'done' ? 100 : 0),
      checklist: withIds(input.checklist),
      isSummary: false,
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    await trx
      .insertInto('tasks')
      .values({ workspace_id: auth.workspaceId, id: task.id, project_id: projectId, created_at: now, ...taskColumns(task) })
      .execute();
    await setAssignees(trx, auth.workspaceId, projectId, task.id, task.assigneeIds);
    await recordAudit(trx, {
      workspaceId: auth.workspaceId,
      actorId: auth.userId,
      entityType: 'task',
      entityId: task.id,
      projectId,
      action: 'create',
      after: task,
    });
    return task;
  });
}

/**
 * Changes any fields of a task. A summary's duration, estimate, cost and percent complete come from
 * its children (422). `status: 'done'` on a leaf without a `percentComplete` sets 100 %. A new
 * `parentId` moves the task to the end of its new siblings.
 */
export async function updateTask(db: Db, auth: Auth, id: string, patch: TaskPatch, expected: Expected): Promise<Task> {
  return db.transaction().execute(async (trx) => {
    const { task: current } = await taskForWrite(trx, auth, id);
    assertCurrent(current.version, expected);
    const { version: _version, checklist, assigneeIds, ...fields } = patch;
    const wanted: Partial<Task> = { ...fields };
    if (assigneeIds !== undefined) wanted.assigneeIds = [...assigneeIds].sort();
    if (checklist !== undefined) wanted.checklist = withIds(checklist);
    const changed = changesOf(current, wanted);
    if (Object.keys(changed).length === 0) return current;
    if (current.isSummary) {
      const refused = ROLLED_UP.filter((field) => field in changed);
      if (refused.length > 0) {
        throw rule(`A summary task takes its ${refused.join(', ')} from its subtasks; change those instead.`, { fields: refused });
      }
    } else if (changed.status === 'done' && patch.percentComplete === undefined && current.percentComplete !== 100) {
      changed.percentComplete = 100;
    }
    if ('sprintId' in changed) checkSprint(changed.sprintId ?? null);
    if (changed.assigneeIds) await checkAssignees(trx, auth.workspaceId, current.projectId, changed.assigneeIds);
    let sortOrder = current.sortOrder;
    if ('parentId' in changed) {
      const parentId = changed.parentId ?? null;
      if (parentId !== null) await checkNewParent(trx, auth.workspaceId, current.projectId, parentId, id);
      sortOrder = await nextSortOrder(trx, auth.workspaceId, current.projectId, parentId);
    }
    const next: Task = { ...current, ...changed, sortOrder, updatedAt: nowIso(), version: current.version + 1 };
    await saveTask(trx, auth.workspaceId, current, next);
    if (changed.assigneeIds) await setAssignees(trx, auth.workspaceId, current.projectId, id, next.assigneeIds);
    await recordAudit(trx, {
      workspaceId: auth.workspaceId,
      actorId: auth.userId,
      entityType: 'task',
      entityId: id,
      projectId: current.projectId,
      action: 'update',
      before: current,
      after: next,
    });
    return next;
  });
}

/**
 * Indent, outdent or reorder: puts the task under `parentId` at position `index` among its new
 * siblings (an index past the end means last) and renumbers those siblings. Only the moved task's
 * version changes.
 */
export async function moveTask(db: Db, auth: Auth, id: string, move: TaskMove, expected: Expected): Promise<Task> {
  return db.transaction().execute(async (trx) => {
    const { task: current } = await taskForWrite(trx, auth, id);
    assertCurrent(current.version, expected);
    if (move.parentId !== null) await checkNewParent(trx, auth.workspaceId, current.projectId, move.parentId, id);
    const siblings = await siblingsOf(trx, auth.workspaceId, current.projectId, move.parentId);
    const others = siblings.filter((s) => s.id !== id);
    const index = Math.min(move.index, others.length);
    const ordered = [...others.slice(0, index), { id, sort_order: current.sortOrder }, ...others.slice(index)];
    const unchanged =
      move.parentId === current.parentId &&
      ordered.length === siblings.length &&
      ordered.every((s, k) => s.id === siblings[k].id && s.sort_order === k);
    if (unchanged) return current;
    await renumber(
      trx,
      auth.workspaceId,
      ordered.map((s) => (s.id === id ? { id, sort_order: index } : s)),
    );
    const next: Task = { ...current, parentId: move.parentId, sortOrder: index, updatedAt: nowIso(), version: current.version + 1 };
    await saveTask(trx, auth.workspaceId, current, next);
    await recordAudit(trx, {
      workspaceId: auth.workspaceId,
      actorId: auth.userId,
      entityType: 'task',
      entityId: id,
      projectId: current.projectId,
      action: 'update',
      before: current,
      after: next,
    });
    return next;
  });
}

/**
 * Deletes a task and, for a summary, its whole subtree; with them go their dependencies, assignments
 * and time entries. Every removed object gets its audit row.
 */
export async function deleteTask(db: Db, auth: Auth, id: string, expected: Expected): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const { task } = await taskForWrite(trx, auth, id);
    assertCurrent(task.version, expected);
    const ws = auth.workspaceId;
    const tree = await projectTree(trx, ws, task.projectId);
    const ids = subtreeOf(
      tree.map((t) => ({ id: t.id, parentId: t.parent_id })),
      id,
    );
    const rows = await trx.selectFrom('tasks').selectAll().where('workspace_id', '=', ws).where('id', 'in', ids).execute();
    const assignees = await projectAssignees(trx, ws, task.projectId);
    const removedIds = new Set(ids);
    const dependencies = (
      await trx.selectFrom('dependencies').selectAll().where('workspace_id', '=', ws).where('project_id', '=', task.projectId).execute()
    ).filter((d) => removedIds.has(d.predecessor_id) || removedIds.has(d.successor_id));
    const entries = await trx
      .selectFrom('time_entries')
      .selectAll()
      .where('workspace_id', '=', ws)
      .where('project_id', '=', task.projectId)
      .where('task_id', 'in', ids)
      .execute();
    await deleteTasks(trx, ws, task.projectId, [...ids].reverse());
    const parents = new Set(tree.map((t) => t.parent_id));
    const audit = (entityType: string, entityId: string, before: object) =>
      recordAudit(trx, {
        workspaceId: ws,
        actorId: auth.userId,
        entityType,
        entityId,
        projectId: task.projectId,
        action: 'delete',
        before,
      });
    for (const row of rows) await audit('task', row.id, toTask(row, assignees.get(row.id) ?? [], parents.has(row.id)));
    for (const d of dependencies) {
      await audit('dependency', d.id, { id: d.id, predecessorId: d.predecessor_id, successorId: d.successor_id, type: d.type, lag: d.lag });
    }
    for (const e of entries)
      await audit('time_entry', e.id, { id: e.id, taskId: e.task_id, userId: e.user_id, date: e.date, hours: Number(e.hours) });
  });
}

// ---------------------------------------------------------------------------------------------------

async function saveTask(trx: Trx, workspaceId: string, current: Task, next: Task): Promise<void> {
  const result = await trx
    .updateTable('tasks')
    .set(taskColumns(next))
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', current.id)
    .where('version', '=', current.version)
    .executeTakeFirst();
  assertUpdated(result, 'task');
}

/** The fields of `wanted` that differ from `current` (arrays compared by value). */
function changesOf(current: Task, wanted: Partial<Task>): Partial<Task> {
  const changed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(wanted)) {
    if (value === undefined) continue;
    const before = current[key as keyof Task];
    const same = Array.isArray(value) ? JSON.stringify(value) === JSON.stringify(before) : value === before;
    if (!same) changed[key] = value;
  }
  return changed as Partial<Task>;
}

/** Checklist items as stored: a new item (no id) gets one. */
const withIds = (items: readonly ChecklistItemInput[]): ChecklistItem[] =>
  items.map((item) => ({ id: item.id ?? newId(), text: item.text, done: item.done }));

function checkSprint(sprintId: string | null): void {
  if (sprintId !== null) throw rule('This project has no sprints yet: sprintId must be null.', { sprintId });
}

async function checkAssignees(trx: Trx, workspaceId: string, projectId: string, userIds: readonly string[]): Promise<void> {
  const outsiders = await notMembers(trx, workspaceId, projectId, userIds);
  if (outsiders.length > 0) throw rule('Tasks are assigned to members of the project only.', { userIds: outsiders });
}

/**
 * A task may go under `parentId` when that is a task of the same project, not the task itself or one
 * of its subtasks, and not a leaf with dependencies (dependencies link leaf tasks and milestones only,
 * and a task with children is a summary).
 */
async function checkNewParent(trx: Trx, workspaceId: string, projectId: string, parentId: string, movingId: string | null): Promise<void> {
  const parent = await findTaskRow(trx, workspaceId, parentId);
  if (!parent || parent.project_id !== projectId) throw rule('The parent must be a task of the same project.', { parentId });
  if (movingId !== null) {
    const tree = await projectTree(trx, workspaceId, projectId);
    const parentOf = new Map(tree.map((t) => [t.id, t.parent_id]));
    for (let at: string | null | undefined = parentId, steps = 0; at && steps <= tree.length; at = parentOf.get(at), steps += 1) {
      if (at === movingId) throw rule('A task cannot go under itself or one of its own subtasks.', { parentId });
    }
  }
  if (!(await hasChildren(trx, workspaceId, projectId, parentId))) {
    const dependencyIds = await dependencyIdsOf(trx, workspaceId, projectId, parentId);
    if (dependencyIds.length > 0) {
      throw rule(
        `"${parent.title}" has dependencies: remove them before giving it subtasks (dependencies link leaf tasks and milestones only).`,
        { parentId, dependencyIds },
      );
    }
  }
}

async function siblingsOf(trx: Trx, workspaceId: string, projectId: string, parentId: string | null) {
  return trx
    .selectFrom('tasks')
    .select(['id', 'sort_order'])
    .where('workspace_id', '=', workspaceId)
    .where('project_id', '=', projectId)
    .where('parent_id', parentId === null ? 'is' : '=', parentId)
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
}

async function nextSortOrder(trx: Trx, workspaceId: string, projectId: string, parentId: string | null): Promise<number> {
  const row = await trx
    .selectFrom('tasks')
    .select((eb) => eb.fn.max('sort_order').as('last'))
    .where('workspace_id', '=', workspaceId)
    .where('project_id', '=', projectId)
    .where('parent_id', parentId === null ? 'is' : '=', parentId)
    .executeTakeFirst();
  const last = row?.last;
  return last === null || last === undefined ? 0 : Number(last) + 1;
}
