import { type Kysely, sql } from 'kysely';
import { isPostgres } from '../dialect.js';

/**
 * PostgreSQL: deal search matches account names on their folded form (`name_key like '%text%'`); a trigram
 * index on it answers that from the index instead of reading every account of the workspace (0.5 ms of
 * each search at 5,000 accounts). SQLite reads the narrow `accounts_name_key_id` index, which holds the
 * folded name.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  const available = await sql<{ n: number }>`select count(*)::int as n from pg_extension where extname = 'pg_trgm'`.execute(db);
  if (Number(available.rows[0]?.n ?? 0) > 0)
    await sql`create index accounts_name_key_trgm on accounts using gin (name_key gin_trgm_ops)`.execute(db);
}
