import { z } from 'zod';
import { Id, Instant } from '../common/schemas.js';

/** Finish-to-start, start-to-start, finish-to-finish, start-to-finish (SPEC §3.1). */
export const DependencyType = z.enum(['FS', 'SS', 'FF', 'SF']);
export type DependencyType = z.infer<typeof DependencyType>;

/** Largest |lag|, in working days. */
export const MAX_LAG = 10_000;

export const Dependency = z.object({
  id: Id,
  projectId: Id,
  predecessorId: Id,
  successorId: Id,
  type: DependencyType,
  /** Working days; negative = a lead. */
  lag: z.number().int(),
  createdAt: Instant,
  updatedAt: Instant,
  version: z.number().int(),
});
export type Dependency = z.infer<typeof Dependency>;

const Lag = z.number().int().min(-MAX_LAG).max(MAX_LAG);

/** A link between two leaf tasks or milestones of the same project. */
export const DependencyCreate = z.object({
  predecessorId: Id,
  successorId: Id,
  type: DependencyType.default('FS'),
  lag: Lag.default(0),
});
export type DependencyCreate = z.infer<typeof DependencyCreate>;

export const DependencyPatch = z
  .object({ predecessorId: Id, successorId: Id, type: DependencyType, lag: Lag, version: z.number().int().min(1) })
  .partial();
export type DependencyPatch = z.infer<typeof DependencyPatch>;

/** A task named in a refusal (the tasks of a cycle, in order). */
export const NamedTask = z.object({ id: Id, title: z.string() });
export type NamedTask = z.infer<typeof NamedTask>;

/** A project's dependencies, oldest first; `taskId` keeps those that link that task. */
export const DependencyListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(5_000).default(1_000),
  cursor: z.string().max(512).optional(),
  taskId: Id.optional(),
});
export type DependencyListQuery = z.infer<typeof DependencyListQuery>;
