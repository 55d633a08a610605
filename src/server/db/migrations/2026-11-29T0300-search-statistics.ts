import { type Kysely, PostgresAdapter, sql } from 'kysely';

/**
 * PostgreSQL guesses that `lower(name) LIKE '%…%'` matches almost nothing, so a filtered, sorted page of
 * projects scanned and sorted the whole table (2–6 ms over 10,000 projects) instead of walking the sort
 * index and stopping after one page (0.1–0.3 ms). Statistics on the expression give it the real figure.
 * (The deals' and accounts' trigram indexes on lower(…) already carry such statistics; SQLite needs none.)
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`create statistics projects_name_lower on (lower(name)) from projects`.execute(db);
  await sql`create statistics contacts_name_lower on (lower(name)) from contacts`.execute(db);
  await sql`analyze projects`.execute(db);
  await sql`analyze contacts`.execute(db);
}
