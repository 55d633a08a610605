import { PostgresAdapter } from 'kysely';
import type { Db, Trx } from './database.js';

const postgres = new WeakMap<object, boolean>();

/** Whether `db` (a database or a transaction of it) talks to PostgreSQL. */
export function isPostgres(db: Db | Trx): boolean {
  let known = postgres.get(db);
  if (known === undefined) {
    known = db.getExecutor().adapter instanceof PostgresAdapter;
    postgres.set(db, known);
  }
  return known;
}

/** JSON as the database writes it: its UTF-8 bytes (SQLite, read as a blob) or text (PostgreSQL's driver gives text). */
export type JsonText = string | Buffer;

/**
 * An answer's UTF-8 bytes from its pieces: JSON written by the database and the text around it. Sent (and
 * reused) as bytes, an answer is never measured or encoded again; SQLite's pieces are never decoded at all.
 */
export function jsonBytes(parts: JsonText[]): Buffer {
  return Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part) : part)));
}
