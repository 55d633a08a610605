import { z } from 'zod';
import { WorkspaceRole } from '../auth/schemas.js';
import { Id, Instant, Locale } from '../common/schemas.js';

export const WorkspaceUser = z.object({
  id: Id,
  email: z.string(),
  name: z.string(),
  role: WorkspaceRole,
  locale: Locale,
  timeZone: z.string(),
  joinedAt: Instant,
});
export type WorkspaceUser = z.infer<typeof WorkspaceUser>;

export const WorkspaceUserPatch = z.object({ role: WorkspaceRole });

export const InvitationCreate = z.object({
  role: WorkspaceRole.exclude(['owner']).default('member'),
  email: z.email().max(254).optional(),
  expiresInDays: z.number().int().min(1).max(30).default(7),
});

export const Invitation = z.object({
  id: Id,
  role: WorkspaceRole,
  email: z.string().nullable(),
  createdAt: Instant,
  expiresAt: Instant,
  createdBy: Id,
});
export type Invitation = z.infer<typeof Invitation>;

/** Answered once, at creation: the secret link is never shown again. */
export const CreatedInvitation = Invitation.extend({ token: z.string(), url: z.string() });

export const InvitationLookupQuery = z.object({ token: z.string().min(10).max(200) });
export const InvitationPreview = z.object({
  workspaceName: z.string(),
  role: WorkspaceRole,
  email: z.string().nullable(),
  expiresAt: Instant,
});
