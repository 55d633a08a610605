import type { Baseline, BaselineCreate, BaselineDetail, BaselineVariance } from '../../../core/baselines/schemas.js';
import { computeVariance, type DatedTask } from '../../../core/baselines/variance.js';
import type { WorkingCalendar } from '../../../core/calendar/calendar';
import { nowIso } from '../../clock.js';
import type { BaselineTaskTable, Db, ProjectTable, TaskTable, Trx } from '../../db/database.js';
import type { Auth } from '../../http/access.js';
import { notFound, rule } from '../../http/errors.js';
import { newId } from '../../ids.js';
import { recordAudit } from '../audit/record.js';
import { requireProject } from '../projects/service.js';
import { calendarOf, inSnapshot, type PlanView, planDependencies, viewPlan } from '../schedule/plan.js';
import { namedRefusal } from '../schedule/service.js';
import { lockPlan, projectTaskRows } from '../tasks/queries.js';
import { baselineTasks, countBaselines, findBaseline, insertBaselineTasks, listBaselines } from './queries.js';

/** Baselines a project keeps at most (Microsoft Project keeps 11). */
export const MAX_BASELINES = 50;

type CurrentPlan = {
  project: ProjectTable;
  calendar: WorkingCalendar;
  rows: TaskTable[];
  view: PlanView & { schedule: NonNullable<PlanView['schedule']> };
};

/** The project's current schedule, or the 422 that says why it has none. */
async function currentPlan(trx: Db | Trx, auth: Auth, project: ProjectTable): Promise<CurrentPlan> {
  const calendar = await calendarOf(trx, auth.workspaceId, project.calendar_id);
  const rows = await projectTaskRows(trx, auth.workspaceId, project.id);
  const dependencies = await planDependencies(trx, auth.workspaceId, project.id);
  const view = viewPlan({ project, calendar, tasks: rows, dependencies });
  if (view.error || !view.schedule) throw await namedRefusal(trx, auth.workspaceId, view.error ?? rule('The plan cannot be scheduled.'));
  return { project, calendar, rows, view: { ...view, schedule: view.schedule } };
}

/** Each task of the plan with its dates, in outline order (a summary's duration is its span). */
function datedTasks({ rows, view }: CurrentPlan): (DatedTask & { row: TaskTable; es: number; ef: number; plannedCost: number })[] {
  return view.schedule.tasks.map((s, k) => {
    const i = view.outline.order[k];
    const row = rows[i];
    const rollup = view.rollups[i];
    return {
      row,
      taskId: row.id,
      title: row.title,
      isSummary: rollup !== null,
      startDate: s.startDate,
      finishDate: s.finishDate,
      duration: rollup ? rollup.duration : row.duration,
      plannedCost: rollup ? rollup.plannedCost : Number(row.planned_cost),
      es: s.es,
      ef: s.ef,
    };
  });
}

export async function listProjectBaselines(db: Db, auth: Auth, projectId: string) {
  await requireProject(db, auth, projectId, 'view');
  return { items: await listBaselines(db, auth.workspaceId, projectId), nextCursor: null };
}

async function requireBaseline(db: Db | Trx, auth: Auth, id: string, need: 'view' | 'manage') {
  const baseline = await findBaseline(db, auth.workspaceId, id);
  if (!baseline) throw notFound('Baseline');
  const access = await requireProject(db, auth, baseline.projectId, need);
  return { baseline, project: access.row };
}

export async function getBaseline(db: Db, auth: Auth, id: string): Promise<BaselineDetail> {
  return inSnapshot(db, async (trx) => {
    const { baseline } = await requireBaseline(trx, auth, id, 'view');
    return { ...baseline, tasks: await baselineTasks(trx, auth.workspaceId, id) };
  });
}

/** Saves the current schedule under a name: per task its early dates, indices, duration and planned cost. */
export async function createBaseline(db: Db, auth: Auth, projectId: string, input: BaselineCreate): Promise<Baseline> {
  return db.transaction().execute(async (trx) => {
    const { row: project } = await requireProject(trx, auth, projectId, 'manage');
    await lockPlan(trx, auth.workspaceId, projectId);
    if ((await countBaselines(trx, auth.workspaceId, projectId)) >= MAX_BASELINES) {
      throw rule(`A project keeps at most ${MAX_BASELINES} baselines; delete an old one first.`, { max: MAX_BASELINES });
    }
    const plan = await currentPlan(trx, auth, project);
    const now = nowIso();
    const id = newId();
    await trx
      .insertInto('baselines')
      .values({
        workspace_id: auth.workspaceId,
        id,
        project_id: projectId,
        name: input.name,
        project_start: plan.view.schedule.projectStart,
        project_finish: plan.view.schedule.projectFinish,
        created_by: auth.userId,
        created_at: now,
      })
      .execute();
    const rows: BaselineTaskTable[] = datedTasks(plan).map((t, position) => ({
      workspace_id: auth.workspaceId,
      baseline_id: id,
      task_id: t.taskId,
      parent_id: t.row.parent_id,
      position,
      title: t.title,
      is_summary: t.isSummary ? 1 : 0,
      es: t.es,
      ef: t.ef,
      start_date: t.startDate,
      finish_date: t.finishDate,
      duration: t.duration,
      planned_cost: t.plannedCost,
    }));
    await insertBaselineTasks(trx, rows);
    const baseline: Baseline = {
      id,
      projectId,
      name: input.name,
      projectStart: plan.view.schedule.projectStart,
      projectFinish: plan.view.schedule.projectFinish,
      taskCount: rows.length,
      createdBy: auth.userId,
      createdAt: now,
    };
    await recordAudit(trx, {
      workspaceId: auth.workspaceId,
      actorId: auth.userId,
      entityType: 'baseline',
      entityId: id,
      projectId,
      action: 'create',
      after: baseline,
    });
    return baseline;
  });
}

export async function deleteBaseline(db: Db, auth: Auth, id: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const { baseline } = await requireBaseline(trx, auth, id, 'manage');
    const result = await trx.deleteFrom('baselines').where('workspace_id', '=', auth.workspaceId).where('id', '=', id).executeTakeFirst();
    // Deleted meanwhile by a concurrent request: that one answered 204 and wrote the audit row.
    if (Number(result.numDeletedRows) !== 1) throw notFound('Baseline');
    await recordAudit(trx, {
      workspaceId: auth.workspaceId,
      actorId: auth.userId,
      entityType: 'baseline',
      entityId: id,
      projectId: baseline.projectId,
      action: 'delete',
      before: baseline,
    });
  });
}

/** The current plan against a baseline: per task start and finish slip and duration change, and the project's finish slip. */
export async function baselineVariance(db: Db, auth: Auth, id: string): Promise<BaselineVariance> {
  return inSnapshot(db, async (trx) => {
    const { baseline, project } = await requireBaseline(trx, auth, id, 'view');
    const saved = await baselineTasks(trx, auth.workspaceId, id);
    const plan = await currentPlan(trx, auth, project);
    const variance = computeVariance(
      plan.calendar,
      { projectStart: baseline.projectStart, projectFinish: baseline.projectFinish, tasks: saved },
      { projectStart: plan.view.schedule.projectStart, projectFinish: plan.view.schedule.projectFinish, tasks: datedTasks(plan) },
    );
    return { baselineId: baseline.id, baselineName: baseline.name, ...variance };
  });
}
