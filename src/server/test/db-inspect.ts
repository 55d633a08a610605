import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../db/database.js';

/**
 * Generic views of the whole database for tests that must keep up with new tables by themselves:
 * every table and its columns, a digest of every table's rows, every id a workspace owns.
 */

export type TableInfo = { name: string; columns: string[] };

/** Every application table (Kysely's own migration tables excluded), read from the database itself. */
export async function tablesOf(db: Db): Promise<TableInfo[]> {
  const tables = await db.introspection.getTables();
  return tables
    .filter((t) => !t.name.startsWith('kysely_'))
    .map((t) => ({ name: t.name, columns: t.columns.map((c) => c.name) }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** All rows of one table, in a stable order, as plain JSON-able objects. */
export async function rowsOf(db: Db, table: string): Promise<Record<string, unknown>[]> {
  const result = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(db);
  return result.rows.map((row) => JSON.parse(JSON.stringify(row)) as Record<string, unknown>).sort(compareJson);
}

const compareJson = (a: unknown, b: unknown) => {
  const x = JSON.stringify(a);
  const y = JSON.stringify(b);
  return x < y ? -1 : x > y ? 1 : 0;
};

/** One hash per table over all its rows: equal digests mean nothing was written. */
export async function digestTables(db: Db): Promise<Record<string, string>> {
  const digests: Record<string, string> = {};
  for (const table of await tablesOf(db)) {
    const rows = await rowsOf(db, table.name);
    digests[table.name] = `${rows.length}:${createHash('sha256').update(JSON.stringify(rows)).digest('hex').slice(0, 16)}`;
  }
  return digests;
}

/**
 * Every identifier a workspace owns, found without knowing the schema: the `id` of every row of every
 * table that has `workspace_id` and `id` columns, the workspace's own id, and the ids of its users.
 * Answers id → table it came from.
 */
export async function idsOfWorkspace(db: Db, workspaceId: string): Promise<Map<string, string>> {
  const ids = new Map<string, string>([[workspaceId, 'workspaces']]);
  for (const table of await tablesOf(db)) {
    if (!table.columns.includes('workspace_id')) continue;
    if (table.columns.includes('id')) {
      const result = await sql<{
        id: string;
      }>`select id from ${sql.table(table.name)} where workspace_id = ${workspaceId} order by id`.execute(db);
      for (const row of result.rows) ids.set(String(row.id), table.name);
    }
    if (table.columns.includes('user_id')) {
      const result = await sql<{
        user_id: string;
      }>`select user_id from ${sql.table(table.name)} where workspace_id = ${workspaceId}`.execute(db);
      for (const row of result.rows) if (!ids.has(String(row.user_id))) ids.set(String(row.user_id), 'users');
    }
  }
  return ids;
}

/**
 * A few ids of every kind (the first and the last of each table): checks that run once per id and
 * route stay linear in the number of kinds, not in the amount of demo data.
 */
export function sampleIds(ids: Map<string, string>, perTable = 2): Map<string, string> {
  const byTable = new Map<string, string[]>();
  for (const [id, table] of ids) byTable.set(table, [...(byTable.get(table) ?? []), id]);
  const sample = new Map<string, string>();
  for (const [table, list] of byTable) {
    const picked = list.length <= perTable ? list : [...list.slice(0, perTable - 1), list[list.length - 1]];
    for (const id of picked) sample.set(id, table);
  }
  return sample;
}

export type AuditRow = {
  workspace_id: string;
  actor_id: string | null;
  entity_type: string;
  entity_id: string;
  project_id: string | null;
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
};

/** The audit rows written about one entity, oldest first. */
export async function auditRowsFor(db: Db, entityId: string): Promise<AuditRow[]> {
  const rows = await db.selectFrom('audit_log').selectAll().where('entity_id', '=', entityId).orderBy('id').execute();
  return rows.map((row) => ({
    workspace_id: row.workspace_id,
    actor_id: row.actor_id,
    entity_type: row.entity_type,
    entity_id: row.entity_id,
    project_id: row.project_id,
    action: row.action,
    before: row.before_json ? (JSON.parse(row.before_json) as Record<string, unknown>) : null,
    after: row.after_json ? (JSON.parse(row.after_json) as Record<string, unknown>) : null,
  }));
}

export async function countRows(db: Db, table: string): Promise<number> {
  const result = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)}`.execute(db);
  return Number(result.rows[0].n);
}
