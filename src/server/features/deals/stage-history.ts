import { insertTogether, type TableRow } from '../../db/bulk.js';
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

/**
 * Closes the deal's current stay and opens one in `entry.stage`, in the transaction of the stage change,
 * with `alsoInsert` (the change's audit record): one statement on PostgreSQL (`insertTogether`).
 */
export async function changeStay(trx: Trx, entry: StageEntry, alsoInsert: TableRow[] = []): Promise<void> {
  const leave = trx
    .updateTable('deal_stage_history')
    .set({ left_at: entry.at, left_by: entry.by })
    .where('workspace_id', '=', entry.workspaceId)
    .where('deal_id', '=', entry.dealId)
    .where('left_at', 'is', null)
    .compile();
  await insertTogether(trx, [['deal_stage_history', stayRow(entry)], ...alsoInsert], [leave]);
}
