import { ranksAfter } from '../../../core/deals/rank.js';
import { stageKeyFor } from '../../../core/stages/default-stages.js';
import type { Stage, StageCreate, StagePatch } from '../../../core/stages/schemas.js';
import { medianTimeInStage } from '../../../core/stages/stage-durations.js';
import { nowIso } from '../../clock.js';
import type { Db, Trx } from '../../db/database.js';
import type { Auth } from '../../http/access.js';
import { assertCurrent, assertUpdated, changedFields, type Expected } from '../../http/concurrency.js';
import { AppError, notFound, rule } from '../../http/errors.js';
import { newId } from '../../ids.js';
import { recordAudit } from '../audit/record.js';
import { changeStay } from '../deals/stage-history.js';
import { loadStages, stageStays } from './queries.js';

const audit = (
  trx: Trx,
  auth: Auth,
  entityId: string,
  action: 'create' | 'update' | 'delete',
  before: object | null,
  after: object | null,
) => recordAudit(trx, { workspaceId: auth.workspaceId, actorId: auth.userId, entityType: 'stage', entityId, action, before, after });

export async function listStagesFor(db: Db, auth: Auth) {
  return { items: await loadStages(db, auth.workspaceId, auth.userId), nextCursor: null };
}

export async function getStage(db: Db, auth: Auth, id: string): Promise<Stage> {
  const stage = (await loadStages(db, auth.workspaceId, auth.userId)).find((s) => s.id === id);
  if (!stage) throw notFound('Stage');
  return stage;
}

/** The workspace's median days per stage from the stage history (SPEC §3.5's "stuck deal" baseline). */
export async function stageDurations(db: Db, auth: Auth) {
  return { items: medianTimeInStage(await stageStays(db, auth.workspaceId)) };
}

/** Renumbers positions: open stages 0…n−1 in the given order, then won, then lost. */
async function renumber(trx: Trx, workspaceId: string, ordered: Stage[]): Promise<Stage[]> {
  const result: Stage[] = [];
  for (const [index, stage] of ordered.entries()) {
    if (stage.position !== index) {
      await trx.updateTable('stages').set({ position: index }).where('workspace_id', '=', workspaceId).where('id', '=', stage.id).execute();
    }
    result.push({ ...stage, position: index });
  }
  return result;
}

function placed(stages: Stage[], stage: Stage, position: number | undefined): Stage[] {
  const open = stages.filter((s) => s.kind === 'open' && s.id !== stage.id);
  const closed = stages.filter((s) => s.kind !== 'open' && s.id !== stage.id);
  if (stage.kind === 'open') open.splice(Math.min(position ?? open.length, open.length), 0, stage);
  else closed.push(stage);
  return [...open, ...closed.sort((a, b) => (a.kind === 'won' ? -1 : b.kind === 'won' ? 1 : 0))];
}

export async function createStage(db: Db, auth: Auth, input: StageCreate): Promise<Stage> {
  return db.transaction().execute(async (trx) => {
    const stages = await loadStages(trx, auth.workspaceId, auth.userId);
    const taken = new Set(stages.map((s) => s.key));
    if (input.key && taken.has(input.key)) throw new AppError('CONFLICT', 'A stage with this key exists already.', { key: input.key });
    if (stages.length >= 30) throw rule('A workspace has at most 30 stages.');
    const now = nowIso();
    const stage: Stage = {
      id: newId(),
      key: input.key ?? stageKeyFor(input.name, taken),
      name: input.name,
      probability: input.probability,
      position: 0,
      kind: 'open',
      version: 1,
    };
    await trx
      .insertInto('stages')
      .values({
        workspace_id: auth.workspaceId,
        id: stage.id,
        key: stage.key,
        name: stage.name,
        probability: stage.probability,
        position: -1,
        kind: 'open',
        created_at: now,
        updated_at: now,
        version: 1,
      })
      .execute();
    const ordered = await renumber(trx, auth.workspaceId, placed(stages, { ...stage, position: -1 }, input.position));
    const created = ordered.find((s) => s.id === stage.id) as Stage;
    await audit(trx, auth, stage.id, 'create', null, created);
    return created;
  });
}

export async function updateStage(db: Db, auth: Auth, id: string, patch: StagePatch, expected: Expected): Promise<Stage> {
  return db.transaction().execute(async (trx) => {
    const stages = await loadStages(trx, auth.workspaceId, auth.userId);
    const stage = stages.find((s) => s.id === id);
    if (!stage) throw notFound('Stage');
    assertCurrent(stage.version, expected);
    const { version: _v, ...fields } = patch;
    if (stage.kind !== 'open' && fields.position !== undefined && fields.position !== stage.position) {
      throw rule('The won and lost stages stay at the end of the board.');
    }
    if (stage.kind !== 'open' && fields.probability !== undefined && fields.probability !== stage.probability) {
      throw rule(`The ${stage.kind} stage's probability is fixed at ${stage.probability}.`);
    }
    const changed = changedFields(stage, fields);
    if (Object.keys(changed).length === 0) return stage;
    const now = nowIso();
    const next: Stage = { ...stage, ...changed, version: stage.version + 1 };
    const result = await trx
      .updateTable('stages')
      .set({ name: next.name, probability: next.probability, updated_at: now, version: next.version })
      .where('workspace_id', '=', auth.workspaceId)
      .where('id', '=', id)
      .where('version', '=', stage.version)
      .executeTakeFirst();
    assertUpdated(result, 'stage');
    let final = next;
    if (changed.position !== undefined) {
      const ordered = await renumber(trx, auth.workspaceId, placed(stages, { ...next, position: stage.position }, changed.position));
      final = ordered.find((s) => s.id === id) as Stage;
    }
    await audit(trx, auth, id, 'update', stage, final);
    return final;
  });
}

/**
 * Deletes an open stage; its deals move to `moveTo` (key or id of another open stage; default the stage
 * before it, else the one after) at the end of that column, each with a stage-history entry and an
 * audit row, in one transaction.
 */
export async function deleteStage(db: Db, auth: Auth, id: string, moveTo: string | undefined, expected: Expected): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const stages = await loadStages(trx, auth.workspaceId, auth.userId);
    const stage = stages.find((s) => s.id === id);
    if (!stage) throw notFound('Stage');
    assertCurrent(stage.version, expected);
    if (stage.kind !== 'open') throw rule(`The ${stage.kind} stage cannot be deleted.`);
    const open = stages.filter((s) => s.kind === 'open');
    if (open.length === 1) throw rule('A workspace keeps at least one open stage.');
    let target: (typeof stages)[number] | undefined;
    if (moveTo !== undefined) {
      target = stages.find((s) => s.id === moveTo || s.key === moveTo);
      if (target?.kind !== 'open' || target.id === id) {
        throw rule('moveTo must name another open stage of this workspace.', { moveTo });
      }
    } else {
      const index = open.findIndex((s) => s.id === id);
      target = open[index - 1] ?? open[index + 1];
    }
    const now = nowIso();
    const deals = await trx
      .selectFrom('deals')
      .select(['id', 'project_id', 'version'])
      .where('workspace_id', '=', auth.workspaceId)
      .where('stage', '=', stage.key)
      .orderBy('project_id')
      .orderBy('rank')
      .orderBy('id')
      .execute();
    const byProject = new Map<string, typeof deals>();
    for (const deal of deals) byProject.set(deal.project_id, [...(byProject.get(deal.project_id) ?? []), deal]);
    for (const [projectId, list] of byProject) {
      const last = await trx
        .selectFrom('deals')
        .select('rank')
        .where('workspace_id', '=', auth.workspaceId)
        .where('project_id', '=', projectId)
        .where('stage', '=', target.key)
        .orderBy('rank', 'desc')
        .limit(1)
        .executeTakeFirst();
      const ranks = ranksAfter(last?.rank ?? null, list.length);
      for (const [i, deal] of list.entries()) {
        await trx
          .updateTable('deals')
          .set({ stage: target.key, rank: ranks[i], stage_entered_at: now, updated_at: now, version: deal.version + 1 })
          .where('workspace_id', '=', auth.workspaceId)
          .where('id', '=', deal.id)
          .execute();
        await changeStay(trx, { workspaceId: auth.workspaceId, dealId: deal.id, projectId, stage: target.key, at: now, by: auth.userId });
        await recordAudit(trx, {
          workspaceId: auth.workspaceId,
          actorId: auth.userId,
          entityType: 'deal',
          entityId: deal.id,
          projectId,
          action: 'update',
          before: { stage: stage.key, version: deal.version },
          after: { stage: target.key, version: deal.version + 1 },
        });
      }
    }
    await trx.deleteFrom('stages').where('workspace_id', '=', auth.workspaceId).where('id', '=', id).execute();
    await renumber(
      trx,
      auth.workspaceId,
      stages.filter((s) => s.id !== id),
    );
    await audit(trx, auth, id, 'delete', stage, { movedDealsTo: target.key, deals: deals.length });
  });
}
