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

/** Does the text occur in at least COMMON_MATCHES deal titles (SQLite's FTS5 trigram index)? */
export async function isCommonTitleText(db: Db | Trx, text: string): Promise<boolean> {
  if ([...text].length < 3 || !likeFoldsFully(text)) return false;
  const phrase = `"${text.replaceAll('"', '""')}"`;
  const { rows } = await sql<{
    n: number;
  }>`select count(*) as n from (select 1 from deals_fts where deals_fts match ${phrase} limit ${COMMON_MATCHES})`.execute(db);
  return Number(rows[0]?.n ?? 0) >= COMMON_MATCHES;
}

/** The text as a per-deal test on `deals as d` (title, or the account's folded name), for walking candidates in order. */
export function scannedTextCondition(workspaceId: string, text: string): RawBuilder<SqlBool> {
  const pattern = likePattern(text);
  return sql<SqlBool>`(d.title like ${pattern} escape '\\' or d.account_id in (select a2.id from accounts a2 where a2.workspace_id = ${workspaceId} and a2.name_key like ${pattern} escape '\\'))`;
}
