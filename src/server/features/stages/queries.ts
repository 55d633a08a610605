import type { Locale } from '../../../core/common/schemas.js';
import { DEFAULT_STAGES } from '../../../core/stages/default-stages.js';
import type { Stage, StageKind } from '../../../core/stages/schemas.js';
import { nowIso } from '../../clock.js';
import type { Db, StageTable, Trx } from '../../db/database.js';
import { newId } from '../../ids.js';

export const toStage = (row: StageTable): Stage => ({
  id: row.id,
  key: row.key,
  name: row.name,
  probability: Number(row.probability),
  position: row.position,
  kind: row.kind as StageKind,
  version: row.version,
});

const KIND_ORDER: Record<string, number> = { open: 0, won: 1, lost: 2 };

/** Board order: open stages by position, then won, then lost. */
export const byBoardOrder = (a: Stage, b: Stage) =>
  KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.position - b.position || (a.key < b.key ? -1 : 1);

export async function selectStages(db: Db | Trx, workspaceId: string): Promise<Stage[]> {
  const rows = await db.selectFrom('stages').selectAll().where('workspace_id', '=', workspaceId).execute();
  return rows.map(toStage).sort(byBoardOrder);
}

/** Inserts the default stages (SPEC §4.1) that the workspace lacks; a concurrent seed of the same key is ignored. */
export async function insertDefaultStages(db: Db | Trx, workspaceId: string, locale: Locale): Promise<void> {
  const now = nowIso();
  await db
    .insertInto('stages')
    .values(
      DEFAULT_STAGES.map((stage, index) => ({
        workspace_id: workspaceId,
        id: newId(),
        key: stage.key,
        name: stage.names[locale],
        probability: stage.probability,
        position: index,
        kind: stage.kind,
        created_at: now,
        updated_at: now,
        version: 1,
      })),
    )
    .onConflict((oc) => oc.columns(['workspace_id', 'key']).doNothing())
    .execute();
}

export async function userLocale(db: Db | Trx, userId: string): Promise<Locale> {
  const row = await db.selectFrom('users').select('locale').where('id', '=', userId).executeTakeFirst();
  return row?.locale === 'zh-CN' ? 'zh-CN' : 'en';
}

/**
 * The workspace's stages in board order. A workspace made before stages existed gets the default set
 * on first use (in the caller's language).
 */
export async function loadStages(db: Db | Trx, workspaceId: string, userId: string): Promise<Stage[]> {
  const stages = await selectStages(db, workspaceId);
  if (stages.length > 0) return stages;
  await insertDefaultStages(db, workspaceId, await userLocale(db, userId));
  return selectStages(db, workspaceId);
}

export async function countDealsInStage(db: Db | Trx, workspaceId: string, key: string): Promise<number> {
  const row = await db
    .selectFrom('deals')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('workspace_id', '=', workspaceId)
    .where('stage', '=', key)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function stageStays(db: Db, workspaceId: string) {
  return db
    .selectFrom('deal_stage_history')
    .select(['stage', 'entered_at as enteredAt', 'left_at as leftAt'])
    .where('workspace_id', '=', workspaceId)
    .where('left_at', 'is not', null)
    .execute();
}
