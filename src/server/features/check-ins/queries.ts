import type { CheckIn } from '../../../core/goals/schemas';
import type { Db, GoalCheckInTable, Trx } from '../../db/database.js';

type Handle = Db | Trx;

export const toCheckIn = (row: GoalCheckInTable): CheckIn => ({
  id: row.id,
  goalId: row.goal_id,
  value: Number(row.value),
  date: row.date,
  comment: row.comment,
  authorId: row.author_id,
  createdAt: row.created_at,
  version: row.version,
});

export async function findCheckIn(db: Handle, workspaceId: string, id: string): Promise<GoalCheckInTable | undefined> {
  return db.selectFrom('goal_check_ins').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
}

/** A goal's check-ins in time order (date, then when they were recorded). */
export async function goalCheckIns(db: Handle, workspaceId: string, goalId: string): Promise<CheckIn[]> {
  const rows = await db
    .selectFrom('goal_check_ins')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('goal_id', '=', goalId)
    .orderBy('date')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(toCheckIn);
}
