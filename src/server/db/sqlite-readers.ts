import type { Worker } from 'node:worker_threads';
import { type CompiledQuery, type DatabaseConnection, type Driver, Kysely, type QueryResult } from 'kysely';
import { startWorker } from '../worker-script.js';
import type { Database } from './database.js';
import { SqliteDialect } from './sqlite-query-compiler.js';
import { type ReadReply, type ReadRequest, unpackBlobs } from './sqlite-reader-messages.js';

type Pending = { resolve: (rows: unknown[]) => void; reject: (error: Error) => void };

/** A reader could not answer (it failed to start or died): the query may be run on the main connection instead. */
export class ReaderUnavailable extends Error {}
/** After this many reader failures no reader is started again: reads go to the main connection. */
const MAX_FAILURES = 3;
type Reader = { worker: Worker; pending: Map<number, Pending> };

/**
 * Worker threads with read-only connections to a SQLite file (`sqlite-reader-worker`). better-sqlite3
 * answers on the thread that asks, so one connection reads on one core at a time; a heavy read (a text
 * search over 100,000 deals) sent here runs beside the main thread and beside other such reads. Each
 * request goes to the reader with the fewest outstanding. A reader that dies fails what it held with
 * `ReaderUnavailable` (run on the main connection instead); the next request starts a new one, until
 * MAX_FAILURES. Readers see the last committed state (WAL): the main connection answers a
 * write only after its COMMIT (group commit), so a reader sees every write already answered.
 */
export class SqliteReaders {
  readonly #readers: Reader[] = [];
  #nextId = 1;
  #closed = false;
  #failures = 0;

  constructor(
    private readonly file: string,
    readonly size: number,
  ) {}

  #start(): Reader {
    const worker = startWorker(import.meta.url, 'sqlite-reader-worker', { workerData: { file: this.file } });
    worker.unref();
    const reader: Reader = { worker, pending: new Map() };
    worker.on('message', (reply: ReadReply) => {
      const pending = reader.pending.get(reply.id);
      if (!pending) return;
      reader.pending.delete(reply.id);
      if ('error' in reply) pending.reject(Object.assign(new Error(reply.error.message), { code: reply.error.code }));
      else pending.resolve(unpackBlobs(reply.rows, reply.bytes));
    });
    const fail = (error: Error) => {
      const index = this.#readers.indexOf(reader);
      if (index < 0) return;
      this.#readers.splice(index, 1);
      if (!this.#closed) {
        this.#failures++;
        console.warn(`SQLite reader failed (${this.#failures}): ${error.message}`);
      }
      for (const pending of reader.pending.values()) pending.reject(new ReaderUnavailable(error.message));
      reader.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`a SQLite reader stopped (exit code ${code})`)));
    this.#readers.push(reader);
    return reader;
  }

  /** The rows of a `select` (text and parameters as Kysely compiled them). */
  all(sql: string, parameters: readonly unknown[]): Promise<unknown[]> {
    if (this.#closed) return Promise.reject(new Error('the SQLite readers are closed'));
    if (this.#failures >= MAX_FAILURES) return Promise.reject(new ReaderUnavailable('the SQLite readers keep failing'));
    let reader = this.#readers.length < this.size ? this.#start() : this.#readers[0];
    for (const other of this.#readers) if (other.pending.size < reader.pending.size) reader = other;
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      reader.pending.set(id, { resolve, reject });
      reader.worker.postMessage({ id, sql, parameters } satisfies ReadRequest);
    });
  }

  async close(): Promise<void> {
    this.#closed = true;
    await Promise.all(this.#readers.map((reader) => reader.worker.terminate()));
  }
}

/**
 * A connection that sends each query to the readers (stateless, so one serves every caller at once), or
 * to the main connection when no reader can answer.
 */
class ReaderConnection implements DatabaseConnection {
  constructor(
    private readonly readers: SqliteReaders,
    private readonly main: Kysely<Database>,
  ) {}
  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    try {
      return { rows: (await this.readers.all(compiled.sql, compiled.parameters)) as R[] };
    } catch (error) {
      if (error instanceof ReaderUnavailable) return this.main.executeQuery<R>(compiled);
      throw error;
    }
  }
  // biome-ignore lint/correctness/useYield: nothing streams from the readers.
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming queries are not supported by the SQLite readers');
  }
}

class ReaderDriver implements Driver {
  readonly #connection: ReaderConnection;
  constructor(
    private readonly readers: SqliteReaders,
    main: Kysely<Database>,
  ) {
    this.#connection = new ReaderConnection(readers, main);
  }
  async init(): Promise<void> {}
  async acquireConnection(): Promise<DatabaseConnection> {
    return this.#connection;
  }
  async beginTransaction(): Promise<void> {
    throw new Error('the SQLite readers only read: write through the main connection');
  }
  async commitTransaction(): Promise<void> {}
  async rollbackTransaction(): Promise<void> {}
  async releaseConnection(): Promise<void> {}
  async destroy(): Promise<void> {
    await this.readers.close();
  }
}

/** A query builder over the readers, for reads only (the same SQL as the main connection's, which `main` runs when no reader can). */
export function readersDb(readers: SqliteReaders, main: Kysely<Database>): Kysely<Database> {
  return new Kysely<Database>({ dialect: new SqliteDialect(new ReaderDriver(readers, main)) });
}
