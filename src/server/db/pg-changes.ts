import { sql } from 'kysely';
import pg from 'pg';
import type { Db } from './database.js';
import { wrapClientQueries } from './pg-pool.js';

/** The channel every table's change notice goes to (per database: PostgreSQL's notifications are). */
const CHANNEL = 'qd_data_changed';

/**
 * Every table of the database tells listeners when a statement changed it: a statement-level trigger that
 * notifies `CHANNEL` (PostgreSQL sends a transaction's notices when it commits, and one per transaction for
 * the same text). Run after the migrations, every time: a table a later migration adds gets its trigger
 * without anyone remembering to add it. Needs PostgreSQL 14 (`create or replace trigger`).
 */
export async function ensureChangeNotices(db: Db): Promise<void> {
  await sql`create or replace function qd_data_changed() returns trigger language plpgsql as $$
    begin perform pg_notify(${sql.lit(CHANNEL)}, ''); return null; end $$`.execute(db);
  const { rows } = await sql<{ name: string }>`select table_name as name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db);
  for (const { name } of rows) {
    await sql`create or replace trigger qd_data_changed after insert or update or delete or truncate on ${sql.table(name)}
      for each statement execute function qd_data_changed()`.execute(db);
  }
}

/** A query text that cannot write: a plain `select`, or a `with` without a data-changing statement in it. */
export function readsOnly(text: string): boolean {
  const start = text.trimStart().slice(0, 6).toLowerCase();
  if (start === 'select') return true;
  return start.startsWith('with') && !/\b(insert|update|delete|merge|truncate)\b/i.test(text);
}

/**
 * Names the state of a PostgreSQL database's data without a round trip, like SQLite's in-process key:
 * this server's own writes, counted when each writing statement (and so each COMMIT) has been answered,
 * before its request is; and other servers' writes, counted as their change notices arrive on a listening
 * connection (`ensureChangeNotices`). While that connection is not listening — before it has started, after
 * it broke — every key is new, so nothing read is reused.
 */
export class PgChanges {
  private writes = 0;
  private notices = 0;
  private listening = false;
  private unique = 0;
  private client: pg.Client | null = null;
  private closed = false;
  private retry: NodeJS.Timeout | null = null;

  constructor(private readonly url: string) {}

  key(): string {
    return this.listening ? `${this.writes}.${this.notices}` : `off.${++this.unique}`;
  }

  /** After a statement has been answered (or failed): counts it when its text may have written. */
  answered(text: string): void {
    if (!readsOnly(text)) this.writes++;
  }

  /** Starts listening (again after a failure, every second until it works). */
  start(): void {
    if (this.closed || this.client) return;
    const client = new pg.Client({ connectionString: this.url });
    this.client = client;
    const down = () => {
      if (this.client !== client) return;
      this.listening = false;
      this.client = null;
      client.end().catch(() => undefined);
      if (!this.closed) this.retry = setTimeout(() => this.start(), 1000).unref();
    };
    client.on('notification', () => {
      this.notices++;
    });
    client.on('error', down);
    client.on('end', down);
    client
      .connect()
      .then(() => client.query(`listen ${CHANNEL}`))
      .then(() => {
        if (this.client !== client) return;
        // Whatever was written while nobody listened: counted as one change.
        this.notices++;
        this.listening = true;
      })
      .catch(down);
  }

  /** Resolves once listening (for tests and start-up), or rejects after `ms`. */
  async ready(ms = 5000): Promise<void> {
    const until = Date.now() + ms;
    while (!this.listening) {
      if (Date.now() > until) throw new Error('PostgreSQL change notices: not listening');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    this.listening = false;
    if (this.retry) clearTimeout(this.retry);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }
}

/** Makes the pool's clients tell `changes` of each statement once it has been answered. */
export function withCountedWrites(pool: pg.Pool, changes: PgChanges): pg.Pool {
  return wrapClientQueries(pool, (query) => (first, ...rest) => {
    const text = typeof first === 'string' ? first : ((first as { text?: string } | null)?.text ?? '');
    if (typeof (first as { submit?: unknown } | null)?.submit === 'function') {
      // A cursor or another submittable: it answers as it goes; a text that may write counts at once.
      changes.answered(text);
      return query(first, ...rest);
    }
    const callback = typeof rest[rest.length - 1] === 'function' ? (rest.pop() as (...a: unknown[]) => void) : null;
    if (callback) {
      return query(first, ...rest, (...results: unknown[]) => {
        changes.answered(text);
        callback(...results);
      });
    }
    const settled = () => changes.answered(text);
    return (query(first, ...rest) as Promise<unknown>).finally(settled);
  });
}
