import type SQLite from 'better-sqlite3';
import { type CompiledQuery, type DatabaseConnection, type Driver, type QueryResult, SelectQueryNode } from 'kysely';

/** What the driver needs of the database: statements (cached or not) and the raw handle's state. */
export type SqliteHandle = {
  prepare: (sql: string) => SQLite.Statement;
  readonly inTransaction: boolean;
  close: () => void;
};

/**
 * Bounds on how long a finished transaction waits under constant load: a group commits once it holds this
 * many transactions, or once the connection has been handed on this many times while it was open (plain
 * reads that keep arriving must not keep a commit waiting).
 */
const MAX_GROUP = 64;
const SAVEPOINT = 'qd_group_tx';

type Group = { size: number; passes: number; settled: Promise<void>; resolve: () => void; reject: (error: unknown) => void };

/**
 * One acquisition of the single connection. Kysely hands it back to `releaseConnection`; a transaction
 * that joined a group hands the connection on at commit time and then waits for the group's COMMIT.
 */
class Lease implements DatabaseConnection {
  inTransaction = false;
  handedOn = false;
  constructor(private readonly driver: GroupCommitDriver) {}

  executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    return Promise.resolve(this.driver.run<R>(this, compiled));
  }

  // biome-ignore lint/correctness/useYield: streaming is not supported on this driver (nothing here streams from SQLite).
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming queries are not supported by the SQLite driver');
  }
}

/**
 * Group commit for SQLite: with `synchronous=FULL` every COMMIT waits for the disk (1–4 ms here, and
 * better-sqlite3 waits on the main thread), which caps one connection at a few hundred write transactions
 * a second. Transactions still run one at a time, each inside its own savepoint of one open transaction;
 * a finished transaction releases its savepoint, lets the next request in, and waits. The group is
 * committed — one disk flush for all — once the event loop has had a turn to let other requests join (or
 * when the group is full). Each transaction's `commit` resolves only after that COMMIT, so no response is
 * sent for data that is not on disk; a transaction that fails rolls back to its savepoint and leaves the
 * others alone. A write outside any transaction first commits the open group, so it never rides on
 * someone else's commit; plain reads run inside the open group and see what it will commit.
 */
export class GroupCommitDriver implements Driver {
  private readonly waiting: ((lease: Lease) => void)[] = [];
  private busy = false;
  private group: Group | null = null;
  private flushScheduled = false;
  /** The event loop has had its turn: commit the group as soon as the connection is free. */
  private flushDue = false;
  /** Real COMMITs issued and transactions they carried (for tests and the benchmark). */
  readonly stats = { commits: 0, transactions: 0 };
  /**
   * Goes up with every statement that may have changed data and every rollback: while it stays the same
   * (and no other process wrote the file), what this connection reads stays the same.
   */
  changes = 0;

  constructor(private readonly db: SqliteHandle) {}

  async init(): Promise<void> {}

  acquireConnection(): Promise<DatabaseConnection> {
    if (!this.busy) {
      this.busy = true;
      return Promise.resolve(new Lease(this));
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    const lease = connection as Lease;
    if (lease.handedOn) return;
    lease.handedOn = true;
    this.handOn();
  }

  /**
   * Gives the connection to the next waiter (who joins the open group) or frees it; commits the group
   * first when it is full, or when it is due and nobody is waiting to join.
   */
  private handOn(): void {
    const group = this.group;
    if (group) {
      group.passes++;
      if (group.size >= MAX_GROUP || group.passes >= MAX_GROUP || (this.flushDue && this.waiting.length === 0)) this.commitGroup();
    }
    const next = this.waiting.shift();
    if (next) {
      next(new Lease(this));
      return;
    }
    this.busy = false;
  }

  /** After this turn of the event loop (requests that were ready have joined), the open group is committed. */
  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      if (!this.group) return;
      if (this.busy) this.flushDue = true;
      else this.commitGroup();
    });
  }

  run<R>(lease: Lease, compiled: CompiledQuery): QueryResult<R> {
    // A statement outside a transaction that is not a plain read must not ride on the open group.
    if (!lease.inTransaction && !SelectQueryNode.is(compiled.query)) this.commitGroup();
    const statement = this.db.prepare(compiled.sql);
    if (statement.reader) return { rows: readRows<R>(statement, compiled.parameters as unknown[]) };
    this.changes++;
    const { changes, lastInsertRowid } = statement.run(compiled.parameters as unknown[]);
    return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] };
  }

  private exec(sql: string): void {
    this.db.prepare(sql).run();
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    const lease = connection as Lease;
    if (!this.group) {
      this.exec('begin');
      let resolve = () => {};
      let reject: (error: unknown) => void = () => {};
      const settled = new Promise<void>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      // Nobody may be left with an unhandled rejection when a group fails with no one awaiting it yet.
      settled.catch(() => {});
      this.group = { size: 0, passes: 0, settled, resolve, reject };
      this.scheduleFlush();
    }
    this.exec(`savepoint ${SAVEPOINT}`);
    lease.inTransaction = true;
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    const lease = connection as Lease;
    const group = this.group as Group;
    this.exec(`release ${SAVEPOINT}`);
    lease.inTransaction = false;
    group.size++;
    // Let the next request in now; this one answers when the group is on disk.
    lease.handedOn = true;
    this.handOn();
    await group.settled;
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    const lease = connection as Lease;
    if (!lease.inTransaction) return; // its savepoint was released: the group's COMMIT decides
    lease.inTransaction = false;
    if (!this.db.inTransaction) {
      // SQLite rolled the whole transaction back itself (I/O error, out of memory): the group is lost.
      this.failGroup(new Error('the database rolled back the transaction group'));
      return;
    }
    this.changes++;
    this.exec(`rollback to ${SAVEPOINT}`);
    this.exec(`release ${SAVEPOINT}`);
  }

  /** Commits the open group, if any, and tells its transactions how it went. */
  private commitGroup(): void {
    this.flushDue = false;
    const group = this.group;
    if (!group) return;
    this.group = null;
    try {
      this.exec('commit');
    } catch (error) {
      this.changes++;
      if (this.db.inTransaction) this.exec('rollback');
      group.reject(error);
      return;
    }
    this.stats.commits++;
    this.stats.transactions += group.size;
    group.resolve();
  }

  private failGroup(error: Error): void {
    this.flushDue = false;
    const group = this.group;
    this.group = null;
    this.changes++;
    if (this.db.inTransaction) this.exec('rollback');
    group?.reject(error);
  }

  async savepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(raw(`savepoint ${quote(name)}`));
  }

  async rollbackToSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(raw(`rollback to ${quote(name)}`));
  }

  async releaseSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(raw(`release ${quote(name)}`));
  }

  async destroy(): Promise<void> {
    this.commitGroup();
    this.db.close();
  }
}

/** Per statement: a function that makes a row object from the statement's raw row (an array of column values). */
const rowBuilders = new WeakMap<SQLite.Statement, (values: unknown[]) => unknown>();

/**
 * Reads a statement's rows as objects. better-sqlite3 builds each row object property by property, which
 * costs more than the read itself on wide rows (a page of 50 deals: 260 µs, against 145 µs as arrays);
 * reading arrays and building the objects with a function made once per statement (an object literal of
 * the statement's columns: later columns of the same name win, as before) halves it.
 */
export function readRows<R>(statement: SQLite.Statement, parameters: unknown[]): R[] {
  let build = rowBuilders.get(statement);
  if (!build) {
    const names = statement.columns().map((column) => column.name);
    // A literal key "__proto__" would set the prototype: such a statement keeps better-sqlite3's objects.
    if (names.includes('__proto__')) return statement.all(parameters) as R[];
    build = new Function('v', `return {${names.map((name, i) => `${JSON.stringify(name)}: v[${i}]`).join(', ')}};`) as (
      values: unknown[],
    ) => unknown;
    statement.raw(true);
    rowBuilders.set(statement, build);
  }
  const values = statement.all(parameters) as unknown[][];
  const rows = new Array<R>(values.length);
  for (let i = 0; i < values.length; i++) rows[i] = build(values[i]) as R;
  return rows;
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
const raw = (sql: string) => ({ sql, parameters: [], query: { kind: 'RawNode' }, queryId: { queryId: '' } }) as unknown as CompiledQuery;
