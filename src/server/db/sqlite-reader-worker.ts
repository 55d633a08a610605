import { parentPort, workerData } from 'node:worker_threads';
import SQLite from 'better-sqlite3';
import { packBlobs, type ReadReply, type ReadRequest } from './sqlite-reader-messages.js';
import { addSqlFunctions, statementCache } from './sqlite-setup.js';

/**
 * Worker thread of `SqliteReaders`: its own read-only connection to the database file, answering
 * `select`s the main thread sends (text and parameters) with their rows. In WAL mode it reads the last
 * committed state while the main connection writes. A separate esbuild entry in production
 * (dist/server/sqlite-reader-worker.js); loaded through tsx from source.
 */
const port = parentPort;
if (!port) throw new Error('sqlite-reader-worker runs as a worker thread');
const sqlite = new SQLite((workerData as { file: string }).file, { readonly: true, fileMustExist: true });
sqlite.pragma('busy_timeout = 5000');
addSqlFunctions(sqlite);

const statement = statementCache(sqlite);

port.on('message', ({ id, sql, parameters }: ReadRequest) => {
  let reply: ReadReply;
  try {
    const prepared = statement(sql);
    if (!prepared.reader) throw new Error('a reader connection only reads');
    const rows = prepared.all(parameters as unknown[]) as Record<string, unknown>[];
    reply = { id, rows, bytes: packBlobs(rows) };
  } catch (error) {
    const { message, code } = error as { message: string; code?: string };
    reply = { id, error: { message, code } };
  }
  port.postMessage(reply, 'bytes' in reply && reply.bytes ? [reply.bytes] : []);
});
