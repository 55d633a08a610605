import { z } from 'zod';
import { Id, Instant, MinorUnits } from '../common/schemas.js';

export const ProjectRole = z.enum(['manager', 'sales', 'presales', 'support', 'finance', 'viewer']);
export type ProjectRole = z.infer<typeof ProjectRole>;

export const Member = z.object({
  id: Id,
  projectId: Id,
  userId: Id,
  userName: z.string(),
  userEmail: z.string(),
  role: ProjectRole,
  responsibilities: z.string(),
  capacityHoursPerWeek: z.number(),
  /** Minor units of the project's currency per hour. */
  costRate: z.number().int(),
  createdAt: Instant,
  version: z.number().int(),
});
export type Member = z.infer<typeof Member>;

const editable = {
  role: ProjectRole,
  responsibilities: z.string().max(5_000),
  capacityHoursPerWeek: z.number().min(0).max(168),
  costRate: MinorUnits,
};

export const MemberCreate = z.object({
  userId: Id,
  role: editable.role.default('sales'),
  responsibilities: editable.responsibilities.default(''),
  capacityHoursPerWeek: editable.capacityHoursPerWeek.default(40),
  costRate: editable.costRate.default(0),
});
export type MemberCreate = z.infer<typeof MemberCreate>;

export const MemberPatch = z.object({ ...editable, version: z.number().int().min(1) }).partial();
export type MemberPatch = z.infer<typeof MemberPatch>;
