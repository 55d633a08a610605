import type { ProjectSchedule, ScheduledTaskView } from '../../../core/tasks/schemas.js';
import type { Db, Trx } from '../../db/database.js';
import type { Auth } from '../../http/access.js';
import { type AppError, rule } from '../../http/errors.js';
import { requireProject } from '../projects/service.js';
import { nameTasks } from '../tasks/queries.js';
import { calendarOf, inSnapshot, planDependencies, planTasks, viewPlan } from './plan.js';

/** Names the tasks of a refusal that lists task ids (a cycle: "A → B → A"). */
export async function namedRefusal(db: Db | Trx, workspaceId: string, error: AppError): Promise<AppError> {
  const details = error.details as { reason?: string; taskIds?: string[] } | undefined;
  if (details?.reason !== 'CYCLE' || !details.taskIds?.length) return error;
  const cycle = await nameTasks(db, workspaceId, details.taskIds);
  const path = [...cycle, cycle[0]].map((t) => t.title).join(' → ');
  return rule(`The dependencies form a cycle: ${path}`, { reason: 'CYCLE', cycle });
}

/**
 * `GET /projects/{id}/schedule`: computed on every read from the tasks and dependencies as they are
 * (one query per table), so every change shows at once.
 */
export async function getSchedule(db: Db, auth: Auth, projectId: string): Promise<ProjectSchedule> {
  return inSnapshot(db, async (trx) => {
    const { row } = await requireProject(trx, auth, projectId, 'view');
    const calendar = await calendarOf(trx, auth.workspaceId, row.calendar_id);
    const tasks = await planTasks(trx, auth.workspaceId, projectId);
    const dependencies = await planDependencies(trx, auth.workspaceId, projectId);
    const view = viewPlan({ project: row, calendar, tasks, dependencies });
    if (view.error || !view.schedule) throw await namedRefusal(trx, auth.workspaceId, view.error ?? rule('The plan cannot be scheduled.'));
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
      calendarId: row.calendar_id,
      tasks: items,
      totals: view.totals,
    };
  });
}
