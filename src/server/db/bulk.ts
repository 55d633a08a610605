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

/** SQL texts of multi-row inserts (and of `insertTogether`'s statements), by dialect, tables, columns and row count. */
const insertTexts = new Map<string, string>();

function cachedText(shape: string, make: () => string): string {
  let text = insertTexts.get(shape);
  if (!text) {
    text = make();
    if (insertTexts.size > 200) insertTexts.clear();
    insertTexts.set(shape, text);
  }
  return text;
}

/** `insert into "table" (columns) values (…), (…)` with placeholders numbered from 1 (PostgreSQL) or `?`. */
function insertText(pg: boolean, table: string, columns: string[], rows: number): string {
  let n = 0;
  const row = () => `(${columns.map(() => (pg ? `$${++n}` : '?')).join(', ')})`;
  return `insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) values ${Array.from({ length: rows }, row).join(', ')}`;
}

/**
 * One multi-row INSERT of `rows` (objects with the same keys in the same order, as one literal makes them),
 * its text written once per shape: Kysely's builder parses and compiles each of the 10,000 values of a
 * 400-row batch anew (a tenth of a 100,000-row import). The values stay bound.
 */
function insertQuery(pg: boolean, table: string, rows: readonly object[]): CompiledQuery {
  const columns = Object.keys(rows[0]);
  const text = cachedText(`${pg ? 'pg' : 'sqlite'}|${table}|${columns.join(',')}|${rows.length}`, () =>
    insertText(pg, table, columns, rows.length),
  );
  const parameters: unknown[] = new Array(rows.length * columns.length);
  let i = 0;
  for (const row of rows) for (const column of columns) parameters[i++] = (row as Record<string, unknown>)[column];
  return CompiledQuery.raw(text, parameters);
}

/** Inserts `rows` into `table` with one multi-row INSERT (`insertQuery`); no rows, no statement. */
export async function insertRows<K extends keyof Database & string>(trx: Trx, table: K, rows: Database[K][]): Promise<void> {
  if (rows.length > 0) await trx.executeQuery(insertQuery(isPostgres(trx), table, rows as object[]));
}

/** One row for `insertTogether`: its table and its values. */
export type TableRow = { [K in keyof Database & string]: [K, Database[K]] }[keyof Database & string];

/**
 * Runs statements that change data and answer nothing the caller reads. On PostgreSQL in one statement
 * (`with w0 as (…), w1 as (…) …`, the parameters of each numbered on from the one before): one round trip
 * instead of one each. Its parts all see the data as it was before the statement (an update does not
 * touch a row that an insert of the same call adds), and foreign keys between them are checked when it
 * ends, so a row may refer to another of the same call. On SQLite one statement after another, in order.
 */
export async function writeTogether(trx: Trx, statements: CompiledQuery[]): Promise<void> {
  if (!isPostgres(trx) || statements.length < 2) {
    for (const statement of statements) await trx.executeQuery(statement);
    return;
  }
  const text = cachedText(`pg-together|${statements.map((statement) => statement.sql).join('\u0000')}`, () => {
    let offset = 0;
    const parts = statements.map((statement) => {
      const part = offset === 0 ? statement.sql : statement.sql.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`);
      offset += statement.parameters.length;
      return part;
    });
    const last = parts.pop() as string;
    return `with ${parts.map((part, i) => `w${i} as (${part})`).join(', ')} ${last}`;
  });
  await trx.executeQuery(
    CompiledQuery.raw(
      text,
      statements.flatMap((statement) => [...statement.parameters]),
    ),
  );
}

/**
 * Inserts one row into each of several tables (a record, its first history entry, its audit record), and
 * runs `before` first: on PostgreSQL all in one statement (`writeTogether`).
 */
export async function insertTogether(trx: Trx, rows: TableRow[], before: CompiledQuery[] = []): Promise<void> {
  const pg = isPostgres(trx);
  await writeTogether(trx, [...before, ...rows.map(([table, row]) => insertQuery(pg, table, [row]))]);
}
