import { type RawBuilder, type SelectQueryBuilder, type SqlBool, sql } from 'kysely';
import type { Deal, DealFilters, DealListQuery, DealStatus } from '../../../core/deals/schemas.js';
import type { Db, DealTable, Trx } from '../../db/database.js';
import { isPostgres, type JsonText, jsonBytes } from '../../db/dialect.js';
import { prepared } from '../../db/prepared.js';
import { readThrough } from '../../db/read-through.js';
import { AppError } from '../../http/errors.js';
import { type Cursor, decodeCursor, likePattern, pageFrom } from '../../http/pagination.js';
import { accountsNamedLike, SCAN_WINDOW, scannedTextCondition, titleMatches, WALK_MATCHES } from './search.js';

export type DealRow = DealTable & { account_name: string | null };

export const toDeal = (row: DealRow): Deal => ({
  id: row.id,
  projectId: row.project_id,
  title: row.title,
  accountId: row.account_id,
  accountName: row.account_name ?? null,
  contactId: row.contact_id,
  amount: Number(row.amount),
  currency: row.currency,
  stage: row.stage,
  probability: row.probability === null ? null : Number(row.probability),
  expectedCloseDate: row.expected_close_date,
  closeDate: row.close_date,
  status: row.status as DealStatus,
  ownerId: row.owner_id,
  source: row.source,
  lostReason: row.lost_reason,
  contract:
    row.contract_number === null
      ? null
      : {
          number: row.contract_number,
          value: row.contract_value === null ? null : Number(row.contract_value),
          signedDate: row.contract_signed_date,
          termMonths: row.contract_term_months,
        },
  rank: row.rank,
  stageEnteredAt: row.stage_entered_at,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  version: row.version,
});

/** The deal row for a Deal (the account's name is not stored on the deal). */
export const toRow = (workspaceId: string, deal: Deal): DealTable => ({
  workspace_id: workspaceId,
  id: deal.id,
  project_id: deal.projectId,
  title: deal.title,
  account_id: deal.accountId,
  contact_id: deal.contactId,
  amount: deal.amount,
  currency: deal.currency,
  stage: deal.stage,
  probability: deal.probability,
  expected_close_date: deal.expectedCloseDate,
  close_date: deal.closeDate,
  status: deal.status,
  owner_id: deal.ownerId,
  source: deal.source,
  lost_reason: deal.lostReason,
  rank: deal.rank,
  stage_entered_at: deal.stageEnteredAt,
  contract_number: deal.contract?.number ?? null,
  contract_value: deal.contract?.value ?? null,
  contract_signed_date: deal.contract?.signedDate ?? null,
  contract_term_months: deal.contract?.termMonths ?? null,
  created_at: deal.createdAt,
  updated_at: deal.updatedAt,
  version: deal.version,
});

/** `deals as d` with each deal's account as `a` (none for a deal without one). */
const dealsWithAccount = (db: Db | Trx) =>
  db
    .selectFrom('deals as d')
    .leftJoin('accounts as a', (join) => join.onRef('a.workspace_id', '=', 'd.workspace_id').onRef('a.id', '=', 'd.account_id'));

export const dealSelect = (db: Db | Trx, workspaceId: string) =>
  dealsWithAccount(db).selectAll('d').select('a.name as account_name').where('d.workspace_id', '=', workspaceId);

const dealQuery = prepared((db, workspaceId: string, id: string) => dealSelect(db, workspaceId).where('d.id', '=', id));

/**
 * One deal with its account's name (a prepared query: every deal route starts here), reused until anything
 * is written (`readThrough`; the deal is shared, never to be changed in place).
 */
export async function findDeal(db: Db | Trx, workspaceId: string, id: string): Promise<Deal | undefined> {
  return readThrough(db, JSON.stringify(['deal', workspaceId, id]), async () => {
    const [row] = await dealQuery(db, workspaceId, id);
    return row && toDeal(row as DealRow);
  });
}

/**
 * The last rank in a board column (null for an empty column). A column is a stage, and every deal of a
 * stage has the stage's kind as its status: saying so lets the query seek the board index to the end of
 * the column instead of reading and sorting the whole stage.
 */
export async function lastRank(
  db: Db | Trx,
  workspaceId: string,
  projectId: string,
  stage: { key: string; kind: DealStatus },
): Promise<string | null> {
  const row = await db
    .selectFrom('deals')
    .select('rank')
    .where('workspace_id', '=', workspaceId)
    .where('project_id', '=', projectId)
    .where('status', '=', stage.kind)
    .where('stage', '=', stage.key)
    .orderBy('rank', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.rank ?? null;
}

/** The cards of a column in board order without `exceptId`, from `offset`, `limit` of them. */
export async function columnSlice(
  db: Db | Trx,
  workspaceId: string,
  projectId: string,
  stage: string,
  exceptId: string,
  offset: number,
  limit: number,
) {
  return db
    .selectFrom('deals')
    .select(['id', 'rank'])
    .where('workspace_id', '=', workspaceId)
    .where('project_id', '=', projectId)
    .where('stage', '=', stage)
    .where('id', '!=', exceptId)
    .orderBy('rank')
    .orderBy('id')
    .offset(offset)
    .limit(limit)
    .execute();
}

/** The card just before `card` in its column (board order), without `exceptId`. */
export async function cardBefore(
  db: Db | Trx,
  workspaceId: string,
  projectId: string,
  stage: string,
  card: { id: string; rank: string },
  exceptId: string,
) {
  return db
    .selectFrom('deals')
    .select(['id', 'rank'])
    .where('workspace_id', '=', workspaceId)
    .where('project_id', '=', projectId)
    .where('stage', '=', stage)
    .where('id', '!=', exceptId)
    .where(sql<boolean>`(rank, id) < (${card.rank}, ${card.id})`)
    .orderBy('rank', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/**
 * Text search on deal titles (FTS5 trigram on SQLite, pg_trgm on PostgreSQL) and account names, as the
 * set of matching deal rows: the query then reads only those (and sorts them) instead of testing every
 * deal of the project. On SQLite a query shorter than a trigram (two Chinese characters) scans titles with
 * the built-in LIKE (case-insensitive for ASCII only); PostgreSQL folds all of Unicode.
 */
/**
 * Title matches read from the index beforehand (SQLite): their rowids, and whether the page is looked for by
 * walking the sort's index and testing membership (`+d.rowid`: many matches) or by reading them and sorting.
 */
export type KnownTitleMatches = { rowids: number[]; walk: boolean };

export function textCondition(db: Db | Trx, workspaceId: string, text: string, titles?: KnownTitleMatches): RawBuilder<SqlBool> {
  const pattern = likePattern(text);
  if (isPostgres(db)) {
    // The title's trigram index or'ed with the deals of the matching accounts (an array, looked up in
    // deals_account rather than joined against every deal): one bitmap scan that reads each match once.
    return sql<SqlBool>`(lower(d.title) like ${pattern} escape '\\' or d.account_id = any(array(${accountsNamedLike(workspaceId, pattern)})))`;
  }
  const byAccount = sql`select d3.rowid from deals d3 where d3.workspace_id = ${workspaceId} and d3.account_id in (${accountsNamedLike(workspaceId, pattern)})`;
  const byTitle = titles
    ? sql`select value from json_each(${JSON.stringify(titles.rowids)})`
    : [...text].length >= 3
      ? sql`select rowid from deals_fts where deals_fts match ${`"${text.replaceAll('"', '""')}"`}`
      : sql`select d3.rowid from deals d3 where d3.workspace_id = ${workspaceId} and d3.title like ${pattern} escape '\\'`;
  return sql<SqlBool>`${sql.raw(titles?.walk ? '+d.rowid' : 'd.rowid')} in (${byTitle} union ${byAccount})`;
}

/** Sort keys whose column a range filter may use as its index; other range filters must not (SQLite, below). */
type RangeColumn = 'amount' | 'expectedCloseDate' | 'closeDate' | null;

/** The list/board/export filters as conditions on `deals as d`. */
/**
 * The list/board/export filters as conditions on `deals as d`. On SQLite a range filter on a column that
 * is not the sort column is written `+column` so that the planner walks the sort's index and stops after a
 * page, instead of collecting a wide range and sorting it (PostgreSQL's statistics decide that by themselves).
 */
export function dealConditions(
  db: Db | Trx,
  workspaceId: string,
  filters: Partial<DealFilters>,
  sortedBy: RangeColumn = null,
  titles?: KnownTitleMatches,
): RawBuilder<SqlBool>[] {
  const out: RawBuilder<SqlBool>[] = [];
  const col = (name: string, key: RangeColumn) => sql.raw(!isPostgres(db) && sortedBy !== key ? `+d.${name}` : `d.${name}`);
  if (filters.q) out.push(textCondition(db, workspaceId, filters.q, titles));
  if (filters.ownerId?.length) out.push(sql<SqlBool>`d.owner_id in (${sql.join(filters.ownerId)})`);
  if (filters.stage?.length) out.push(sql<SqlBool>`d.stage in (${sql.join(filters.stage)})`);
  if (filters.status?.length) out.push(sql<SqlBool>`d.status in (${sql.join(filters.status)})`);
  if (filters.accountId) out.push(sql<SqlBool>`d.account_id = ${filters.accountId}`);
  if (filters.amountMin !== undefined) out.push(sql<SqlBool>`${col('amount', 'amount')} >= ${filters.amountMin}`);
  if (filters.amountMax !== undefined) out.push(sql<SqlBool>`${col('amount', 'amount')} <= ${filters.amountMax}`);
  if (filters.expectedCloseFrom) out.push(sql<SqlBool>`${col('expected_close_date', 'expectedCloseDate')} >= ${filters.expectedCloseFrom}`);
  if (filters.expectedCloseTo) out.push(sql<SqlBool>`${col('expected_close_date', 'expectedCloseDate')} <= ${filters.expectedCloseTo}`);
  if (filters.closedFrom) out.push(sql<SqlBool>`${col('close_date', 'closeDate')} >= ${filters.closedFrom}`);
  if (filters.closedTo) out.push(sql<SqlBool>`${col('close_date', 'closeDate')} <= ${filters.closedTo}`);
  return out;
}

/** `d.project_id = projectId` and the filters, as one condition. */
export function projectDeals(
  db: Db | Trx,
  workspaceId: string,
  projectId: string,
  filters: Partial<DealFilters>,
  sortedBy: RangeColumn = null,
  titles?: KnownTitleMatches,
): RawBuilder<SqlBool> {
  const conditions = dealConditions(db, workspaceId, filters, sortedBy, titles);
  return sql<SqlBool>`${sql.join([sql`d.project_id = ${projectId}`, ...conditions], sql` and `)}`;
}

/** Sort keys → SQL expressions (nullable dates sort as '' so that keyset paging sees no NULL). */
const SORTS = {
  title: sql`d.title`,
  amount: sql`d.amount`,
  expectedCloseDate: sql`coalesce(d.expected_close_date, '')`,
  closeDate: sql`coalesce(d.close_date, '')`,
  createdAt: sql`d.created_at`,
  updatedAt: sql`d.updated_at`,
} as const;

export function sortOf(sort: DealListQuery['sort']) {
  const desc = sort.startsWith('-');
  const key = (desc ? sort.slice(1) : sort) as keyof typeof SORTS;
  return { key, expr: SORTS[key], desc };
}

/** A cursor whose value has the wrong type for the sort is not one this server gave out (400, never a database error). */
export function checkedCursor(raw: string | undefined, kind: 'string' | 'number'): Cursor | null {
  const cursor = decodeCursor(raw);
  if (cursor && typeof cursor.v !== kind) throw new AppError('BAD_REQUEST', 'The cursor is not one this server gave out.');
  return cursor;
}

export function keysetAfter(expr: RawBuilder<unknown>, desc: boolean, cursor: Cursor): RawBuilder<SqlBool> {
  return sql<SqlBool>`(${expr}, d.id) ${sql.raw(desc ? '<' : '>')} (${cursor.v}, ${cursor.id})`;
}

/**
 * A deal as JSON text written by the database, over `d` (a deal row) and `a` (its account): the fields of
 * `Deal` in its order, each as `toDeal` makes it of the same row (deals.test.ts holds the two equal on
 * both databases). A page of 50 is then 50 strings instead of 1,300 values turned into JavaScript and back
 * into JSON — two thirds of a page's time on SQLite. On PostgreSQL the text is joined from the fields
 * (`to_json` escapes each text; numbers print as JSON does): `json_build_object` looks up the type of each
 * of its 44 arguments on every row and writes spaces, a tenth of the page's bytes.
 */
export function dealJson(db: Db | Trx): RawBuilder<string> {
  if (isPostgres(db)) return pgDealJson;
  const contract = sql`case when d.contract_number is null then null else json_object('number', d.contract_number,
    'value', d.contract_value, 'signedDate', d.contract_signed_date, 'termMonths', d.contract_term_months) end`;
  return sql<string>`json_object('id', d.id, 'projectId', d.project_id, 'title', d.title, 'accountId', d.account_id,
    'accountName', a.name, 'contactId', d.contact_id, 'amount', d.amount, 'currency', d.currency, 'stage', d.stage,
    'probability', d.probability, 'expectedCloseDate', d.expected_close_date, 'closeDate', d.close_date,
    'status', d.status, 'ownerId', d.owner_id, 'source', d.source, 'lostReason', d.lost_reason, 'contract', ${contract},
    'rank', d.rank, 'stageEnteredAt', d.stage_entered_at, 'createdAt', d.created_at, 'updatedAt', d.updated_at,
    'version', d.version)`;
}

/** PostgreSQL: a value as JSON text (`to_json` escapes a text), `null` for NULL. */
export const pgJson = (value: RawBuilder<unknown>) => sql<string>`coalesce(to_json(${value})::text, 'null')`;
const pgText = (column: string) => pgJson(sql.raw(column));
/** PostgreSQL: a number column as JSON (its text form is JSON's), `null` for NULL. */
const pgNumber = (column: string) => sql.raw(`coalesce(${column}::text, 'null')`);
const pgDealJson = sql<string>`'{"id":' || ${pgText('d.id')} || ',"projectId":' || ${pgText('d.project_id')}
  || ',"title":' || ${pgText('d.title')} || ',"accountId":' || ${pgText('d.account_id')} || ',"accountName":' || ${pgText('a.name')}
  || ',"contactId":' || ${pgText('d.contact_id')} || ',"amount":' || ${pgNumber('d.amount')} || ',"currency":' || ${pgText('d.currency')}
  || ',"stage":' || ${pgText('d.stage')} || ',"probability":' || ${pgNumber('d.probability')}
  || ',"expectedCloseDate":' || ${pgText('d.expected_close_date')} || ',"closeDate":' || ${pgText('d.close_date')}
  || ',"status":' || ${pgText('d.status')} || ',"ownerId":' || ${pgText('d.owner_id')} || ',"source":' || ${pgText('d.source')}
  || ',"lostReason":' || ${pgText('d.lost_reason')} || ',"contract":' || case when d.contract_number is null then 'null'
    else '{"number":' || ${pgText('d.contract_number')} || ',"value":' || ${pgNumber('d.contract_value')}
      || ',"signedDate":' || ${pgText('d.contract_signed_date')} || ',"termMonths":' || ${pgNumber('d.contract_term_months')} || '}' end
  || ',"rank":' || ${pgText('d.rank')} || ',"stageEnteredAt":' || ${pgText('d.stage_entered_at')}
  || ',"createdAt":' || ${pgText('d.created_at')} || ',"updatedAt":' || ${pgText('d.updated_at')}
  || ',"version":' || ${pgNumber('d.version')} || '}'`;

// biome-ignore lint/suspicious/noExplicitAny: a page's queries differ in what they read from (the table, a window of it); each reads the same columns of d and a.
type PageQuery = SelectQueryBuilder<any, any, any>;

/** What a page query reads of each deal: its row (and account name), or its JSON text; with the sort's value. */
type PageColumns = 'row' | 'json';
type PageRow<C extends PageColumns> = { id: string; sort_value: string | number } & (C extends 'row' ? DealRow : { json: JsonText });

/**
 * One page of a project's deals (filters, sort, cursor; `limit + 1` rows, the last telling whether another
 * page follows), read as `columns`.
 */
async function pageRows<C extends PageColumns>(
  db: Db,
  workspaceId: string,
  projectId: string,
  query: DealListQuery,
  columns: C,
): Promise<PageRow<C>[]> {
  const sort = sortOf(query.sort);
  const cursor = checkedCursor(query.cursor, sort.key === 'amount' ? 'number' : 'string');
  const sortedBy = sort.key === 'amount' || sort.key === 'expectedCloseDate' || sort.key === 'closeDate' ? sort.key : null;
  const direction = sql.raw(sort.desc ? 'desc' : 'asc');
  const ordered = (q: PageQuery): PageQuery => q.orderBy(sql`${sort.expr} ${direction}`).orderBy(sql`d.id ${direction}`);
  // Over `deals as d` left-joined with `accounts as a`.
  const read = (q: PageQuery): PageQuery => {
    const withSort = q.select(sql`${sort.expr}`.as('sort_value'));
    return columns === 'json'
      ? // On SQLite as bytes (a blob): the page is sent as bytes, never decoded into a string and encoded again.
        withSort.select([(isPostgres(db) ? dealJson(db) : sql`cast(${dealJson(db)} as blob)`).as('json'), 'd.id'])
      : withSort.selectAll('d').select('a.name as account_name');
  };
  const page = async (q: PageQuery) => (await q.execute()) as PageRow<C>[];

  // A common text: test the first candidates in page order; a full page among them is the page. SQLite
  // knows cheaply whether a text is common (its FTS index stops counting); on PostgreSQL the walk is always
  // tried first (a rare text then costs one short walk of the sort index more).
  const titles = query.q && !isPostgres(db) ? await titleMatches(db, query.q) : null;
  if (query.q && (isPostgres(db) || titles?.common)) {
    // The first candidates in page order, each read once (in the sort index's order), then tested.
    let window = db
      .selectFrom('deals as d')
      .selectAll('d')
      .where('d.workspace_id', '=', workspaceId)
      .where(projectDeals(db, workspaceId, projectId, { ...query, q: undefined }, sortedBy));
    if (cursor) window = window.where(keysetAfter(sort.expr, sort.desc, cursor));
    const matches = db
      .selectFrom(ordered(window).limit(SCAN_WINDOW).as('d'))
      .leftJoin('accounts as a', (join) => join.onRef('a.workspace_id', '=', 'd.workspace_id').onRef('a.id', '=', 'd.account_id'))
      .where(scannedTextCondition(isPostgres(db), workspaceId, query.q));
    const rows = await page(ordered(read(matches)).limit(query.limit + 1));
    if (rows.length > query.limit) return rows;
  }

  if (query.q && isPostgres(db)) {
    // Every match (one bitmap scan of the title's and the accounts' indexes, `textCondition`), materialized so
    // that PostgreSQL sorts them rather than walking the sort's index and testing each deal; then the page's
    // deals read by key. A text with 800 matches among 100,000 deals: 6 ms instead of 10.
    let matching = db
      .selectFrom('deals as d')
      .select(['d.id', sql`${sort.expr}`.as('sort_value')])
      .where('d.workspace_id', '=', workspaceId)
      .where(projectDeals(db, workspaceId, projectId, query, sortedBy));
    if (cursor) matching = matching.where(keysetAfter(sort.expr, sort.desc, cursor));
    const top = db
      .with(
        (cte) => cte('m').materialized(),
        () => matching,
      )
      .with('top', (w) =>
        w
          .selectFrom('m')
          .select('m.id')
          .orderBy(sql`m.sort_value ${direction}`)
          .orderBy(sql`m.id ${direction}`)
          .limit(query.limit + 1),
      )
      .selectFrom('top')
      .innerJoin('deals as d', (join) => join.on('d.workspace_id', '=', workspaceId).onRef('d.id', '=', 'top.id'))
      .leftJoin('accounts as a', (join) => join.onRef('a.workspace_id', '=', 'd.workspace_id').onRef('a.id', '=', 'd.account_id'));
    return page(ordered(read(top as PageQuery)));
  }

  if (query.q) {
    // Many title matches (and a sort with an index): walk the sort's index and test each deal's membership
    // in the matches, stopping after a page. Fewer: read the matches and sort them (the unary + keeps SQLite
    // off the workspace's and the sort column's indexes; the workspace condition still holds).
    const known =
      titles && !titles.common
        ? { rowids: titles.rowids, walk: titles.rowids.length >= WALK_MATCHES && sort.key !== 'createdAt' }
        : undefined;
    const plus = known?.walk ? '' : '+';
    let matches = dealsWithAccount(db)
      .where(sql<SqlBool>`${sql.raw(plus)}d.workspace_id = ${workspaceId}`)
      .where(projectDeals(db, workspaceId, projectId, query, sortedBy, known));
    if (cursor) matches = matches.where(keysetAfter(sort.expr, sort.desc, cursor));
    return page(
      read(matches)
        .orderBy(sql`${sql.raw(plus)}${sort.expr} ${direction}`)
        .orderBy(sql`${sql.raw(plus)}d.id ${direction}`)
        .limit(query.limit + 1),
    );
  }
  let q = dealsWithAccount(db)
    .where('d.workspace_id', '=', workspaceId)
    .where(projectDeals(db, workspaceId, projectId, query, sortedBy));
  if (cursor) q = q.where(keysetAfter(sort.expr, sort.desc, cursor));
  return page(ordered(read(q)).limit(query.limit + 1));
}

/** The next page's cursor from the page's last row (the sort's value as the cursor compares it). */
const cursorOf = (query: DealListQuery) => {
  const amount = sortOf(query.sort).key === 'amount';
  return (row: { id: string; sort_value: string | number }) => ({
    v: amount ? Number(row.sort_value) : String(row.sort_value),
    id: row.id,
  });
};

/** A page of a project's deals as `Deal` objects (exports read them page by page). */
export async function listDeals(db: Db, workspaceId: string, projectId: string, query: DealListQuery) {
  const page = pageFrom(await pageRows(db, workspaceId, projectId, query, 'row'), query.limit, cursorOf(query));
  return { items: page.items.map(toDeal), nextCursor: page.nextCursor };
}

/**
 * The same page as the answer's JSON bytes, each deal written by the database (`dealJson`; on SQLite read
 * as bytes, never decoded into a string).
 */
export async function listDealsJson(db: Db, workspaceId: string, projectId: string, query: DealListQuery): Promise<Buffer> {
  const page = pageFrom(await pageRows(db, workspaceId, projectId, query, 'json'), query.limit, cursorOf(query));
  const parts: JsonText[] = ['{"items":['];
  for (const [i, row] of page.items.entries()) {
    if (i > 0) parts.push(',');
    parts.push(row.json);
  }
  parts.push(`],"nextCursor":${JSON.stringify(page.nextCursor)}}`);
  return jsonBytes(parts);
}

export async function userTimeZone(db: Db | Trx, userId: string): Promise<string> {
  const row = await db.selectFrom('users').select('time_zone').where('id', '=', userId).executeTakeFirst();
  return row?.time_zone ?? 'UTC';
}

export async function stageHistory(db: Db, workspaceId: string, dealId: string) {
  return db
    .selectFrom('deal_stage_history as h')
    .leftJoin('users as u', 'u.id', 'h.entered_by')
    .leftJoin('stages as s', (join) => join.onRef('s.workspace_id', '=', 'h.workspace_id').onRef('s.key', '=', 'h.stage'))
    .select([
      'h.id',
      'h.stage',
      's.name as stage_name',
      'h.entered_at',
      'h.left_at',
      'h.entered_by',
      'u.name as entered_by_name',
      'h.left_by',
    ])
    .where('h.workspace_id', '=', workspaceId)
    .where('h.deal_id', '=', dealId)
    .orderBy('h.entered_at')
    .orderBy('h.id')
    .execute();
}

/** The open stages a deal was last in (newest first), for reopening. */
export async function lastStagesOf(db: Db | Trx, workspaceId: string, dealId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('deal_stage_history')
    .select('stage')
    .where('workspace_id', '=', workspaceId)
    .where('deal_id', '=', dealId)
    .orderBy('entered_at', 'desc')
    .orderBy('id', 'desc')
    .limit(50)
    .execute();
  return rows.map((r) => r.stage);
}
