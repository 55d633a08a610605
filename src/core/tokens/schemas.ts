import { z } from 'zod';
import { Id, Instant } from '../common/schemas.js';

export const ApiToken = z.object({
  id: Id,
  name: z.string(),
  createdAt: Instant,
  lastUsedAt: Instant.nullable(),
  expiresAt: Instant.nullable(),
});
export type ApiToken = z.infer<typeof ApiToken>;

export const TokenCreate = z.object({
  name: z.string().trim().min(1).max(100),
  expiresInDays: z.number().int().min(1).max(3650).optional(),
});

/** The secret is in this answer only; the server keeps a hash. */
export const CreatedToken = ApiToken.extend({ token: z.string() });
