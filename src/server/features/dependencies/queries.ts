import type { Dependency, DependencyListQuery } from '../../../core/dependencies/schemas.js';
import type { Db, DependencyTable, Trx } from '../../db/database.js';
import { after, decodeCursor, pageFrom } from '../../http/pagination.js';

type Handle = Db | Trx;

export const toDependency = (row: DependencyTable): Dependency => ({
  id: row.id,
  projectId: row.project_id,
  predecessorId: row.predecessor_id,
  successorId: row.successor_id,
  type: row.type as Dependency['type'],
  lag: row.lag,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  version: row.version,
});

export async function findDependency(db: Handle, workspaceId: string, id: string): Promise<Dependency | undefined> {
  const row = await db
    .selectFrom('dependencies')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row && toDependency(row);
}

export async function listDependencies(db: Handle, workspaceId: string, projectId: string, query: DependencyListQuery) {
  const cursor = decodeCursor(query.cursor);
  let q = db.selectFrom('dependencies').selectAll().where('workspace_id', '=', workspaceId).where('project_id', '=', projectId);
  if (query.taskId) {
    const taskId = query.taskId;
    q = q.where((eb) => eb.or([eb('predecessor_id', '=', taskId), eb('successor_id', '=', taskId)]));
  }
  if (cursor) q = q.where(after('id', 'id', false, cursor));
  const rows = await q
    .orderBy('id')
    .limit(query.limit + 1)
    .execute();
  const page = pageFrom(rows, query.limit, (row) => ({ v: row.id, id: row.id }));
  return { items: page.items.map(toDependency), nextCursor: page.nextCursor };
}

/** The tasks among `ids` that belong to the project: id → title. */
export async function tasksIn(db: Handle, workspaceId: string, projectId: string, ids: readonly string[]): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('tasks')
    .select(['id', 'title'])
    .where('workspace_id', '=', workspaceId)
    .where('project_id', '=', projectId)
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, r.title]));
}

/** The tasks among `ids` that have children. */
export async function summariesAmong(db: Handle, workspaceId: string, projectId: string, ids: readonly string[]): Promise<Set<string>> {
  const rows = await db
    .selectFrom('tasks')
    .select('parent_id')
    .distinct()
    .where('workspace_id', '=', workspaceId)
    .where('project_id', '=', projectId)
    .where('parent_id', 'in', [...ids])
    .execute();
  return new Set(rows.map((r) => r.parent_id as string));
}

export async function linkBetween(db: Handle, workspaceId: string, projectId: string, predecessorId: string, successorId: string) {
  return db
    .selectFrom('dependencies')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('project_id', '=', projectId)
    .where('predecessor_id', '=', predecessorId)
    .where('successor_id', '=', successorId)
    .executeTakeFirst();
}

/** Every link of the project as (predecessor, successor), for the cycle check. */
export async function projectLinks(db: Handle, workspaceId: string, projectId: string) {
  return db
    .selectFrom('dependencies')
    .select(['id', 'predecessor_id as predecessorId', 'successor_id as successorId'])
    .where('workspace_id', '=', workspaceId)
    .where('project_id', '=', projectId)
    .execute();
}
