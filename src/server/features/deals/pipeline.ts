import { sql } from 'kysely';
import { addToTotals, type ColumnTotals, daysSince, effectiveProbability, roundTotals } from '../../../core/deals/rules.js';
import type { Pipeline, PipelineCard, PipelineQuery } from '../../../core/deals/schemas.js';
import type { Db } from '../../db/database.js';
import type { Auth } from '../../http/access.js';
import { loadStages } from '../stages/queries.js';
import { dealSelect, projectDeals } from './queries.js';
import { requireProjectForDeals } from './service.js';

const CARD_COLUMNS = [
  'd.id',
  'd.title',
  'a.name as account_name',
  'd.amount',
  'd.currency',
  'd.owner_id',
  'd.expected_close_date',
  'd.close_date',
  'd.stage',
  'd.probability',
  'd.stage_entered_at',
  'd.rank',
  'd.version',
] as const;

/**
 * The pipeline board of a project: one column per stage with count, total and weighted amount and the
 * cards. Open columns carry every card (board order); won and lost carry totals over all their deals and
 * the `closedCards` most recently closed. One query per table: stages, open deals (with the account name),
 * closed totals, closed cards, owners.
 */
export async function projectPipeline(db: Db, auth: Auth, projectId: string, query: PipelineQuery): Promise<Pipeline> {
  const project = await requireProjectForDeals(db, auth, projectId, false);
  const stages = await loadStages(db, auth.workspaceId, auth.userId);
  const condition = projectDeals(db, auth.workspaceId, projectId, query);
  const base = () => db.selectFrom('deals as d').where('d.workspace_id', '=', auth.workspaceId).where(condition);
  const withAccount = () => dealSelect(db, auth.workspaceId).clearSelect().where(condition);

  const openRows = await withAccount()
    .select(CARD_COLUMNS)
    .where('d.status', '=', 'open')
    .orderBy('d.stage')
    .orderBy('d.rank')
    .orderBy('d.id')
    .execute();
  const closedTotals = await base()
    .select(['d.stage', 'd.currency'])
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('d.amount').as('total')])
    .where('d.status', '!=', 'open')
    .groupBy(['d.stage', 'd.currency'])
    .execute();
  const closedRows =
    query.closedCards > 0
      ? await db
          .selectFrom(
            withAccount()
              .select(CARD_COLUMNS)
              .select(sql<number>`row_number() over (partition by d.stage order by d.close_date desc, d.id desc)`.as('n'))
              .where('d.status', '!=', 'open')
              .as('c'),
          )
          .selectAll()
          .where('c.n', '<=', query.closedCards)
          .orderBy('c.stage')
          .orderBy('c.n')
          .execute()
      : [];

  const ownerIds = [...new Set([...openRows, ...closedRows].map((r) => r.owner_id).filter((id): id is string => id !== null))];
  const owners = ownerIds.length
    ? await db.selectFrom('users').select(['id', 'name']).where('id', 'in', ownerIds).orderBy('name').execute()
    : [];
  const ownerIndex = new Map(owners.map((o, i) => [o.id, i]));

  const now = Date.now();
  const columns = stages.map((stage) => ({
    stage: stage.key,
    stageId: stage.id,
    name: stage.name,
    kind: stage.kind,
    probability: stage.probability,
    totals: { count: 0, amount: 0, weighted: 0 } as ColumnTotals,
    others: new Map<string, ColumnTotals>(),
    count: 0,
    cards: [] as PipelineCard[],
  }));
  const columnOf = new Map(columns.map((c) => [c.stage, c]));
  const totalsFor = (column: (typeof columns)[number], currency: string) => {
    column.count++;
    if (currency === project.currency) return column.totals;
    let totals = column.others.get(currency);
    if (!totals) {
      totals = { count: 0, amount: 0, weighted: 0 };
      column.others.set(currency, totals);
    }
    return totals;
  };
  const card = (row: (typeof openRows)[number], close: string | null): PipelineCard => {
    const out: PipelineCard = {
      id: row.id,
      title: row.title,
      account: row.account_name ?? null,
      amount: Number(row.amount),
      owner: row.owner_id === null ? null : (ownerIndex.get(row.owner_id) ?? null),
      close,
      days: daysSince(row.stage_entered_at, now),
      rank: row.rank,
      version: row.version,
    };
    if (row.currency !== project.currency) out.currency = row.currency;
    return out;
  };
  for (const row of openRows) {
    const column = columnOf.get(row.stage);
    if (!column) continue;
    const probability = effectiveProbability(row.probability === null ? null : Number(row.probability), column.probability);
    addToTotals(totalsFor(column, row.currency), Number(row.amount), probability);
    column.cards.push(card(row, row.expected_close_date));
  }
  for (const row of closedTotals) {
    const column = columnOf.get(row.stage);
    if (!column) continue;
    const totals = totalsFor(column, row.currency);
    column.count += Number(row.n) - 1;
    totals.count += Number(row.n);
    totals.amount += Number(row.total ?? 0);
    totals.weighted += Number(row.total ?? 0) * column.probability;
  }
  for (const row of closedRows) columnOf.get(row.stage)?.cards.push(card(row, row.close_date));

  return {
    projectId,
    currency: project.currency,
    owners,
    columns: columns.map(({ totals, others, cards, count, ...column }) => ({
      ...column,
      ...roundTotals(totals),
      count,
      otherCurrencies: [...others.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([currency, t]) => ({ currency, ...roundTotals(t) })),
      cards,
    })),
  };
}
