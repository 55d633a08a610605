import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Db, Trx } from '../../db/database.js';
import { likePattern } from '../../http/pagination.js';

/**
 * How many candidates (in the page's own order) a common search text is first looked for among. Text
 * search through the FTS index costs in proportion to the matches: "Suzhou" in 10,000 of 100,000 titles
 * means reading 10,000 matches to show 50. For such a text, walking the page's sort order and testing each
 * deal finds a page after a few hundred; when the first candidates do not hold a page, the index decides.
 */
export const SCAN_WINDOW = 500;

/**
 * From this many title matches on, a page of a rarer text is found by walking the sort's index (testing
 * membership, about 50 × deals ÷ matches steps) rather than by reading every match and sorting them.
 */
export const WALK_MATCHES = 200;

/** A text is "common" from this many title matches on (FTS5 stops counting there). */
const COMMON_MATCHES = 1_000;

/**
 * SQLite's LIKE folds ASCII letters only: for a text with no other letter that has case (Chinese has
 * none), LIKE matches exactly the titles that case-folded search matches.
 */
export function likeFoldsFully(text: string): boolean {
  for (const ch of text) {
    if ((ch.codePointAt(0) ?? 0) > 127 && ch.toLowerCase() !== ch.toUpperCase()) return false;
  }
  return true;
}

/**
 * The deals whose title holds the text (SQLite's FTS5 trigram index), read at most COMMON_MATCHES of them:
 * `common` when there are that many (then the page is looked for by walking candidates), else the rowids
 * of all of them, so that the query that reads the page does not ask the index a second time. Null for
 * texts the index cannot answer (shorter than a trigram) or LIKE cannot walk (letters beyond ASCII that fold).
 */
export async function titleMatches(db: Db | Trx, text: string): Promise<{ common: true } | { common: false; rowids: number[] } | null> {
  if ([...text].length < 3 || !likeFoldsFully(text)) return null;
  const phrase = `"${text.replaceAll('"', '""')}"`;
  const { rows } = await sql<{
    r: number;
  }>`select rowid as r from deals_fts where deals_fts match ${phrase} limit ${sql.lit(COMMON_MATCHES)}`.execute(db);
  return rows.length >= COMMON_MATCHES ? { common: true } : { common: false, rowids: rows.map((row) => row.r) };
}

/** The workspace's accounts whose folded name (`name_key`, with its id in one index) matches a LIKE pattern. */
export function accountsNamedLike(workspaceId: string, pattern: string): RawBuilder<unknown> {
  return sql`select a2.id from accounts a2 where a2.workspace_id = ${workspaceId} and a2.name_key like ${pattern} escape '\\'`;
}

/**
 * The text as a per-deal test on `deals as d` (title, or the account's folded name), for walking candidates
 * in order. Titles: SQLite's LIKE folds ASCII (the walk is only tried for texts where that is all the
 * folding there is, see `likeFoldsFully`); PostgreSQL compares lower(), which folds all of Unicode.
 * Account names: their stored folded form on both.
 */
export function scannedTextCondition(postgres: boolean, workspaceId: string, text: string): RawBuilder<SqlBool> {
  const pattern = likePattern(text);
  const title = sql.raw(postgres ? 'lower(d.title)' : 'd.title');
  return sql<SqlBool>`(${title} like ${pattern} escape '\\' or d.account_id in (${accountsNamedLike(workspaceId, pattern)}))`;
}
