import { sql } from 'kysely';
import type { Activity, ActivityListQuery, ActivityType } from '../../../core/activities/schemas.js';
import type { ActivityTable, Db, Trx } from '../../db/database.js';
import { after, pageFrom } from '../../http/pagination.js';
import { checkedCursor } from '../deals/queries.js';

export const activitySelect = (db: Db | Trx, workspaceId: string) =>
  db
    .selectFrom('activities as x')
    .leftJoin('users as u', 'u.id', 'x.user_id')
    .selectAll('x')
    .select('u.name as user_name')
    .where('x.workspace_id', '=', workspaceId);

export type ActivityRow = ActivityTable & { user_name: string | null };

export const toActivity = (row: ActivityRow): Activity => ({
  id: row.id,
  dealId: row.deal_id,
  projectId: row.project_id,
  type: row.type as ActivityType,
  at: row.at,
  userId: row.user_id,
  userName: row.user_name ?? null,
  contactId: row.contact_id,
  outcome: row.outcome,
  nextStep: row.next_step,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  version: row.version,
});

export async function findActivity(db: Db | Trx, workspaceId: string, id: string): Promise<Activity | undefined> {
  const row = await activitySelect(db, workspaceId).where('x.id', '=', id).executeTakeFirst();
  return row && toActivity(row as ActivityRow);
}

/** A deal's activities, newest first by default (the timeline). */
export async function listActivities(db: Db, workspaceId: string, dealId: string, query: ActivityListQuery) {
  const desc = query.sort === '-at';
  const cursor = checkedCursor(query.cursor, 'string');
  let q = activitySelect(db, workspaceId).where('x.deal_id', '=', dealId);
  if (query.type) q = q.where('x.type', '=', query.type);
  if (cursor) q = q.where(after('x.at', 'x.id', desc, cursor));
  const direction = desc ? 'desc' : 'asc';
  const rows = (await q
    .orderBy(sql.ref('x.at'), direction)
    .orderBy('x.id', direction)
    .limit(query.limit + 1)
    .execute()) as ActivityRow[];
  const page = pageFrom(rows, query.limit, (row) => ({ v: row.at, id: row.id }));
  return { items: page.items.map(toActivity), nextCursor: page.nextCursor };
}
