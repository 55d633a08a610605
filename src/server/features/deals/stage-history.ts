import type { DealStageHistoryTable, Trx } from '../../db/database.js';
import { newId } from '../../ids.js';

export type StageEntry = { workspaceId: string; dealId: string; projectId: string; stage: string; at: string; by: string | null };

/** The row of a stay that starts now (open: no `left_at`). */
export function stayRow(entry: StageEntry): DealStageHistoryTable {
  return {
    workspace_id: entry.workspaceId,
    id: newId(),
    deal_id: entry.dealId,
    project_id: entry.projectId,
    stage: entry.stage,
    entered_at: entry.at,
    left_at: null,
    entered_by: entry.by,
    left_by: null,
  };
}

/** Opens a deal's stay in `entry.stage`. Call inside the transaction that writes the deal. */
export async function openStay(trx: Trx, entry: StageEntry): Promise<void> {
  await trx.insertInto('deal_stage_history').values(stayRow(entry)).execute();
}

/** Closes the deal's current stay and opens one in `entry.stage`, in the transaction of the stage change. */
export async function changeStay(trx: Trx, entry: StageEntry): Promise<void> {
  await trx
    .updateTable('deal_stage_history')
    .set({ left_at: entry.at, left_by: entry.by })
    .where('workspace_id', '=', entry.workspaceId)
    .where('deal_id', '=', entry.dealId)
    .where('left_at', 'is', null)
    .execute();
  await openStay(trx, entry);
}
