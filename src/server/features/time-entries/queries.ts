import type { ProjectTimeEntryQuery, TaskTimeEntryQuery, TimeEntry } from '../../../core/time-entries/schemas.js';
import type { Db, TimeEntryTable, Trx } from '../../db/database.js';
import { after, decodeCursor, pageFrom } from '../../http/pagination.js';

type Handle = Db | Trx;

export const toTimeEntry = (row: TimeEntryTable): TimeEntry => ({
  id: row.id,
  projectId: row.project_id,
  taskId: row.task_id,
  userId: row.user_id,
  date: row.date,
  hours: Number(row.hours),
  note: row.note,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  version: row.version,
});

export async function findTimeEntry(db: Handle, workspaceId: string, id: string): Promise<TimeEntry | undefined> {
  const row = await db
    .selectFrom('time_entries')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row && toTimeEntry(row);
}

/** A task's entries, newest date first. */
export async function listTaskEntries(db: Handle, workspaceId: string, projectId: string, taskId: string, query: TaskTimeEntryQuery) {
  const cursor = decodeCursor(query.cursor);
  let q = db
    .selectFrom('time_entries')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('project_id', '=', projectId)
    .where('task_id', '=', taskId);
  if (cursor) q = q.where(after('date', 'id', true, cursor));
  const rows = await q
    .orderBy('date', 'desc')
    .orderBy('id', 'desc')
    .limit(query.limit + 1)
    .execute();
  const page = pageFrom(rows, query.limit, (row) => ({ v: row.date, id: row.id }));
  return { items: page.items.map(toTimeEntry), nextCursor: page.nextCursor };
}

/** A project's entries by date, oldest first, optionally of one user and between two dates (inclusive). */
export async function listProjectEntries(db: Handle, workspaceId: string, projectId: string, query: ProjectTimeEntryQuery) {
  const cursor = decodeCursor(query.cursor);
  let q = db.selectFrom('time_entries').selectAll().where('workspace_id', '=', workspaceId).where('project_id', '=', projectId);
  if (query.userId) q = q.where('user_id', '=', query.userId);
  if (query.from) q = q.where('date', '>=', query.from);
  if (query.to) q = q.where('date', '<=', query.to);
  if (cursor) q = q.where(after('date', 'id', false, cursor));
  const rows = await q
    .orderBy('date')
    .orderBy('id')
    .limit(query.limit + 1)
    .execute();
  const page = pageFrom(rows, query.limit, (row) => ({ v: row.date, id: row.id }));
  return { items: page.items.map(toTimeEntry), nextCursor: page.nextCursor };
}

/** Hours a user has logged on a date in the whole workspace, leaving out one entry (the one being changed). */
export async function hoursOnDay(db: Handle, workspaceId: string, userId: string, date: string, exceptId: string | null): Promise<number> {
  let q = db
    .selectFrom('time_entries')
    .select((eb) => eb.fn.sum<number>('hours').as('total'))
    .where('workspace_id', '=', workspaceId)
    .where('user_id', '=', userId)
    .where('date', '=', date);
  if (exceptId) q = q.where('id', '!=', exceptId);
  const row = await q.executeTakeFirst();
  return Number(row?.total ?? 0);
}
