import { z } from 'zod';
import { DateString, Id, Instant, PageQuery } from '../common/schemas.js';

/** Hours a person can log on one day, over all tasks. */
export const MAX_HOURS_PER_DAY = 24;

export const TimeEntry = z.object({
  id: Id,
  projectId: Id,
  taskId: Id,
  userId: Id,
  date: DateString,
  hours: z.number(),
  note: z.string(),
  createdAt: Instant,
  updatedAt: Instant,
  version: z.number().int(),
});
export type TimeEntry = z.infer<typeof TimeEntry>;

const Hours = z.number().gt(0).max(MAX_HOURS_PER_DAY);

/** Logging time on a task; `userId` defaults to the caller (logging for someone else takes a project manager). */
export const TimeEntryCreate = z.object({
  userId: Id.optional(),
  date: DateString,
  hours: Hours,
  note: z.string().max(2_000).default(''),
});
export type TimeEntryCreate = z.infer<typeof TimeEntryCreate>;

export const TimeEntryPatch = z
  .object({ userId: Id, date: DateString, hours: Hours, note: z.string().max(2_000), version: z.number().int().min(1) })
  .partial();
export type TimeEntryPatch = z.infer<typeof TimeEntryPatch>;

/** A task's time entries, newest date first. */
export const TaskTimeEntryQuery = PageQuery;
export type TaskTimeEntryQuery = z.infer<typeof TaskTimeEntryQuery>;

/**
 * A project's time entries by date (oldest first), for a member's week view:
 * `?userId=…&from=2027-01-04&to=2027-01-10`. `from` and `to` are inclusive.
 */
export const ProjectTimeEntryQuery = PageQuery.extend({
  limit: z.coerce.number().int().min(1).max(1_000).default(200),
  userId: Id.optional(),
  from: DateString.optional(),
  to: DateString.optional(),
}).superRefine((query, ctx) => {
  if (query.from && query.to && query.to < query.from) {
    ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
  }
});
export type ProjectTimeEntryQuery = z.infer<typeof ProjectTimeEntryQuery>;
