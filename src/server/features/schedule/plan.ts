import { mondayToFridayCalendar, type WorkingCalendar } from '../../../core/calendar/calendar';
import type { DependencyType } from '../../../core/dependencies/schemas.js';
import type { ProjectRole } from '../../../core/members/schemas.js';
import { computeSchedule, type Schedule, ScheduleError, type ScheduleTaskInput } from '../../../core/schedule/schedule';
import { type RollupFigures, rollUp } from '../../../core/tasks/rollup.js';
import type { TaskRollup } from '../../../core/tasks/schemas.js';
import { type Outline, outline } from '../../../core/tasks/wbs.js';
import type { Db, DependencyTable, ProjectTable, Trx } from '../../db/database.js';
import { prepared } from '../../db/prepared.js';
import { AppError, rule } from '../../http/errors.js';

type Handle = Db | Trx;

/** What the scheduler and the rollups need of a task. */
export type PlanTask = {
  id: string;
  parent_id: string | null;
  sort_order: number;
  duration: number;
  start_no_earlier_than: string | null;
  estimate_hours: number | null;
  planned_cost: number;
  percent_complete: number;
};

export type PlanDependency = Pick<DependencyTable, 'id' | 'predecessor_id' | 'successor_id' | 'type' | 'lag'>;

/** The project's working calendar: its own, else the built-in Monday–Friday week. */
export async function calendarOf(db: Handle, workspaceId: string, calendarId: string | null): Promise<WorkingCalendar> {
  if (calendarId === null) return mondayToFridayCalendar();
  const row = await db
    .selectFrom('calendars')
    .select(['working_weekdays', 'holidays', 'workdays'])
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', calendarId)
    .executeTakeFirst();
  if (!row) return mondayToFridayCalendar();
  return {
    workingWeekdays: JSON.parse(row.working_weekdays) as number[],
    holidays: JSON.parse(row.holidays) as string[],
    workdays: JSON.parse(row.workdays) as string[],
  };
}

/** The scheduling columns of every task of a project (one query). */
export async function planTasks(db: Handle, workspaceId: string, projectId: string): Promise<PlanTask[]> {
  const rows = await db
    .selectFrom('tasks')
    .select(['id', 'parent_id', 'sort_order', 'duration', 'start_no_earlier_than', 'estimate_hours', 'planned_cost', 'percent_complete'])
    .where('workspace_id', '=', workspaceId)
    .where('project_id', '=', projectId)
    .execute();
  return rows;
}

/** Every dependency of a project (one query). */
export async function planDependencies(db: Handle, workspaceId: string, projectId: string): Promise<PlanDependency[]> {
  return db
    .selectFrom('dependencies')
    .select(['id', 'predecessor_id', 'successor_id', 'type', 'lag'])
    .where('workspace_id', '=', workspaceId)
    .where('project_id', '=', projectId)
    .execute();
}

export type PlanInput = {
  project: Pick<ProjectTable, 'start_date' | 'calendar_id'>;
  calendar: WorkingCalendar;
  tasks: readonly PlanTask[];
  dependencies: readonly PlanDependency[];
};

export type PlanView = {
  /** Of the input tasks. */
  outline: Outline;
  /** The schedule, its tasks in outline order (index k ↔ input task outline.order[k]); or the reason there is none. */
  schedule: Schedule | null;
  error: AppError | null;
  /** By input index; null for a leaf. */
  rollups: (TaskRollup | null)[];
  totals: RollupFigures & { duration: number };
};

/**
 * Schedules a plan (SPEC §3.1) and rolls its summaries up: the tasks in outline order, each with its
 * early/late dates and float, each summary with its hours, cost and progress. Pure apart from its
 * input; a plan that cannot be scheduled (which the API's rules prevent) gives `error` instead.
 */
export function viewPlan(input: PlanInput): PlanView {
  const { tasks } = input;
  const tree = outline(tasks.map((t) => ({ id: t.id, parentId: t.parent_id, sortOrder: t.sort_order })));
  const n = tasks.length;
  const ordered = new Array<ScheduleTaskInput>(n);
  for (let k = 0; k < n; k += 1) {
    const t = tasks[tree.order[k]];
    ordered[k] = { id: t.id, parentId: t.parent_id, duration: t.duration, startNoEarlierThan: t.start_no_earlier_than };
  }
  let schedule: Schedule | null = null;
  let error: AppError | null = null;
  try {
    schedule = computeSchedule({
      tasks: ordered,
      dependencies: input.dependencies.map((d) => ({
        id: d.id,
        predecessorId: d.predecessor_id,
        successorId: d.successor_id,
        type: d.type as DependencyType,
        lag: d.lag,
      })),
      calendar: input.calendar,
      projectStart: input.project.start_date,
    });
  } catch (e) {
    if (!(e instanceof ScheduleError)) throw e;
    error = scheduleRefusal(e);
  }
  const figures = rollUp(
    tasks.map((t) => ({
      duration: t.duration,
      estimateHours: t.estimate_hours === null ? null : Number(t.estimate_hours),
      plannedCost: Number(t.planned_cost),
      percentComplete: t.percent_complete,
    })),
    tree,
  );
  const rollups = new Array<TaskRollup | null>(n).fill(null);
  let finish = 0;
  for (let k = 0; k < n; k += 1) {
    const i = tree.order[k];
    const scheduled = schedule?.tasks[k];
    if (scheduled && tree.isSummary[i] === 0 && scheduled.ef > finish) finish = scheduled.ef;
    if (tree.isSummary[i] === 0) continue;
    rollups[i] = {
      duration: scheduled ? scheduled.ef - scheduled.es : 0,
      estimateHours: figures.estimateHours[i],
      plannedCost: figures.plannedCost[i],
      percentComplete: figures.percentComplete[i],
      leafCount: figures.leafCount[i],
    };
  }
  return { outline: tree, schedule, error, rollups, totals: { ...figures.totals, duration: finish } };
}

/** A ScheduleError as the API's 422 (cycle details are named by the caller, who knows the titles). */
function scheduleRefusal(e: ScheduleError): AppError {
  return rule(`The plan cannot be scheduled: ${e.message}`, { reason: e.code, taskIds: e.taskIds });
}

/**
 * Runs `read` in one consistent snapshot (PostgreSQL repeatable read; SQLite's transaction holds its
 * one connection), so that tasks and dependencies read by separate queries belong to the same moment.
 */
export function inSnapshot<T>(db: Db, read: (trx: Trx) => Promise<T>): Promise<T> {
  return db.transaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute(read);
}

export type PlanState = { project: ProjectTable; projectRole: ProjectRole | null; stateKey: string };

/**
 * In one query: the project, the caller's role in it, and the state of its plan that a computed view
 * depends on — the plan's revision (raised by every change of tasks and dependencies), the project's
 * version (its start date and calendar) and its calendar's version — as one key.
 */
const planStateQuery = prepared((db, workspaceId: string, projectId: string, userId: string) =>
  db
    .selectFrom('projects as p')
    .selectAll('p')
    .select((eb) => [
      eb
        .selectFrom('project_members as m')
        .select('m.role')
        .whereRef('m.workspace_id', '=', 'p.workspace_id')
        .whereRef('m.project_id', '=', 'p.id')
        .where('m.user_id', '=', userId)
        .as('member_role'),
      eb
        .selectFrom('plan_revisions as r')
        .select('r.revision')
        .whereRef('r.workspace_id', '=', 'p.workspace_id')
        .whereRef('r.project_id', '=', 'p.id')
        .as('plan_revision'),
      eb
        .selectFrom('calendars as c')
        .select('c.version')
        .whereRef('c.workspace_id', '=', 'p.workspace_id')
        .whereRef('c.id', '=', 'p.calendar_id')
        .as('calendar_version'),
    ])
    .where('p.workspace_id', '=', workspaceId)
    .where('p.id', '=', projectId),
);

/** The project, the caller's role in it and the plan's state key, in one prepared query (every schedule read starts here). */
export async function planState(db: Handle, workspaceId: string, projectId: string, userId: string): Promise<PlanState | undefined> {
  const [row] = await planStateQuery(db, workspaceId, projectId, userId);
  if (!row) return undefined;
  const { member_role, plan_revision, calendar_version, ...project } = row;
  return {
    project,
    projectRole: member_role as ProjectRole | null,
    stateKey: `${plan_revision ?? 0}.${project.version}.${calendar_version ?? 0}`,
  };
}
