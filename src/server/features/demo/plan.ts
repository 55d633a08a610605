import { buildWorkingDayIndex, chinaMainlandCalendar } from '../../../core/calendar/calendar';
import { addCalendarDays } from '../../../core/calendar/civil-date';
import type { Locale } from '../../../core/common/schemas.js';
import { computeSchedule, type Schedule, type ScheduleDependencyInput, type ScheduleTaskInput } from '../../../core/schedule/schedule';
import type { TaskStatus } from '../../../core/tasks/schemas.js';
import type { BaselineTaskTable, TaskTable, TimeEntryTable, Trx } from '../../db/database.js';
import { newId } from '../../ids.js';
import { DEMO_BASELINE_NAME, DEMO_LINKS, DEMO_TASKS, type DemoTask, type TeamKey } from './plan-content.js';

export type DemoPlanInput = {
  workspaceId: string;
  ownerId: string;
  locale: Locale;
  projectId: string;
  /** The project's start date; the plan runs on the mainland-China calendar from it. */
  projectStart: string;
  today: string;
  now: string;
  /** User id of each demo colleague by key (the owner is `ownerId`; a missing key falls back to the owner). */
  team: Readonly<Record<string, string>>;
};

/**
 * The demo project's plan: ~40 tasks in five phases with dependencies, milestones, assignees, costs,
 * progress as of today, time entries and a baseline saved before three tasks grew longer (so that the
 * variance view has something to show). A handful of multi-row inserts: fast enough for sign-up.
 */
export async function seedDemoPlan(trx: Trx, input: DemoPlanInput): Promise<void> {
  const { workspaceId, projectId, projectStart, today, now } = input;
  const calendar = chinaMainlandCalendar();
  const idOf = new Map(DEMO_TASKS.map((t) => [t.key, newId()]));
  const id = (key: string) => idOf.get(key) as string;
  const userOf = (key: TeamKey) => (key === 'owner' ? input.ownerId : (input.team[key] ?? input.ownerId));
  const summaries = new Set(DEMO_TASKS.flatMap((t) => (t.parent ? [t.parent] : [])));
  const networkOf = (durationOf: (t: DemoTask) => number): ScheduleTaskInput[] =>
    DEMO_TASKS.map((t) => ({
      id: id(t.key),
      parentId: t.parent === null ? null : id(t.parent),
      duration: durationOf(t),
      startNoEarlierThan: t.fixedAfterDays === undefined ? null : addCalendarDays(projectStart, t.fixedAfterDays),
    }));
  const dependencies: ScheduleDependencyInput[] = DEMO_LINKS.map(([from, to, type, lag]) => ({
    id: newId(),
    predecessorId: id(from),
    successorId: id(to),
    type,
    lag,
  }));
  const current = computeSchedule({ tasks: networkOf((t) => t.duration), dependencies, calendar, projectStart });
  const planned = computeSchedule({ tasks: networkOf((t) => t.baselineDuration ?? t.duration), dependencies, calendar, projectStart });

  // Progress as of today: working days before today, against each leaf's current dates.
  const days = buildWorkingDayIndex(calendar, projectStart, 800);
  const todayIndex = days.indexOf(today);
  const progress = new Map<string, { percent: number; status: TaskStatus }>();
  DEMO_TASKS.forEach((t, i) => {
    if (summaries.has(t.key)) return;
    const { es, ef } = current.tasks[i];
    if (ef <= todayIndex && (t.duration > 0 || es < todayIndex)) progress.set(t.key, { percent: 100, status: 'done' });
    else if (t.duration > 0 && es < todayIndex) {
      const percent = Math.min(90, Math.round((((todayIndex - es) / t.duration) * 80) / 5) * 5);
      progress.set(t.key, { percent, status: t.key === 'samples' ? 'blocked' : 'in_progress' });
    } else progress.set(t.key, { percent: 0, status: 'todo' });
  });
  const statusOfSummary = (key: string): TaskStatus => {
    const leaves = leavesUnder(key).map((k) => progress.get(k)?.status);
    if (leaves.every((s) => s === 'done')) return 'done';
    return leaves.some((s) => s !== 'todo') ? 'in_progress' : 'todo';
  };

  const position = new Map<string | null, number>();
  const tasks: TaskTable[] = DEMO_TASKS.map((t) => {
    const sortOrder = position.get(t.parent) ?? 0;
    position.set(t.parent, sortOrder + 1);
    const done = progress.get(t.key);
    return {
      workspace_id: workspaceId,
      id: id(t.key),
      project_id: projectId,
      parent_id: t.parent === null ? null : id(t.parent),
      sort_order: sortOrder,
      title: input.locale === 'zh-CN' ? t.zh : t.en,
      description: '',
      duration: t.duration,
      start_no_earlier_than: t.fixedAfterDays === undefined ? null : addCalendarDays(projectStart, t.fixedAfterDays),
      estimate_hours: t.hours ?? null,
      planned_cost: (t.costYuan ?? 0) * 100,
      percent_complete: done?.percent ?? 0,
      status: done?.status ?? statusOfSummary(t.key),
      priority: t.priority ?? 'medium',
      phase: t.phase,
      sprint_id: null,
      story_points: null,
      checklist: JSON.stringify(
        (t.checklist ?? []).map((item, k) => ({
          id: newId(),
          text: input.locale === 'zh-CN' ? item.zh : item.en,
          done: (done?.percent ?? 0) >= 100 || ((done?.percent ?? 0) > 0 && k === 0),
        })),
      ),
      created_at: now,
      updated_at: now,
      version: 1,
    };
  });
  await trx.insertInto('tasks').values(tasks).execute();
  const assignees = DEMO_TASKS.flatMap((t) =>
    (t.team ?? []).map((key) => ({ workspace_id: workspaceId, project_id: projectId, task_id: id(t.key), user_id: userOf(key) })),
  );
  await trx.insertInto('task_assignees').values(assignees).execute();
  await trx
    .insertInto('dependencies')
    .values(
      dependencies.map((d) => ({
        workspace_id: workspaceId,
        id: d.id,
        project_id: projectId,
        predecessor_id: d.predecessorId,
        successor_id: d.successorId,
        type: d.type,
        lag: d.lag,
        created_at: now,
        updated_at: now,
        version: 1,
      })),
    )
    .execute();
  await saveBaseline(trx, input, planned, tasks);
  const entries = timeEntries(input, current, progress, todayIndex, (i) => days.dateOf(i), userOf, id);
  if (entries.length > 0) await trx.insertInto('time_entries').values(entries).execute();
}

/** Keys of the leaf tasks under a summary. */
function leavesUnder(key: string): string[] {
  const children = DEMO_TASKS.filter((t) => t.parent === key);
  if (children.length === 0) return [key];
  return children.flatMap((c) => leavesUnder(c.key));
}

/** The baseline "Plan approved": the plan as it was before three tasks grew longer. */
async function saveBaseline(trx: Trx, input: DemoPlanInput, planned: Schedule, tasks: TaskTable[]): Promise<void> {
  const baselineId = newId();
  await trx
    .insertInto('baselines')
    .values({
      workspace_id: input.workspaceId,
      id: baselineId,
      project_id: input.projectId,
      name: DEMO_BASELINE_NAME[input.locale],
      project_start: planned.projectStart,
      project_finish: planned.projectFinish,
      created_by: input.ownerId,
      created_at: input.now,
    })
    .execute();
  const costOf = (key: string): number =>
    leavesUnder(key).reduce((sum, k) => sum + (DEMO_TASKS.find((t) => t.key === k)?.costYuan ?? 0) * 100, 0);
  const rows: BaselineTaskTable[] = DEMO_TASKS.map((t, i) => {
    const s = planned.tasks[i];
    const isSummary = DEMO_TASKS.some((c) => c.parent === t.key);
    return {
      workspace_id: input.workspaceId,
      baseline_id: baselineId,
      task_id: tasks[i].id,
      parent_id: tasks[i].parent_id,
      position: i,
      title: tasks[i].title,
      is_summary: isSummary ? 1 : 0,
      es: s.es,
      ef: s.ef,
      start_date: s.startDate,
      finish_date: s.finishDate,
      duration: isSummary ? s.ef - s.es : (t.baselineDuration ?? t.duration),
      planned_cost: costOf(t.key),
    };
  });
  await trx.insertInto('baseline_tasks').values(rows).execute();
}

/**
 * Recently logged time: the last day worked on each started task (latest first) for its first two
 * assignees, at most 8 hours a person a day and ten entries in all — enough to fill this week's
 * time sheet and some actual cost, few enough to keep the workspace small.
 */
function timeEntries(
  input: DemoPlanInput,
  schedule: Schedule,
  progress: Map<string, { percent: number }>,
  todayIndex: number,
  dateOf: (index: number) => string,
  userOf: (key: TeamKey) => string,
  id: (key: string) => string,
): TimeEntryTable[] {
  const started = DEMO_TASKS.map((t, i) => ({ t, s: schedule.tasks[i] }))
    .filter(({ t }) => (progress.get(t.key)?.percent ?? 0) > 0 && t.duration > 0 && t.hours && t.team)
    .sort((a, b) => Math.min(b.s.ef, todayIndex) - Math.min(a.s.ef, todayIndex));
  const perDay = new Map<string, number>();
  const entries: TimeEntryTable[] = [];
  for (const { t, s } of started) {
    const date = dateOf(Math.min(s.ef, todayIndex) - 1);
    const team = t.team ?? [];
    const hours = Math.min(8, Math.max(1, Math.round(((t.hours ?? 0) / t.duration / team.length) * 2) / 2));
    for (const key of team.slice(0, 2)) {
      const userId = userOf(key);
      const slot = `${userId} ${date}`;
      if (entries.length >= 10 || (perDay.get(slot) ?? 0) + hours > 8) continue;
      perDay.set(slot, (perDay.get(slot) ?? 0) + hours);
      entries.push({
        workspace_id: input.workspaceId,
        id: newId(),
        project_id: input.projectId,
        task_id: id(t.key),
        user_id: userId,
        date,
        hours,
        note: '',
        created_at: input.now,
        updated_at: input.now,
        version: 1,
      });
    }
  }
  return entries;
}
