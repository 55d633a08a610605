import { z } from 'zod';
import { Id, Instant, PageQuery } from '../common/schemas.js';

export const Account = z.object({
  id: Id,
  name: z.string(),
  industry: z.string(),
  region: z.string(),
  /** Company size as the team writes it (e.g. "51-200", "500+"). */
  size: z.string(),
  ownerId: Id.nullable(),
  notes: z.string(),
  createdAt: Instant,
  updatedAt: Instant,
  version: z.number().int(),
});
export type Account = z.infer<typeof Account>;

const editable = {
  name: z.string().trim().min(1).max(200),
  industry: z.string().trim().max(100),
  region: z.string().trim().max(100),
  size: z.string().trim().max(50),
  ownerId: Id.nullable(),
  notes: z.string().max(20_000),
};

export const AccountCreate = z.object({
  ...editable,
  industry: editable.industry.default(''),
  region: editable.region.default(''),
  size: editable.size.default(''),
  /** Defaults to the caller. */
  ownerId: editable.ownerId.optional(),
  notes: editable.notes.default(''),
});
export type AccountCreate = z.infer<typeof AccountCreate>;

export const AccountPatch = z.object({ ...editable, version: z.number().int().min(1) }).partial();
export type AccountPatch = z.infer<typeof AccountPatch>;

/** An existing record that looks like the one just created (a warning, not a refusal). */
export const DuplicateRef = z.object({ id: Id, name: z.string(), reason: z.enum(['same-name', 'same-email']) });
export type DuplicateRef = z.infer<typeof DuplicateRef>;

/** Create answers 201 with the account and the existing accounts of the same name (case-insensitive). */
export const AccountCreated = Account.extend({ duplicates: z.array(DuplicateRef) });

export const AccountSort = z.enum(['name', '-name', 'updatedAt', '-updatedAt']);

export const AccountListQuery = PageQuery.extend({
  q: z.string().trim().max(200).optional(),
  ownerId: Id.optional(),
  region: z.string().trim().max(100).optional(),
  industry: z.string().trim().max(100).optional(),
  sort: AccountSort.default('name'),
});
export type AccountListQuery = z.infer<typeof AccountListQuery>;

/** The key duplicates are found by: trimmed, inner spaces collapsed, folded like JavaScript's toLowerCase. */
export const nameKey = (name: string): string => name.trim().replace(/\s+/g, ' ').toLowerCase();

/** A deal of an account, in any project of the workspace (the account page's list). */
export const AccountDeal = z.object({
  id: Id,
  projectId: Id,
  projectName: z.string(),
  title: z.string(),
  amount: z.number().int(),
  currency: z.string(),
  stage: z.string(),
  status: z.enum(['open', 'won', 'lost']),
  expectedCloseDate: z.string().nullable(),
  closeDate: z.string().nullable(),
  ownerId: Id.nullable(),
  updatedAt: Instant,
});
export type AccountDeal = z.infer<typeof AccountDeal>;

/** The most recently changed deals an account page lists. */
export const ACCOUNT_DEALS_LIMIT = 500;
