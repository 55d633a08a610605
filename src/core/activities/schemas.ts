import { z } from 'zod';
import { Id, Instant, PageQuery } from '../common/schemas.js';

export const ActivityType = z.enum(['call', 'meeting', 'visit', 'email', 'note']);
export type ActivityType = z.infer<typeof ActivityType>;

/** An instant with an offset (`2027-01-04T09:30:00+08:00` or `…Z`); stored and answered in UTC. */
export const InstantInput = z.iso.datetime({ offset: true }).transform((value) => new Date(value).toISOString());

export const Activity = z.object({
  id: Id,
  dealId: Id,
  projectId: Id,
  type: ActivityType,
  at: Instant,
  /** Who did it (a workspace user). */
  userId: Id.nullable(),
  userName: z.string().nullable(),
  /** Whom they met or called at the customer. */
  contactId: Id.nullable(),
  outcome: z.string(),
  nextStep: z.string(),
  createdAt: Instant,
  updatedAt: Instant,
  version: z.number().int(),
});
export type Activity = z.infer<typeof Activity>;

const editable = {
  type: ActivityType,
  at: InstantInput,
  userId: Id.nullable(),
  contactId: Id.nullable(),
  outcome: z.string().trim().max(10_000),
  nextStep: z.string().trim().max(2_000),
};

export const ActivityCreate = z.object({
  type: editable.type,
  /** Defaults to now. */
  at: editable.at.optional(),
  /** Defaults to the caller. */
  userId: editable.userId.optional(),
  contactId: editable.contactId.default(null),
  outcome: editable.outcome.default(''),
  nextStep: editable.nextStep.default(''),
});
export type ActivityCreate = z.infer<typeof ActivityCreate>;

export const ActivityPatch = z.object({ ...editable, version: z.number().int().min(1) }).partial();
export type ActivityPatch = z.infer<typeof ActivityPatch>;

export const ActivityListQuery = PageQuery.extend({
  type: ActivityType.optional(),
  sort: z.enum(['at', '-at']).default('-at'),
});
export type ActivityListQuery = z.infer<typeof ActivityListQuery>;
