import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database, DbContext } from './database.js';
import { PgChanges, withCountedWrites } from './pg-changes.js';
import { withNamedStatements } from './pg-statements.js';
import { enableReadThrough } from './read-through.js';
import { sharedPing } from './shared-ping.js';
import { GroupCommitDriver, type SqliteHandle } from './sqlite-group-commit.js';
import { SqliteDialect } from './sqlite-query-compiler.js';
import { readersDb, SqliteReaders } from './sqlite-readers.js';
import { addSqlFunctions, statementCache } from './sqlite-setup.js';

// int8 (count, sum, bigint columns) as a JS number: money stays far below 2^53.
pg.types.setTypeParser(20, (value) => Number(value));
// numeric as number (averages).
pg.types.setTypeParser(1700, (value) => Number(value));

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

/** Opens the database named by `url`: a `postgres://` URL or a SQLite file path (or `:memory:`). */
export function connect(url: string, options: { readers?: number } = {}): DbContext {
  if (isPostgresUrl(url)) {
    const pool = new pg.Pool({ connectionString: url, max: 10 });
    // An idle connection closed by the server (restart, failover, a dropped database) is reported
    // here; without a listener it would crash the process. The pool opens a new one when needed.
    pool.on('error', (error) => console.warn(`PostgreSQL idle connection closed: ${error.message}`));
    const changes = new PgChanges(url);
    changes.start();
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: withCountedWrites(withNamedStatements(pool), changes) }) });
    const ping = sharedPing(() => pool.query('select 1').then(() => true));
    const dataKey = () => changes.key();
    enableReadThrough({ db, dataKey });
    const close = async () => {
      await changes.close();
      await db.destroy();
    };
    return { db, dialect: 'postgres', ping, dataKey, close };
  }
  if (url !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(url)), { recursive: true });
  const sqlite = new SQLite(url);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  addSqlFunctions(sqlite);
  const driver = new GroupCommitDriver(withStatementCache(sqlite));
  const db = new Kysely<Database>({ dialect: new SqliteDialect(driver) });
  const dataVersion = sqlite.prepare('pragma data_version').pluck();
  const probe = sqlite.prepare('select 1');
  const ping = () => {
    try {
      return probe.get() !== undefined;
    } catch {
      return false;
    }
  };
  const dataKey = () => `${driver.changes}.${dataVersion.get()}`;
  enableReadThrough({ db, dataKey });
  // Reader threads need a file they can open too (an in-memory database is this connection's alone).
  const readerCount = url === ':memory:' ? 0 : (options.readers ?? 0);
  const reads = readerCount > 0 ? readersDb(new SqliteReaders(url, readerCount), db) : undefined;
  const close = async () => {
    await reads?.destroy();
    await db.destroy();
  };
  return { db, dialect: 'sqlite', ping, dataKey, reads, close };
}

/** The main connection as the group-commit driver sees it, its statements cached (`statementCache`). */
function withStatementCache(sqlite: SQLite.Database): SqliteHandle {
  return {
    close: () => sqlite.close(),
    get inTransaction() {
      return sqlite.inTransaction;
    },
    prepare: statementCache(sqlite),
  };
}
