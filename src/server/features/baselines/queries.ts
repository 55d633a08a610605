import { sql } from 'kysely';
import type { Baseline, BaselineTask } from '../../../core/baselines/schemas.js';
import type { BaselineTable, BaselineTaskTable, Db, Trx } from '../../db/database.js';

type Handle = Db | Trx;

const baselineSelect = (db: Handle, workspaceId: string) =>
  db
    .selectFrom('baselines as b')
    .selectAll('b')
    .select(
      sql<number>`(select count(*) from baseline_tasks bt where bt.workspace_id = b.workspace_id and bt.baseline_id = b.id)`.as(
        'task_count',
      ),
    )
    .where('b.workspace_id', '=', workspaceId);

export const toBaseline = (row: BaselineTable & { task_count: number | string }): Baseline => ({
  id: row.id,
  projectId: row.project_id,
  name: row.name,
  projectStart: row.project_start,
  projectFinish: row.project_finish,
  taskCount: Number(row.task_count),
  createdBy: row.created_by,
  createdAt: row.created_at,
});

export const toBaselineTask = (row: BaselineTaskTable): BaselineTask => ({
  taskId: row.task_id,
  parentId: row.parent_id,
  title: row.title,
  isSummary: Boolean(row.is_summary),
  es: row.es,
  ef: row.ef,
  startDate: row.start_date,
  finishDate: row.finish_date,
  duration: row.duration,
  plannedCost: Number(row.planned_cost),
});

export async function findBaseline(db: Handle, workspaceId: string, id: string): Promise<Baseline | undefined> {
  const row = await baselineSelect(db, workspaceId).where('b.id', '=', id).executeTakeFirst();
  return row && toBaseline(row);
}

export async function listBaselines(db: Handle, workspaceId: string, projectId: string): Promise<Baseline[]> {
  const rows = await baselineSelect(db, workspaceId)
    .where('b.project_id', '=', projectId)
    .orderBy('b.created_at', 'desc')
    .orderBy('b.id', 'desc')
    .execute();
  return rows.map(toBaseline);
}

export async function countBaselines(db: Handle, workspaceId: string, projectId: string): Promise<number> {
  const row = await db
    .selectFrom('baselines')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('workspace_id', '=', workspaceId)
    .where('project_id', '=', projectId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function baselineTasks(db: Handle, workspaceId: string, baselineId: string): Promise<BaselineTask[]> {
  const rows = await db
    .selectFrom('baseline_tasks')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('baseline_id', '=', baselineId)
    .orderBy('position')
    .execute();
  return rows.map(toBaselineTask);
}

export async function insertBaselineTasks(trx: Trx, rows: readonly BaselineTaskTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200)
    await trx
      .insertInto('baseline_tasks')
      .values(rows.slice(i, i + 200))
      .execute();
}
