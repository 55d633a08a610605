import { z } from 'zod';
import { DateString, Id, Instant, MinorUnits } from '../common/schemas.js';

export const TaskStatus = z.enum(['todo', 'in_progress', 'done', 'blocked']);
export type TaskStatus = z.infer<typeof TaskStatus>;
export const TaskPriority = z.enum(['low', 'medium', 'high', 'urgent']);
export type TaskPriority = z.infer<typeof TaskPriority>;
/** The five phases of a sales project (SPEC §1). */
export const TaskPhase = z.enum(['planning', 'organizing', 'execution', 'control', 'evaluation']);
export type TaskPhase = z.infer<typeof TaskPhase>;

/** Longest task, in working days (about 40 years): far beyond any plan, well inside the scheduler's range. */
export const MAX_TASK_DURATION = 10_000;
export const MAX_CHECKLIST_ITEMS = 200;
export const MAX_ASSIGNEES = 50;

export const ChecklistItem = z.object({ id: Id, text: z.string(), done: z.boolean() });
export type ChecklistItem = z.infer<typeof ChecklistItem>;

/** A checklist item as a client sends it: an item without an id is new (the server gives it one). */
export const ChecklistItemInput = z.object({
  id: Id.optional(),
  text: z.string().trim().min(1).max(500),
  done: z.boolean().default(false),
});
export type ChecklistItemInput = z.infer<typeof ChecklistItemInput>;

const uniqueIds = <T extends { id?: string }>(items: T[]) => {
  const ids = items.flatMap((item) => (item.id === undefined ? [] : [item.id]));
  return new Set(ids).size === ids.length;
};

/** A task as the API returns it. For a summary task (one with children) duration, estimate, cost and percent are ignored: see the rollup. */
export const Task = z.object({
  id: Id,
  projectId: Id,
  parentId: Id.nullable(),
  /** Position among its siblings (0, 1, 2 …; gaps are possible). */
  sortOrder: z.number().int(),
  title: z.string(),
  description: z.string(),
  /** User ids of project members, sorted. */
  assigneeIds: z.array(Id),
  /** Working days; 0 = milestone. */
  duration: z.number().int(),
  startNoEarlierThan: DateString.nullable(),
  estimateHours: z.number().nullable(),
  /** Minor units of the project's currency. */
  plannedCost: z.number().int(),
  percentComplete: z.number().int(),
  status: TaskStatus,
  priority: TaskPriority,
  phase: TaskPhase,
  sprintId: Id.nullable(),
  storyPoints: z.number().nullable(),
  checklist: z.array(ChecklistItem),
  /** Has children: its dates, hours, cost and progress come from them. */
  isSummary: z.boolean(),
  createdAt: Instant,
  updatedAt: Instant,
  version: z.number().int(),
});
export type Task = z.infer<typeof Task>;

const editable = {
  title: z.string().trim().min(1).max(300),
  description: z.string().max(20_000),
  assigneeIds: z
    .array(Id)
    .max(MAX_ASSIGNEES)
    .refine((ids) => new Set(ids).size === ids.length, 'must not repeat a user'),
  duration: z.number().int().min(0).max(MAX_TASK_DURATION),
  startNoEarlierThan: DateString.nullable(),
  estimateHours: z.number().min(0).max(1_000_000).nullable(),
  plannedCost: MinorUnits,
  percentComplete: z.number().int().min(0).max(100),
  status: TaskStatus,
  priority: TaskPriority,
  phase: TaskPhase,
  /** There are no sprints yet: only null is accepted (a sprint id answers 422). */
  sprintId: Id.nullable(),
  storyPoints: z.number().min(0).max(1_000).nullable(),
  checklist: z.array(ChecklistItemInput).max(MAX_CHECKLIST_ITEMS).refine(uniqueIds, 'checklist item ids must not repeat'),
  parentId: Id.nullable(),
};

/**
 * Creating a task; it goes last among its siblings. `status: 'done'` without a `percentComplete`
 * means 100 %.
 */
export const TaskCreate = z.object({
  title: editable.title,
  parentId: editable.parentId.default(null),
  description: editable.description.default(''),
  assigneeIds: editable.assigneeIds.default([]),
  duration: editable.duration.default(1),
  startNoEarlierThan: editable.startNoEarlierThan.default(null),
  estimateHours: editable.estimateHours.default(null),
  plannedCost: editable.plannedCost.default(0),
  percentComplete: editable.percentComplete.optional(),
  status: editable.status.default('todo'),
  priority: editable.priority.default('medium'),
  phase: editable.phase.default('execution'),
  sprintId: editable.sprintId.default(null),
  storyPoints: editable.storyPoints.default(null),
  checklist: editable.checklist.default([]),
});
export type TaskCreate = z.infer<typeof TaskCreate>;

/**
 * Changing a task: any subset of the fields. A new `parentId` moves the task to the end of its new
 * siblings (use `POST /tasks/{id}/move` to choose the position). `checklist` replaces the whole list.
 */
export const TaskPatch = z.object({ ...editable, version: z.number().int().min(1) }).partial();
export type TaskPatch = z.infer<typeof TaskPatch>;

/** Indent, outdent or reorder: the task goes under `parentId` (null = top level) at position `index` among its new siblings. */
export const TaskMove = z.object({
  parentId: Id.nullable(),
  index: z.number().int().min(0).max(1_000_000),
  version: z.number().int().min(1).optional(),
});
export type TaskMove = z.infer<typeof TaskMove>;

/** Hours, cost and progress of a summary task, computed from its leaf descendants (never stored). */
export const TaskRollup = z.object({
  /** Working days from the earliest start to the latest finish of its descendants (ef − es). */
  duration: z.number().int(),
  /** Sum over the leaf descendants (a leaf without an estimate counts 0). */
  estimateHours: z.number(),
  /** Sum over the leaf descendants, minor units. */
  plannedCost: z.number().int(),
  /**
   * Weighted by duration: Σ(duration × percent) ÷ Σ duration over the leaf descendants; when all of
   * them are milestones, their plain average. One decimal.
   */
  percentComplete: z.number(),
  /** Number of leaf descendants. */
  leafCount: z.number().int(),
});
export type TaskRollup = z.infer<typeof TaskRollup>;

/** A task in the WBS list: the task, its outline number, depth, scheduled dates and (summaries) rollup. */
export const TaskListItem = Task.extend({
  /** Outline number, '1', '1.2', '1.2.3'. */
  wbs: z.string(),
  /** 0 at the top level. */
  depth: z.number().int(),
  /** Early start and finish dates of the current schedule (null when the plan cannot be scheduled). */
  startDate: DateString.nullable(),
  finishDate: DateString.nullable(),
  rollup: TaskRollup.nullable(),
});
export type TaskListItem = z.infer<typeof TaskListItem>;

const optionalList = <T extends z.ZodEnum>(values: T, name: string) =>
  z
    .string()
    .max(200)
    .optional()
    .transform((value, ctx) => {
      if (!value) return undefined;
      const parts = value
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean);
      for (const part of parts) {
        if (!values.safeParse(part).success) {
          ctx.addIssue({ code: 'custom', message: `unknown ${name} "${part}"` });
          return z.NEVER;
        }
      }
      return parts as z.infer<T>[];
    });

/**
 * The WBS in outline order (parents before their children, siblings by position). Filters keep the
 * outline numbers of the whole plan; pages by cursor.
 */
export const TaskListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(5_000).default(1_000),
  cursor: z.string().max(512).optional(),
  status: optionalList(TaskStatus, 'status'),
  phase: optionalList(TaskPhase, 'phase'),
  assigneeId: Id.optional(),
});
export type TaskListQuery = z.infer<typeof TaskListQuery>;

/** One task of `GET /projects/{id}/schedule` (SPEC §3.1, §4.1), in WBS order. */
export const ScheduledTaskView = z.object({
  taskId: Id,
  es: z.number().int(),
  ef: z.number().int(),
  ls: z.number().int(),
  lf: z.number().int(),
  totalFloat: z.number().int(),
  critical: z.boolean(),
  startDate: z.string(),
  finishDate: z.string(),
  parentId: Id.nullable(),
  isSummary: z.boolean(),
  rollup: TaskRollup.nullable(),
});
export type ScheduledTaskView = z.infer<typeof ScheduledTaskView>;

export const ProjectSchedule = z.object({
  projectStart: z.string(),
  projectFinish: z.string(),
  /** The project's calendar, or null for the built-in Monday–Friday week. */
  calendarId: Id.nullable(),
  tasks: z.array(ScheduledTaskView),
  /** The whole plan rolled up like a summary task. */
  totals: TaskRollup,
});
export type ProjectSchedule = z.infer<typeof ProjectSchedule>;
