import type {
  ProjectTimeEntryQuery,
  TaskTimeEntryQuery,
  TimeEntry,
  TimeEntryCreate,
  TimeEntryPatch,
} from '../../../core/time-entries/schemas.js';
import { MAX_HOURS_PER_DAY } from '../../../core/time-entries/schemas.js';
import { nowIso } from '../../clock.js';
import type { Db, Trx } from '../../db/database.js';
import type { Auth } from '../../http/access.js';
import { assertCurrent, assertUpdated, changedFields, type Expected } from '../../http/concurrency.js';
import { forbidden, notFound, rule } from '../../http/errors.js';
import { newId } from '../../ids.js';
import { recordAudit } from '../audit/record.js';
import { type ProjectAccess, requireProject } from '../projects/service.js';
import { canLogOwnTime, canLogTimeForOthers } from '../tasks/policy.js';
import { findTaskRow, lockPlan, notMembers } from '../tasks/queries.js';
import { findTimeEntry, hoursOnDay, listProjectEntries, listTaskEntries, toTimeEntry } from './queries.js';

/** May the caller log (or change) time of `userId` in this project? Else 403. */
function assertMayLog(auth: Auth, access: ProjectAccess, userId: string): void {
  const allowed = userId === auth.userId ? canLogOwnTime(auth, access.projectRole) : canLogTimeForOthers(auth, access.projectRole);
  if (!allowed) {
    throw forbidden(
      userId === auth.userId
        ? 'Project viewers and non-members cannot log time on this project.'
        : "Only the project's managers and the workspace admins can log or change someone else's time.",
    );
  }
}

/** The person is a member of the project, and a day holds at most 24 hours of their time (whatever the project). */
async function checkEntry(
  trx: Trx,
  auth: Auth,
  projectId: string,
  entry: { userId: string; date: string; hours: number },
  exceptId: string | null,
) {
  if ((await notMembers(trx, auth.workspaceId, projectId, [entry.userId])).length > 0) {
    throw rule('Time is logged by members of the project only.', { userId: entry.userId });
  }
  const logged = await hoursOnDay(trx, auth.workspaceId, entry.userId, entry.date, exceptId);
  if (logged + entry.hours > MAX_HOURS_PER_DAY + 1e-9) {
    throw rule(`This would make ${logged + entry.hours} hours on ${entry.date}; a day holds at most ${MAX_HOURS_PER_DAY}.`, {
      date: entry.date,
      alreadyLogged: logged,
    });
  }
}

export async function listTaskTimeEntries(db: Db, auth: Auth, taskId: string, query: TaskTimeEntryQuery) {
  const task = await findTaskRow(db, auth.workspaceId, taskId);
  if (!task) throw notFound('Task');
  await requireProject(db, auth, task.project_id, 'view');
  return listTaskEntries(db, auth.workspaceId, task.project_id, taskId, query);
}

export async function listProjectTimeEntries(db: Db, auth: Auth, projectId: string, query: ProjectTimeEntryQuery) {
  await requireProject(db, auth, projectId, 'view');
  return listProjectEntries(db, auth.workspaceId, projectId, query);
}

export async function getTimeEntry(db: Db, auth: Auth, id: string): Promise<TimeEntry> {
  const entry = await findTimeEntry(db, auth.workspaceId, id);
  if (!entry) throw notFound('Time entry');
  await requireProject(db, auth, entry.projectId, 'view');
  return entry;
}

export async function createTimeEntry(db: Db, auth: Auth, taskId: string, input: TimeEntryCreate): Promise<TimeEntry> {
  return db.transaction().execute(async (trx) => {
    const task = await findTaskRow(trx, auth.workspaceId, taskId);
    if (!task) throw notFound('Task');
    const access = await requireProject(trx, auth, task.project_id, 'view');
    const userId = input.userId ?? auth.userId;
    assertMayLog(auth, access, userId);
    await lockPlan(trx, auth.workspaceId, task.project_id);
    if (!(await findTaskRow(trx, auth.workspaceId, taskId))) throw notFound('Task');
    await checkEntry(trx, auth, task.project_id, { userId, date: input.date, hours: input.hours }, null);
    const now = nowIso();
    const row = {
      workspace_id: auth.workspaceId,
      id: newId(),
      project_id: task.project_id,
      task_id: taskId,
      user_id: userId,
      date: input.date,
      hours: input.hours,
      note: input.note,
      created_at: now,
      updated_at: now,
      version: 1,
    };
    await trx.insertInto('time_entries').values(row).execute();
    const entry = toTimeEntry(row);
    await recordAudit(trx, {
      workspaceId: auth.workspaceId,
      actorId: auth.userId,
      entityType: 'time_entry',
      entityId: entry.id,
      projectId: entry.projectId,
      action: 'create',
      after: entry,
    });
    return entry;
  });
}

/** An entry the caller may change (their own, or anyone's for a manager), read again under the project's lock. */
async function entryForWrite(trx: Trx, auth: Auth, id: string): Promise<{ entry: TimeEntry; access: ProjectAccess }> {
  const found = await findTimeEntry(trx, auth.workspaceId, id);
  if (!found) throw notFound('Time entry');
  const access = await requireProject(trx, auth, found.projectId, 'view');
  assertMayLog(auth, access, found.userId);
  await lockPlan(trx, auth.workspaceId, found.projectId);
  const entry = await findTimeEntry(trx, auth.workspaceId, id);
  if (!entry) throw notFound('Time entry');
  return { entry, access };
}

export async function updateTimeEntry(db: Db, auth: Auth, id: string, patch: TimeEntryPatch, expected: Expected): Promise<TimeEntry> {
  return db.transaction().execute(async (trx) => {
    const { entry: current, access } = await entryForWrite(trx, auth, id);
    assertCurrent(current.version, expected);
    const { version: _version, ...fields } = patch;
    const changed = changedFields(current, fields);
    if (Object.keys(changed).length === 0) return current;
    if (changed.userId !== undefined) assertMayLog(auth, access, changed.userId);
    const next: TimeEntry = { ...current, ...changed, updatedAt: nowIso(), version: current.version + 1 };
    if ('userId' in changed || 'date' in changed || 'hours' in changed) await checkEntry(trx, auth, current.projectId, next, id);
    const result = await trx
      .updateTable('time_entries')
      .set({ user_id: next.userId, date: next.date, hours: next.hours, note: next.note, updated_at: next.updatedAt, version: next.version })
      .where('workspace_id', '=', auth.workspaceId)
      .where('id', '=', id)
      .where('version', '=', current.version)
      .executeTakeFirst();
    assertUpdated(result, 'time entry');
    await recordAudit(trx, {
      workspaceId: auth.workspaceId,
      actorId: auth.userId,
      entityType: 'time_entry',
      entityId: id,
      projectId: current.projectId,
      action: 'update',
      before: current,
      after: next,
    });
    return next;
  });
}

export async function deleteTimeEntry(db: Db, auth: Auth, id: string, expected: Expected): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const { entry } = await entryForWrite(trx, auth, id);
    assertCurrent(entry.version, expected);
    await trx.deleteFrom('time_entries').where('workspace_id', '=', auth.workspaceId).where('id', '=', id).execute();
    await recordAudit(trx, {
      workspaceId: auth.workspaceId,
      actorId: auth.userId,
      entityType: 'time_entry',
      entityId: id,
      projectId: entry.projectId,
      action: 'delete',
      before: entry,
    });
  });
}
