import { type RawBuilder, sql } from 'kysely';
import { AppError } from './errors.js';

export type Cursor = { v: string | number; id: string };

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

export function decodeCursor(raw: string | undefined): Cursor | null {
  if (!raw) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    if (parsed && typeof parsed === 'object' && 'v' in parsed && 'id' in parsed) {
      const { v, id } = parsed as Record<string, unknown>;
      if ((typeof v === 'string' || typeof v === 'number') && typeof id === 'string') return { v, id };
    }
  } catch {
    // fall through to the error below
  }
  throw new AppError('BAD_REQUEST', 'The cursor is not one this server gave out.');
}

/** `sort` like `-updatedAt` → column and direction, through an allow-list of columns. */
export function parseSort<K extends string>(sort: string, columns: Record<K, string>): { column: string; key: K; desc: boolean } {
  const desc = sort.startsWith('-');
  const key = (desc ? sort.slice(1) : sort) as K;
  return { column: columns[key], key, desc };
}

/** Keyset condition `(column, id) > (v, id)` (or `<` descending): stable paging with an index. */
export function after(column: string, idColumn: string, desc: boolean, cursor: Cursor): RawBuilder<boolean> {
  const op = sql.raw(desc ? '<' : '>');
  return sql<boolean>`(${sql.ref(column)}, ${sql.ref(idColumn)}) ${op} (${cursor.v}, ${cursor.id})`;
}

/** Cuts one extra row off and turns it into the next cursor. */
export function pageFrom<T>(rows: T[], limit: number, cursorOf: (row: T) => Cursor): { items: T[]; nextCursor: string | null } {
  if (rows.length <= limit) return { items: rows, nextCursor: null };
  const items = rows.slice(0, limit);
  return { items, nextCursor: encodeCursor(cursorOf(items[items.length - 1])) };
}

/** Escapes LIKE wildcards; use with `escape '\'`. */
export function likePattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
