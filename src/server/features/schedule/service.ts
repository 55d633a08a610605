import type { ProjectSchedule, ScheduledTaskView } from '../../../core/tasks/schemas.js';
import type { Db, ProjectTable, Trx } from '../../db/database.js';
import type { Auth } from '../../http/access.js';
import { type AppError, notFound, rule } from '../../http/errors.js';
import { canViewProject } from '../projects/policy.js';
import { nameTasks } from '../tasks/queries.js';
import type { ScheduleCache } from './cache.js';
import { calendarOf, inSnapshot, planDependencies, planState, planTasks, viewPlan } from './plan.js';

/** Names the tasks of a refusal that lists task ids (a cycle: "A → B → A"). */
export async function namedRefusal(db: Db | Trx, workspaceId: string, error: AppError): Promise<AppError> {
  const details = error.details as { reason?: string; taskIds?: string[] } | undefined;
  if (details?.reason !== 'CYCLE' || !details.taskIds?.length) return error;
  const cycle = await nameTasks(db, workspaceId, details.taskIds);
  const path = [...cycle, cycle[0]].map((t) => t.title).join(' → ');
  return rule(`The dependencies form a cycle: ${path}`, { reason: 'CYCLE', cycle });
}

/**
 * `GET /projects/{id}/schedule` as JSON, with an ETag naming the plan's state. Computed on read from
 * the tasks and dependencies as they are (one query per table); the answer is kept per app instance
 * for as long as the plan's state key (revision, project and calendar versions, checked on every
 * request) stays the same, so every change shows at once and an unchanged plan costs two small queries
 * (the caller's credentials, then project, role and plan state in one).
 */
export async function getSchedule(db: Db, cache: ScheduleCache, auth: Auth, projectId: string): Promise<{ json: Buffer; etag: string }> {
  const state = await planState(db, auth.workspaceId, projectId, auth.userId);
  if (!state || !canViewProject(auth, state.projectRole)) throw notFound('Project');
  const projectKey = `${auth.workspaceId}/${projectId}`;
  const cached = cache.get(projectKey, state.stateKey);
  if (cached !== undefined) return { json: cached, etag: etagOf(state.stateKey) };
  // Whoever may see the project gets the same schedule: one computation serves concurrent callers.
  return cache.once(projectKey, state.stateKey, () =>
    inSnapshot(db, async (trx) => {
      const now = await planState(trx, auth.workspaceId, projectId, auth.userId);
      if (!now) throw notFound('Project');
      const json = Buffer.from(JSON.stringify(await computeProjectSchedule(trx, auth.workspaceId, now.project)));
      cache.set(projectKey, now.stateKey, json);
      return { json, etag: etagOf(now.stateKey) };
    }),
  );
}

const etagOf = (stateKey: string) => `W/"plan-${stateKey}"`;

/** The schedule of a project as SPEC §4.1 shapes it, summaries rolled up (a 422 when it cannot be scheduled). */
export async function computeProjectSchedule(trx: Db | Trx, workspaceId: string, project: ProjectTable): Promise<ProjectSchedule> {
  const calendar = await calendarOf(trx, workspaceId, project.calendar_id);
  const tasks = await planTasks(trx, workspaceId, project.id);
  const dependencies = await planDependencies(trx, workspaceId, project.id);
  const view = viewPlan({ project, calendar, tasks, dependencies });
  if (view.error || !view.schedule) throw await namedRefusal(trx, workspaceId, view.error ?? rule('The plan cannot be scheduled.'));
  const { schedule, outline, rollups } = view;
  const items = new Array<ScheduledTaskView>(tasks.length);
  for (let k = 0; k < tasks.length; k += 1) {
    const i = outline.order[k];
    const s = schedule.tasks[k];
    items[k] = {
      taskId: s.taskId,
      es: s.es,
      ef: s.ef,
      ls: s.ls,
      lf: s.lf,
      totalFloat: s.totalFloat,
      critical: s.critical,
      startDate: s.startDate,
      finishDate: s.finishDate,
      parentId: tasks[i].parent_id,
      isSummary: outline.isSummary[i] === 1,
      rollup: rollups[i],
    };
  }
  return {
    projectStart: schedule.projectStart,
    projectFinish: schedule.projectFinish,
    calendarId: project.calendar_id,
    tasks: items,
    totals: view.totals,
  };
}
