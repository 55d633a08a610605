import type { Pipeline, PipelineQuery } from '../../../core/deals/schemas.js';
import type { Db } from '../../db/database.js';
import { type JsonText, jsonBytes } from '../../db/dialect.js';
import type { Auth } from '../../http/access.js';
import { loadStages } from '../stages/queries.js';
import { boardCards, boardTotals } from './board-cards.js';
import { projectDeals } from './queries.js';
import { requireProjectForDeals } from './service.js';

type ColumnHead = Omit<Pipeline['columns'][number], 'cards'>;
/** A board whose owners and cards are JSON already (cards per column, in column order); `boardJson` writes the answer. */
export type PipelineText = Omit<Pipeline, 'columns' | 'owners'> & { owners: JsonText; columns: { head: ColumnHead; cards: JsonText }[] };

/**
 * The pipeline board of a project: one column per stage with count, total and weighted amount and the
 * cards. Open columns carry every card (board order); won and lost carry totals over all their deals and
 * the `closedCards` most recently closed. Totals are in the board's currency, other currencies summed
 * apart; an open deal weighs by its own probability, else its stage's; a closed column by its stage's.
 */
export async function projectPipeline(db: Db, auth: Auth, projectId: string, query: PipelineQuery): Promise<PipelineText> {
  const project = await requireProjectForDeals(db, auth, projectId, false);
  const condition = projectDeals(db, auth.workspaceId, projectId, query);
  // Three independent reads, side by side (on PostgreSQL each on its own connection: one wait instead of three).
  const [stages, totals, { owners, cards }] = await Promise.all([
    loadStages(db, auth.workspaceId, auth.userId),
    boardTotals(db, auth.workspaceId, condition),
    boardCards(db, auth.workspaceId, condition, query.closedCards, project.currency, Date.now()),
  ]);

  const columns = stages.map((stage) => {
    const head: ColumnHead = {
      stage: stage.key,
      stageId: stage.id,
      name: stage.name,
      kind: stage.kind,
      probability: stage.probability,
      count: 0,
      amount: 0,
      weightedAmount: 0,
      otherCurrencies: [],
    };
    let own = { amount: 0, weighted: 0 };
    const others = new Map<string, { count: number; amount: number; weighted: number }>();
    for (const row of totals) {
      if (row.stage !== stage.key) continue;
      const weighted = stage.kind === 'open' ? row.weighted + row.plain * stage.probability : row.amount * stage.probability;
      head.count += row.n;
      if (row.currency === project.currency) own = { amount: row.amount, weighted };
      else others.set(row.currency, { count: row.n, amount: row.amount, weighted });
    }
    head.amount = own.amount;
    head.weightedAmount = Math.round(own.weighted);
    head.otherCurrencies = [...others.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([currency, t]) => ({ currency, count: t.count, amount: t.amount, weightedAmount: Math.round(t.weighted) }));
    return { head, cards: cards.get(stage.key) ?? '[]' };
  });
  return { projectId, currency: project.currency, owners, columns };
}

/** The board as the JSON bytes of `Pipeline`: the heads are serialized here, owners and cards are the database's JSON. */
export function boardJson(board: PipelineText): Buffer {
  const top = { projectId: board.projectId, currency: board.currency };
  const parts: JsonText[] = [`${JSON.stringify(top).slice(0, -1)},"owners":`, board.owners, ',"columns":['];
  board.columns.forEach(({ head, cards }, i) => {
    parts.push(`${i === 0 ? '' : ','}${JSON.stringify(head).slice(0, -1)},"cards":`, cards, '}');
  });
  parts.push(']}');
  return jsonBytes(parts);
}
