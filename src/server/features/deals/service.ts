import { rankBetween } from '../../../core/deals/rank.js';
import type { Deal, DealCreate, DealListQuery, DealPatch, StageHistoryEntry } from '../../../core/deals/schemas.js';
import type { Stage } from '../../../core/stages/schemas.js';
import { nowIso, todayIn } from '../../clock.js';
import { insertTogether } from '../../db/bulk.js';
import type { Db, Trx } from '../../db/database.js';
import type { Auth } from '../../http/access.js';
import { assertCurrent, assertUpdated, changedFields, type Expected } from '../../http/concurrency.js';
import { forbidden, notFound, rule } from '../../http/errors.js';
import { newId } from '../../ids.js';
import { findAccount } from '../accounts/queries.js';
import { checkOwner } from '../accounts/service.js';
import { type AuditInput, auditRow, recordAudit } from '../audit/record.js';
import { requireProject } from '../projects/service.js';
import { loadStages } from '../stages/queries.js';
import { canEditDeals } from './policy.js';
import { findDeal, lastRank, listDealsJson, stageHistory, toRow, userTimeZone } from './queries.js';
import { changeStay, stayRow } from './stage-history.js';

/** What the audit log keeps of a deal (the account's name is not the deal's). */
export const audited = ({ accountName: _a, ...deal }: Deal) => deal;

/** The audit record of a change to a deal. */
function dealAudit(auth: Auth, deal: Deal, action: 'create' | 'update' | 'delete', before: Deal | null): AuditInput {
  return {
    workspaceId: auth.workspaceId,
    actorId: auth.userId,
    entityType: 'deal',
    entityId: deal.id,
    projectId: deal.projectId,
    action,
    before: before && audited(before),
    after: action === 'delete' ? null : audited(deal),
  };
}

export async function auditDeal(trx: Trx, auth: Auth, deal: Deal, action: 'create' | 'update' | 'delete', before: Deal | null) {
  await recordAudit(trx, dealAudit(auth, deal, action, before));
}

/** Loads a deal the caller may see (404 otherwise) and, with `edit`, change (403). */
export async function requireDeal(db: Db | Trx, auth: Auth, id: string, edit: boolean) {
  const deal = await findDeal(db, auth.workspaceId, id);
  if (!deal) throw notFound('Deal');
  const { row: project, projectRole } = await requireProject(db, auth, deal.projectId, 'view');
  if (edit && !canEditDeals(auth, projectRole)) throw forbidden('Only the project’s team can change its deals.');
  return { deal, project };
}

export async function requireProjectForDeals(db: Db | Trx, auth: Auth, projectId: string, edit: boolean) {
  const { row, projectRole } = await requireProject(db, auth, projectId, 'view');
  if (edit && !canEditDeals(auth, projectRole)) throw forbidden('Only the project’s team can change its deals.');
  return row;
}

export function stageByKey(stages: Stage[], key: string): Stage {
  const stage = stages.find((s) => s.key === key);
  if (!stage) throw rule(`There is no stage "${key}" in this workspace.`, { stage: key, stages: stages.map((s) => s.key) });
  return stage;
}

/** Account, contact and owner must be the workspace's; the account's name for the answer. */
export async function checkReferences(
  trx: Trx,
  auth: Auth,
  refs: { accountId?: string | null; contactId?: string | null; ownerId?: string | null },
): Promise<string | null | undefined> {
  let accountName: string | null | undefined;
  if (refs.accountId !== undefined) {
    accountName = null;
    if (refs.accountId !== null) {
      const account = await findAccount(trx, auth.workspaceId, refs.accountId);
      if (!account) throw rule('This account does not exist in the workspace.', { accountId: refs.accountId });
      accountName = account.name;
    }
  }
  if (refs.contactId) {
    const contact = await trx
      .selectFrom('contacts')
      .select('id')
      .where('workspace_id', '=', auth.workspaceId)
      .where('id', '=', refs.contactId)
      .executeTakeFirst();
    if (!contact) throw rule('This contact does not exist in the workspace.', { contactId: refs.contactId });
  }
  await checkOwner(trx, auth, refs.ownerId);
  return accountName;
}

/** The closing fields must fit the status: close date on closed deals, lost reason on lost ones, contract on won ones. */
export function checkStatusFields(deal: Pick<Deal, 'status' | 'closeDate' | 'lostReason' | 'contract'>): void {
  if (deal.status === 'open' && deal.closeDate !== null)
    throw rule('An open deal has no close date; win or lose it to close it.', { field: 'closeDate' });
  if (deal.status !== 'open' && deal.closeDate === null) throw rule('A closed deal keeps its close date.', { field: 'closeDate' });
  if (deal.status === 'lost' && deal.lostReason === '') throw rule('A lost deal needs a lost reason.', { field: 'lostReason' });
  if (deal.status !== 'lost' && deal.lostReason !== '') throw rule('Only a lost deal has a lost reason.', { field: 'lostReason' });
  if (deal.status !== 'won' && deal.contract !== null) throw rule('Only a won deal has a contract.', { field: 'contract' });
}

/** A page of a project's deals, as the answer's JSON bytes (access checked on `db`, the page read on `reads`). */
export async function listProjectDeals(db: Db, reads: Db, auth: Auth, projectId: string, query: DealListQuery): Promise<Buffer> {
  await requireProjectForDeals(db, auth, projectId, false);
  return listDealsJson(reads, auth.workspaceId, projectId, query);
}

export async function getDeal(db: Db, auth: Auth, id: string): Promise<Deal> {
  return (await requireDeal(db, auth, id, false)).deal;
}

export async function createDeal(db: Db, auth: Auth, projectId: string, input: DealCreate): Promise<Deal> {
  return db.transaction().execute(async (trx) => {
    const project = await requireProjectForDeals(trx, auth, projectId, true);
    const stages = await loadStages(trx, auth.workspaceId, auth.userId);
    const stage = input.stage ? stageByKey(stages, input.stage) : (stages.find((s) => s.kind === 'open') as Stage);
    const ownerId = input.ownerId === undefined ? auth.userId : input.ownerId;
    const accountName = await checkReferences(trx, auth, { accountId: input.accountId, contactId: input.contactId, ownerId });
    const now = nowIso();
    const closeDate = stage.kind === 'open' ? input.closeDate : (input.closeDate ?? todayIn(await userTimeZone(trx, auth.userId)));
    const deal: Deal = {
      id: newId(),
      projectId,
      title: input.title,
      accountId: input.accountId,
      accountName: accountName ?? null,
      contactId: input.contactId,
      amount: input.amount,
      currency: input.currency ?? project.currency,
      stage: stage.key,
      probability: input.probability,
      expectedCloseDate: input.expectedCloseDate,
      closeDate,
      status: stage.kind,
      ownerId,
      source: input.source,
      lostReason: input.lostReason,
      contract: input.contract,
      rank: rankBetween(await lastRank(trx, auth.workspaceId, projectId, stage), null),
      stageEnteredAt: now,
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    checkStatusFields(deal);
    // The deal, its first stay and its audit record: one statement on PostgreSQL.
    await insertTogether(trx, [
      ['deals', toRow(auth.workspaceId, deal)],
      [
        'deal_stage_history',
        stayRow({ workspaceId: auth.workspaceId, dealId: deal.id, projectId, stage: stage.key, at: now, by: auth.userId }),
      ],
      ['audit_log', auditRow(dealAudit(auth, deal, 'create', null))],
    ]);
    return deal;
  });
}

/** Writes `next` over `current` when nobody changed it meanwhile (409 otherwise), with its audit row. */
export async function saveDeal(trx: Trx, auth: Auth, current: Deal, next: Deal): Promise<Deal> {
  const result = await trx
    .updateTable('deals')
    .set(toRow(auth.workspaceId, next))
    .where('workspace_id', '=', auth.workspaceId)
    .where('id', '=', current.id)
    .where('version', '=', current.version)
    .executeTakeFirst();
  assertUpdated(result, 'deal');
  const audit = dealAudit(auth, next, 'update', current);
  if (next.stage === current.stage) await recordAudit(trx, audit);
  else {
    // The old stay closed, the new one opened and the audit record: one statement on PostgreSQL.
    const entry = {
      workspaceId: auth.workspaceId,
      dealId: current.id,
      projectId: current.projectId,
      stage: next.stage,
      at: next.stageEnteredAt,
      by: auth.userId,
    };
    await changeStay(trx, entry, [['audit_log', auditRow(audit)]]);
  }
  return next;
}

export async function updateDeal(db: Db, auth: Auth, id: string, patch: DealPatch, expected: Expected): Promise<Deal> {
  return db.transaction().execute(async (trx) => {
    const { deal } = await requireDeal(trx, auth, id, true);
    assertCurrent(deal.version, expected);
    const { version: _v, ...fields } = patch;
    const changed = changedFields(deal, fields);
    if (fields.contract !== undefined && JSON.stringify(fields.contract) === JSON.stringify(deal.contract)) delete changed.contract;
    if (Object.keys(changed).length === 0) return deal;
    const now = nowIso();
    const next: Deal = { ...deal, ...changed, updatedAt: now, version: deal.version + 1 };
    if (changed.stage !== undefined) {
      const stage = stageByKey(await loadStages(trx, auth.workspaceId, auth.userId), changed.stage);
      if (deal.status !== 'open' || stage.kind !== 'open') {
        throw rule('Move deals between open stages here; win, lose or reopen them with their actions.', { field: 'stage' });
      }
      next.rank = rankBetween(await lastRank(trx, auth.workspaceId, deal.projectId, stage), null);
      next.stageEnteredAt = now;
    }
    const accountName = await checkReferences(trx, auth, {
      accountId: changed.accountId,
      contactId: changed.contactId,
      ownerId: changed.ownerId,
    });
    if (accountName !== undefined) next.accountName = accountName;
    checkStatusFields(next);
    return saveDeal(trx, auth, deal, next);
  });
}

export async function deleteDeal(db: Db, auth: Auth, id: string, expected: Expected): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const { deal } = await requireDeal(trx, auth, id, true);
    assertCurrent(deal.version, expected);
    const result = await trx.deleteFrom('deals').where('workspace_id', '=', auth.workspaceId).where('id', '=', id).executeTakeFirst();
    if (Number(result.numDeletedRows) !== 1) throw notFound('Deal');
    await auditDeal(trx, auth, deal, 'delete', deal);
  });
}

export async function dealStageHistory(db: Db, auth: Auth, id: string): Promise<{ items: StageHistoryEntry[]; nextCursor: null }> {
  await requireDeal(db, auth, id, false);
  const rows = await stageHistory(db, auth.workspaceId, id);
  return {
    items: rows.map((row) => ({
      id: row.id,
      stage: row.stage,
      stageName: row.stage_name ?? null,
      enteredAt: row.entered_at,
      leftAt: row.left_at,
      enteredBy: row.entered_by,
      enteredByName: row.entered_by_name ?? null,
      leftBy: row.left_by,
    })),
    nextCursor: null,
  };
}
