import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';

/**
 * Board order keys (fractional indexing): a key strictly between two neighbours always exists, so a
 * drop rewrites one row. Keys compare as byte strings (SQLite's BINARY, PostgreSQL's "C" collation).
 */
export function rankBetween(before: string | null, after: string | null): string {
  return generateKeyBetween(before, after);
}

/** `n` increasing keys after `last` (an import appends many cards to a column at once). */
export function ranksAfter(last: string | null, n: number): string[] {
  return generateNKeysBetween(last, null, n);
}
