import type { z } from 'zod';
import { rankBetween } from '../../../core/deals/rank.js';
import type { Deal, LoseBody, MoveBody, ReopenBody, WinBody } from '../../../core/deals/schemas.js';
import type { Stage } from '../../../core/stages/schemas.js';
import { nowIso, todayIn } from '../../clock.js';
import type { Db, Trx } from '../../db/database.js';
import type { Auth } from '../../http/access.js';
import { assertCurrent, type Expected } from '../../http/concurrency.js';
import { AppError, rule } from '../../http/errors.js';
import { loadStages } from '../stages/queries.js';
import { cardBefore, columnSlice, lastRank, lastStagesOf, userTimeZone } from './queries.js';
import { checkStatusFields, requireDeal, saveDeal, stageByKey } from './service.js';

const stageOfKind = (stages: Stage[], kind: 'won' | 'lost') => stages.find((s) => s.kind === kind) as Stage;
const today = async (trx: Trx, auth: Auth) => todayIn(await userTimeZone(trx, auth.userId));

/** Wins an open deal: the won stage, a close date (today in the caller's time zone unless given), the contract. */
export async function winDeal(db: Db, auth: Auth, id: string, body: z.infer<typeof WinBody>, expected: Expected): Promise<Deal> {
  return db.transaction().execute(async (trx) => {
    const { deal } = await requireDeal(trx, auth, id, true);
    assertCurrent(deal.version, expected);
    if (deal.status !== 'open') throw rule(`This deal is ${deal.status} already; reopen it first.`, { status: deal.status });
    const won = stageOfKind(await loadStages(trx, auth.workspaceId, auth.userId), 'won');
    const now = nowIso();
    const next: Deal = {
      ...deal,
      status: 'won',
      stage: won.key,
      closeDate: body.closeDate ?? (await today(trx, auth)),
      contract: body.contract ?? deal.contract,
      stageEnteredAt: now,
      updatedAt: now,
      version: deal.version + 1,
    };
    return saveDeal(trx, auth, deal, next);
  });
}

export async function loseDeal(db: Db, auth: Auth, id: string, body: z.infer<typeof LoseBody>, expected: Expected): Promise<Deal> {
  return db.transaction().execute(async (trx) => {
    const { deal } = await requireDeal(trx, auth, id, true);
    assertCurrent(deal.version, expected);
    if (deal.status !== 'open') throw rule(`This deal is ${deal.status} already; reopen it first.`, { status: deal.status });
    const lost = stageOfKind(await loadStages(trx, auth.workspaceId, auth.userId), 'lost');
    const now = nowIso();
    const next: Deal = {
      ...deal,
      status: 'lost',
      stage: lost.key,
      closeDate: body.closeDate ?? (await today(trx, auth)),
      lostReason: body.lostReason,
      stageEnteredAt: now,
      updatedAt: now,
      version: deal.version + 1,
    };
    return saveDeal(trx, auth, deal, next);
  });
}

/** Reopens a won or lost deal into an open stage (given, else the last open stage it was in), at the end of that column. */
export async function reopenDeal(db: Db, auth: Auth, id: string, body: z.infer<typeof ReopenBody>, expected: Expected): Promise<Deal> {
  return db.transaction().execute(async (trx) => {
    const { deal } = await requireDeal(trx, auth, id, true);
    assertCurrent(deal.version, expected);
    if (deal.status === 'open') throw rule('This deal is open already.', { status: deal.status });
    const stages = await loadStages(trx, auth.workspaceId, auth.userId);
    const open = stages.filter((s) => s.kind === 'open');
    let target: Stage | undefined;
    if (body.stage) {
      target = stageByKey(stages, body.stage);
      if (target.kind !== 'open') throw rule('Reopen a deal into an open stage.', { field: 'stage' });
    } else {
      const previous = await lastStagesOf(trx, auth.workspaceId, id);
      target = previous.map((key) => open.find((s) => s.key === key)).find(Boolean) ?? open[0];
    }
    const now = nowIso();
    const next: Deal = {
      ...deal,
      status: 'open',
      stage: target.key,
      closeDate: null,
      lostReason: '',
      contract: null,
      rank: rankBetween(await lastRank(trx, auth.workspaceId, deal.projectId, target), null),
      stageEnteredAt: now,
      updatedAt: now,
      version: deal.version + 1,
    };
    return saveDeal(trx, auth, deal, next);
  });
}

/** The rank for a card dropped into a column before `beforeId`, at `index`, or at the end. */
async function rankForDrop(trx: Trx, auth: Auth, deal: Deal, stage: string, body: MoveBody): Promise<string> {
  const { workspaceId } = auth;
  let low: string | null;
  let high: string | null;
  if (body.beforeId) {
    const before = await trx
      .selectFrom('deals')
      .select(['id', 'rank'])
      .where('workspace_id', '=', workspaceId)
      .where('project_id', '=', deal.projectId)
      .where('stage', '=', stage)
      .where('id', '=', body.beforeId)
      .executeTakeFirst();
    if (!before || before.id === deal.id) throw rule('beforeId must be another card of the target column.', { beforeId: body.beforeId });
    high = before.rank;
    low = (await cardBefore(trx, workspaceId, deal.projectId, stage, before, deal.id))?.rank ?? null;
  } else if (body.index !== undefined && body.index > 0) {
    const pair = await columnSlice(trx, workspaceId, deal.projectId, stage, deal.id, body.index - 1, 2);
    low = pair[0]?.rank ?? (await lastRankExcept(trx, auth, deal, stage));
    high = pair[1]?.rank ?? null;
  } else if (body.index === 0) {
    low = null;
    high = (await columnSlice(trx, workspaceId, deal.projectId, stage, deal.id, 0, 1))[0]?.rank ?? null;
  } else {
    low = await lastRankExcept(trx, auth, deal, stage);
    high = null;
  }
  if (low !== null && high !== null && low >= high) return respread(trx, auth, deal, stage, high);
  return rankBetween(low, high);
}

async function lastRankExcept(trx: Trx, auth: Auth, deal: Deal, stage: string): Promise<string | null> {
  const rows = await trx
    .selectFrom('deals')
    .select('rank')
    .where('workspace_id', '=', auth.workspaceId)
    .where('project_id', '=', deal.projectId)
    .where('stage', '=', stage)
    .where('id', '!=', deal.id)
    .orderBy('rank', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .execute();
  return rows[0]?.rank ?? null;
}

/**
 * Two cards share a rank (two creations raced): give the column fresh, distinct ranks in its current
 * order and place the dropped card just before the card that had rank `high`. Rare; one column only.
 */
async function respread(trx: Trx, auth: Auth, deal: Deal, stage: string, high: string): Promise<string> {
  const cards = await columnSlice(trx, auth.workspaceId, deal.projectId, stage, deal.id, 0, 100_000);
  let previous: string | null = null;
  let result: string | null = null;
  for (const card of cards) {
    if (result === null && card.rank === high) {
      result = rankBetween(previous, null);
      previous = result;
    }
    const rank = rankBetween(previous, null);
    await trx.updateTable('deals').set({ rank }).where('workspace_id', '=', auth.workspaceId).where('id', '=', card.id).execute();
    previous = rank;
  }
  return result ?? rankBetween(previous, null);
}

/**
 * A drop on the board: into another stage and/or another place in a column, in one transaction with
 * its stage-history entry. Dropping on the won stage wins the deal (close date today), on the lost stage
 * loses it (a lost reason is required), on an open stage from won/lost reopens it. A stale `version`
 * answers 409 and changes nothing.
 */
export async function moveDeal(db: Db, auth: Auth, id: string, body: MoveBody, expected: Expected): Promise<Deal> {
  return db.transaction().execute(async (trx) => {
    const { deal } = await requireDeal(trx, auth, id, true);
    assertCurrent(deal.version, expected);
    const stages = await loadStages(trx, auth.workspaceId, auth.userId);
    if (body.beforeId != null && body.index !== undefined) {
      const message = 'give either beforeId or index';
      throw new AppError('VALIDATION', `Invalid body field "index": ${message}`, [{ in: 'body', path: 'index', message }]);
    }
    const target = body.stageId ? stages.find((s) => s.id === body.stageId) : stageByKey(stages, body.stage ?? deal.stage);
    if (!target) throw rule('There is no such stage in this workspace.', { stageId: body.stageId });
    if (body.stage && body.stageId && target.key !== body.stage) throw rule('stage and stageId name different stages.', { field: 'stage' });
    const now = nowIso();
    const next: Deal = { ...deal, stage: target.key, updatedAt: now, version: deal.version + 1 };
    next.rank = await rankForDrop(trx, auth, deal, target.key, body);
    if (target.key !== deal.stage) {
      next.stageEnteredAt = now;
      next.status = target.kind;
      if (target.kind === 'open') {
        next.closeDate = null;
        next.lostReason = '';
        next.contract = null;
      } else {
        next.closeDate = await today(trx, auth);
        if (target.kind === 'won') next.lostReason = '';
        if (target.kind === 'lost') {
          if (!body.lostReason) throw rule('Say why the deal was lost (lostReason).', { field: 'lostReason' });
          next.lostReason = body.lostReason;
          next.contract = null;
        }
      }
    }
    checkStatusFields(next);
    return saveDeal(trx, auth, deal, next);
  });
}
