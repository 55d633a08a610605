import { CompiledQuery, sql } from 'kysely';
import type { Database, Trx } from './database.js';
import { isPostgres } from './dialect.js';

/**
 * Before a bulk write on PostgreSQL: plan every statement of this transaction afresh. The foreign-key
 * checks of rows inserted after thousands of others reuse a plan cached while the referenced table was
 * small (a sequential scan), which makes a 100,000-row import quadratic; fresh plans see the table as it
 * is and look the key up in its index. (SQLite plans each statement itself.)
 */
export async function prepareBulkWrite(trx: Trx): Promise<void> {
  if (isPostgres(trx)) await sql`set local plan_cache_mode = force_custom_plan`.execute(trx);
}

/** SQL texts of multi-row inserts, by dialect, table, columns and row count (an import repeats a few shapes). */
const insertTexts = new Map<string, string>();

/**
 * Inserts `rows` (objects with the same keys in the same order, as one literal makes them) with one
 * multi-row INSERT whose text is written once per shape: Kysely's builder parses and compiles each of the
 * 10,000 values of a 400-row batch anew (a tenth of a 100,000-row import). The values stay bound.
 */
export async function insertRows<K extends keyof Database & string>(trx: Trx, table: K, rows: Database[K][]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]);
  const pg = isPostgres(trx);
  const shape = `${pg ? 'pg' : 'sqlite'}|${table}|${columns.join(',')}|${rows.length}`;
  let text = insertTexts.get(shape);
  if (!text) {
    let n = 0;
    const row = () => `(${columns.map(() => (pg ? `$${++n}` : '?')).join(', ')})`;
    text = `insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) values ${Array.from(rows, row).join(', ')}`;
    if (insertTexts.size > 200) insertTexts.clear();
    insertTexts.set(shape, text);
  }
  const parameters: unknown[] = new Array(rows.length * columns.length);
  let i = 0;
  for (const row of rows) for (const column of columns) parameters[i++] = (row as Record<string, unknown>)[column];
  await trx.executeQuery(CompiledQuery.raw(text, parameters));
}
