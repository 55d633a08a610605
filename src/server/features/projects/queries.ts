import { sql } from 'kysely';
import type { Project, ProjectListQuery } from '../../../core/projects/schemas.js';
import type { Db, ProjectTable, Trx } from '../../db/database.js';
import { prepared } from '../../db/prepared.js';
import { after, decodeCursor, likePattern, pageFrom, parseSort } from '../../http/pagination.js';

export const toProject = (row: ProjectTable): Project => ({
  id: row.id,
  name: row.name,
  description: row.description,
  status: row.status as Project['status'],
  methodology: row.methodology as Project['methodology'],
  startDate: row.start_date,
  endDate: row.end_date,
  currency: row.currency,
  calendarId: row.calendar_id,
  archivedAt: row.archived_at,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  version: row.version,
});

export const projectColumns = {
  name: 'name',
  description: 'description',
  status: 'status',
  methodology: 'methodology',
  startDate: 'start_date',
  endDate: 'end_date',
  currency: 'currency',
  calendarId: 'calendar_id',
  archivedAt: 'archived_at',
} as const;

/** The project and the caller's role in it, in one round trip (every project-scoped request starts here). */
const projectWithRoleQuery = prepared((db, workspaceId: string, id: string, userId: string) =>
  db
    .selectFrom('projects as p')
    .leftJoin('project_members as m', (j) =>
      j.onRef('m.workspace_id', '=', 'p.workspace_id').onRef('m.project_id', '=', 'p.id').on('m.user_id', '=', userId),
    )
    .selectAll('p')
    .select('m.role as project_role')
    .where('p.workspace_id', '=', workspaceId)
    .where('p.id', '=', id),
);

export async function findProjectWithRole(db: Db | Trx, workspaceId: string, id: string, userId: string) {
  const [row] = await projectWithRoleQuery(db, workspaceId, id, userId);
  if (!row) return undefined;
  const { project_role, ...project } = row;
  return { row: project satisfies ProjectTable, projectRole: project_role };
}

const SORT_COLUMNS = { name: 'name', startDate: 'start_date', endDate: 'end_date', updatedAt: 'updated_at' } as const;

/** A page of projects; `onlyMemberOf` limits a guest to their own projects. */
export async function listProjects(db: Db, workspaceId: string, query: ProjectListQuery, onlyMemberOf: string | null) {
  const sort = parseSort(query.sort, SORT_COLUMNS);
  const cursor = decodeCursor(query.cursor);
  let q = db.selectFrom('projects').selectAll().where('workspace_id', '=', workspaceId);
  if (query.q) q = q.where(sql<boolean>`lower(name) like ${likePattern(query.q)} escape '\\'`);
  if (query.status?.length) q = q.where('status', 'in', query.status);
  if (query.archived === 'false') q = q.where('archived_at', 'is', null);
  if (query.archived === 'true') q = q.where('archived_at', 'is not', null);
  if (onlyMemberOf) {
    q = q.where('id', 'in', (eb) =>
      eb.selectFrom('project_members').select('project_id').where('workspace_id', '=', workspaceId).where('user_id', '=', onlyMemberOf),
    );
  }
  if (cursor) q = q.where(after(sort.column, 'id', sort.desc, cursor));
  const direction = sort.desc ? 'desc' : 'asc';
  const rows = await q
    .orderBy(sql.ref(sort.column), direction)
    .orderBy('id', direction)
    .limit(query.limit + 1)
    .execute();
  const page = pageFrom(rows, query.limit, (row) => ({ v: row[sort.column as keyof ProjectTable] as string, id: row.id }));
  return { items: page.items.map(toProject), nextCursor: page.nextCursor };
}

export async function calendarExists(db: Db | Trx, workspaceId: string, calendarId: string): Promise<boolean> {
  const row = await db
    .selectFrom('calendars')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', calendarId)
    .executeTakeFirst();
  return Boolean(row);
}

/**
 * Takes the project row's lock until the transaction ends (a no-op write: PostgreSQL locks the row,
 * SQLite runs one write transaction at a time), so that checks like "keeps one manager" see the
 * outcome of a concurrent change instead of racing it.
 */
export async function lockProject(trx: Trx, workspaceId: string, projectId: string): Promise<void> {
  await trx
    .updateTable('projects')
    .set({ version: sql<number>`version` })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', projectId)
    .execute();
}
