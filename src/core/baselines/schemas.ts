import { z } from 'zod';
import { Id, Instant } from '../common/schemas.js';

export const BaselineCreate = z.object({ name: z.string().trim().min(1).max(120) });
export type BaselineCreate = z.infer<typeof BaselineCreate>;

/** A saved schedule of a project (its dates at the moment it was saved). */
export const Baseline = z.object({
  id: Id,
  projectId: Id,
  name: z.string(),
  projectStart: z.string(),
  projectFinish: z.string(),
  taskCount: z.number().int(),
  createdBy: Id.nullable(),
  createdAt: Instant,
});
export type Baseline = z.infer<typeof Baseline>;

/** One task as a baseline saved it (es/ef are working-day indices of the schedule of that moment). */
export const BaselineTask = z.object({
  taskId: Id,
  parentId: Id.nullable(),
  title: z.string(),
  isSummary: z.boolean(),
  es: z.number().int(),
  ef: z.number().int(),
  startDate: z.string(),
  finishDate: z.string(),
  /** Working days (for a summary: ef − es of its span). */
  duration: z.number().int(),
  /** Minor units (for a summary: the sum of its leaves). */
  plannedCost: z.number().int(),
});
export type BaselineTask = z.infer<typeof BaselineTask>;

export const BaselineDetail = Baseline.extend({ tasks: z.array(BaselineTask) });
export type BaselineDetail = z.infer<typeof BaselineDetail>;

/**
 * Slips are "current − baseline": positive = later than planned. Working days are counted on the
 * project's current calendar; calendar days are plain days.
 */
export const TaskVariance = z.object({
  taskId: Id,
  title: z.string(),
  /** In both; added since the baseline; removed since the baseline. */
  state: z.enum(['planned', 'added', 'removed']),
  isSummary: z.boolean(),
  baselineStart: z.string().nullable(),
  currentStart: z.string().nullable(),
  startSlip: z.number().int().nullable(),
  startSlipCalendarDays: z.number().int().nullable(),
  baselineFinish: z.string().nullable(),
  currentFinish: z.string().nullable(),
  finishSlip: z.number().int().nullable(),
  finishSlipCalendarDays: z.number().int().nullable(),
  baselineDuration: z.number().int().nullable(),
  currentDuration: z.number().int().nullable(),
  durationChange: z.number().int().nullable(),
});
export type TaskVariance = z.infer<typeof TaskVariance>;

export const ProjectVariance = z.object({
  baselineStart: z.string(),
  currentStart: z.string(),
  baselineFinish: z.string(),
  currentFinish: z.string(),
  startSlip: z.number().int(),
  startSlipCalendarDays: z.number().int(),
  finishSlip: z.number().int(),
  finishSlipCalendarDays: z.number().int(),
});
export type ProjectVariance = z.infer<typeof ProjectVariance>;

export const BaselineVariance = z.object({
  baselineId: Id,
  baselineName: z.string(),
  project: ProjectVariance,
  tasks: z.array(TaskVariance),
});
export type BaselineVariance = z.infer<typeof BaselineVariance>;
