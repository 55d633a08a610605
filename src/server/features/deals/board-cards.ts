import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { isPostgres, type JsonText } from '../../db/dialect.js';
import { pgJson } from './queries.js';

const DAY_MS = 86_400_000;

/**
 * The deals a board shows, as `s`: every open deal that passes the filters, and the `closedCards` most
 * recently closed of each closed stage. `n` orders a column: 0 for open cards (then rank, id), 1… for
 * closed ones (newest first). `close` is the card's date: expected close when open, close date when closed.
 */
function shownDeals(pg: boolean, workspaceId: string, condition: RawBuilder<SqlBool>, closedCards: number) {
  const columns = sql`d.id, d.title, d.account_id, d.amount, d.currency, d.owner_id, d.stage, d.stage_entered_at, d.rank, d.version${pg ? sql`, d.stage_entered_ms` : sql``}`;
  const open = sql`select ${columns}, d.expected_close_date as close, 0 as n from deals d
    where d.workspace_id = ${workspaceId} and ${condition} and d.status = 'open'`;
  if (closedCards <= 0) return open;
  return sql`${open} union all
    select ${columns}, d.close_date as close, d.n from (
      select d.*, row_number() over (partition by d.stage order by d.close_date desc, d.id desc) as n
      from deals d where d.workspace_id = ${workspaceId} and ${condition} and d.status <> 'open'
    ) d where d.n <= ${closedCards}`;
}

/**
 * The cards of each column as JSON text, written by the database, and the owners of the shown deals (by
 * name: a card's `owner` is its owner's place in that list): a 1,000-card board is one string per column
 * instead of 13,000 values each turned into a JavaScript value and back into JSON (a third of the board's
 * time on SQLite, most of it on PostgreSQL). The fields are those of `PipelineCard`, in its order; `days` is
 * `daysSince(stage_entered_at, now)` (whole days, never negative) and `currency` is present only when it is
 * not the board's. One query: the owners come as the row without a stage.
 */
export async function boardCards(
  db: Db,
  workspaceId: string,
  condition: RawBuilder<SqlBool>,
  closedCards: number,
  boardCurrency: string,
  now: number,
): Promise<{ owners: JsonText; cards: Map<string, JsonText> }> {
  const pg = isPostgres(db);
  // The card's account name: on PostgreSQL read once per account of the shown deals (`acc`; per card, or a
  // join hashing every account of the workspace, cost 8–12 % more), on SQLite by key per card (the CTE
  // there costs 15 % more).
  const account = pg ? sql`acc.name` : sql`(select a.name from accounts a where a.workspace_id = ${workspaceId} and a.id = s.account_id)`;
  const accounts = pg
    ? sql`, acc as (select a.id, a.name from accounts a where a.workspace_id = ${workspaceId} and a.id in (select s.account_id from s))`
    : sql``;
  const card = pg ? pgCard(account, boardCurrency, now) : sqliteCard(account, boardCurrency, now);
  // On SQLite as bytes (a blob): the answer is sent as bytes, and 170 KB of text with Chinese in it costs
  // more to turn into a JavaScript string, measure and turn back into UTF-8 than to build.
  const column = pg
    ? sql`'[' || string_agg(${card}, ',' order by s.n, s.rank, s.id) || ']'`
    : sql`cast(json_group_array(${card} order by s.n, s.rank, s.id) as blob)`;
  const ownerList = pg
    ? sql`coalesce(json_agg(json_build_object('id', o.id, 'name', o.name) order by o.ix), '[]')::text`
    : sql`cast(json_group_array(json_object('id', o.id, 'name', o.name) order by o.ix) as blob)`;
  const { rows } = await sql<{ stage: string | null; json: JsonText }>`with s as (${shownDeals(pg, workspaceId, condition, closedCards)}),
    o as (select u.id, u.name, row_number() over (order by u.name, u.id) - 1 as ix from users u where u.id in (select s.owner_id from s))${accounts}
    select s.stage, ${column} as json from s
    left join o on o.id = s.owner_id
    ${pg ? sql`left join acc on acc.id = s.account_id` : sql``}
    group by s.stage
    union all
    select null, ${ownerList} from o`.execute(db);
  const cards = new Map<string, JsonText>();
  let owners: JsonText = '[]';
  for (const row of rows) {
    if (row.stage === null) owners = row.json;
    else cards.set(row.stage, row.json);
  }
  return { owners, cards };
}

/** SQLite: a card as `json_object` writes it (the fields of `PipelineCard` in order; `currency` only when not the board's). */
function sqliteCard(account: RawBuilder<unknown>, boardCurrency: string, now: number): RawBuilder<string> {
  const days = sql`coalesce(max(0, (cast(${now} as integer) - cast(round(unixepoch(s.stage_entered_at, 'subsec') * 1000) as integer)) / ${sql.lit(DAY_MS)}), 0)`;
  const fields = sql`'id', s.id, 'title', s.title, 'account', ${account}, 'amount', s.amount, 'owner', o.ix,
    'close', s.close, 'days', ${days}, 'rank', s.rank, 'version', s.version`;
  return sql`case when s.currency = ${boardCurrency} then json_object(${fields}) else json_object(${fields}, 'currency', s.currency) end`;
}

/**
 * PostgreSQL: the same card, its text joined from its fields. `json_build_object` looks up the type of each
 * of its 18 arguments on every call and writes spaces after colons and commas: joining the text costs 12 %
 * less and the board 13 % fewer bytes. Texts that may hold anything go through `to_json`; the id (made by
 * this server: `newId`), the rank (fractional-indexing's digits) and the close date (a checked ISO date)
 * cannot hold a quote or a backslash, so they are only quoted (8 % of the query). `days` is whole days
 * since `stage_entered_ms` (a column the database keeps from `stage_entered_at`: parsing the text per card
 * was 15 % of the query); a text in another form than this server writes has none, and is parsed.
 */
function pgCard(account: RawBuilder<unknown>, boardCurrency: string, now: number): RawBuilder<string> {
  const days = sql`greatest(0, (${now}::bigint - coalesce(s.stage_entered_ms,
    round(extract(epoch from s.stage_entered_at::timestamptz) * 1000)::bigint)) / ${sql.lit(DAY_MS)})`;
  const quoted = (column: string) => sql.raw(`'"' || ${column} || '"'`);
  return sql`'{"id":' || ${quoted('s.id')} || ',"title":' || to_json(s.title)::text || ',"account":' || ${pgJson(account)}
    || ',"amount":' || s.amount || ',"owner":' || coalesce(o.ix::text, 'null') || ',"close":' || coalesce(${quoted('s.close')}, 'null')
    || ',"days":' || ${days} || ',"rank":' || ${quoted('s.rank')} || ',"version":' || s.version
    || case when s.currency = ${boardCurrency} then '}' else ',"currency":' || to_json(s.currency)::text || '}' end`;
}

export type StageTotalsRow = { stage: string; currency: string; n: number; amount: number; plain: number; weighted: number };

/**
 * Per stage and currency, over every deal that passes the filters: how many, their amount, the amount of
 * those without a probability of their own (weighted by the stage's), and the amount weighted by their own.
 */
export async function boardTotals(db: Db, workspaceId: string, condition: RawBuilder<SqlBool>): Promise<StageTotalsRow[]> {
  const { rows } = await sql<StageTotalsRow>`select d.stage, d.currency, count(*) as n, sum(d.amount) as amount,
      sum(case when d.probability is null then d.amount else 0 end) as plain,
      sum(case when d.probability is null then 0 else d.amount * d.probability end) as weighted
    from deals d where d.workspace_id = ${workspaceId} and ${condition}
    group by d.stage, d.currency`.execute(db);
  return rows.map((r) => ({
    ...r,
    n: Number(r.n),
    amount: Number(r.amount ?? 0),
    plain: Number(r.plain ?? 0),
    weighted: Number(r.weighted ?? 0),
  }));
}
