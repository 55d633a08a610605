import { z } from 'zod';
import { Currency, DateString, Id, Instant, MinorUnits, PageQuery } from '../common/schemas.js';
import { StageKey } from '../stages/schemas.js';

export const DealStatus = z.enum(['open', 'won', 'lost']);
export type DealStatus = z.infer<typeof DealStatus>;

export const Probability = z.number().min(0).max(1);

/** The contract of a won deal; `value` in minor units of the deal's currency. */
export const Contract = z.object({
  number: z.string(),
  value: z.number().int().nullable(),
  signedDate: z.string().nullable(),
  termMonths: z.number().int().nullable(),
});
export type Contract = z.infer<typeof Contract>;

export const ContractInput = z.object({
  number: z.string().trim().max(100).default(''),
  value: MinorUnits.nullable().default(null),
  signedDate: DateString.nullable().default(null),
  termMonths: z.number().int().min(0).max(1200).nullable().default(null),
});
export type ContractInput = z.infer<typeof ContractInput>;

export const Deal = z.object({
  id: Id,
  projectId: Id,
  title: z.string(),
  accountId: Id.nullable(),
  accountName: z.string().nullable(),
  contactId: Id.nullable(),
  /** Integer minor units of `currency`. */
  amount: z.number().int(),
  currency: z.string(),
  /** The stage's key (see `GET /stages`). */
  stage: z.string(),
  /** The deal's own probability (0–1), or null for its stage's. */
  probability: z.number().nullable(),
  expectedCloseDate: z.string().nullable(),
  closeDate: z.string().nullable(),
  status: DealStatus,
  ownerId: Id.nullable(),
  source: z.string(),
  lostReason: z.string(),
  contract: Contract.nullable(),
  /** Order within its board column (compare as byte strings). */
  rank: z.string(),
  stageEnteredAt: Instant,
  createdAt: Instant,
  updatedAt: Instant,
  version: z.number().int(),
});
export type Deal = z.infer<typeof Deal>;

const editable = {
  title: z.string().trim().min(1).max(300),
  accountId: Id.nullable(),
  contactId: Id.nullable(),
  amount: MinorUnits,
  currency: Currency,
  stage: StageKey,
  probability: Probability.nullable(),
  expectedCloseDate: DateString.nullable(),
  closeDate: DateString.nullable(),
  ownerId: Id.nullable(),
  source: z.string().trim().max(200),
  lostReason: z.string().trim().max(1000),
  contract: ContractInput.nullable(),
};

/**
 * A new deal. `stage` defaults to the first open stage; a won stage makes it won (close date today
 * unless given), a lost stage makes it lost (a lost reason is then required).
 */
export const DealCreate = z.object({
  title: editable.title,
  accountId: editable.accountId.default(null),
  contactId: editable.contactId.default(null),
  amount: editable.amount.default(0),
  /** Defaults to the project's currency. */
  currency: editable.currency.optional(),
  stage: editable.stage.optional(),
  probability: editable.probability.default(null),
  expectedCloseDate: editable.expectedCloseDate.default(null),
  closeDate: editable.closeDate.default(null),
  /** Defaults to the caller. */
  ownerId: editable.ownerId.optional(),
  source: editable.source.default(''),
  lostReason: editable.lostReason.default(''),
  contract: editable.contract.default(null),
});
export type DealCreate = z.infer<typeof DealCreate>;

/** `stage` here moves an open deal between open stages; win, lose and reopen have their own actions. */
export const DealPatch = z.object({ ...editable, version: z.number().int().min(1) }).partial();
export type DealPatch = z.infer<typeof DealPatch>;

export const WinBody = z.object({
  /** Defaults to today in the caller's time zone. */
  closeDate: DateString.optional(),
  contract: ContractInput.optional(),
  version: z.number().int().min(1).optional(),
});
export const LoseBody = z.object({
  lostReason: z.string().trim().min(1).max(1000),
  closeDate: DateString.optional(),
  version: z.number().int().min(1).optional(),
});
export const ReopenBody = z.object({
  /** The open stage to return to (default: the last open stage the deal was in). */
  stage: StageKey.optional(),
  version: z.number().int().min(1).optional(),
});

/**
 * A drop on the board: the target stage (by key or id; neither = the deal's own column, a reorder), the
 * card it lands before (`beforeId`, null = end of the column) or its zero-based `index` in the column,
 * and the version the client saw.
 */
export const MoveBody = z.object({
  stage: StageKey.optional(),
  stageId: Id.optional(),
  beforeId: Id.nullable().optional(),
  index: z.number().int().min(0).max(1_000_000).optional(),
  /** Required when the target is the lost stage. */
  lostReason: z.string().trim().max(1000).optional(),
  version: z.number().int().min(1),
});
export type MoveBody = z.infer<typeof MoveBody>;

/** A comma-separated list of values of `item`, e.g. `status=open,won`. */
export function commaList<T extends z.ZodType<string>>(item: T, max = 50) {
  return z
    .string()
    .max(4000)
    .optional()
    .transform((value, ctx) => {
      if (!value) return undefined;
      const parts = [
        ...new Set(
          value
            .split(',')
            .map((part) => part.trim())
            .filter(Boolean),
        ),
      ];
      if (parts.length > max) {
        ctx.addIssue({ code: 'custom', message: `at most ${max} values` });
        return z.NEVER;
      }
      for (const part of parts) {
        if (!item.safeParse(part).success) {
          ctx.addIssue({ code: 'custom', message: `unexpected value "${part.slice(0, 60)}"` });
          return z.NEVER;
        }
      }
      return parts as z.infer<T>[];
    });
}

const AmountQuery = z.coerce.number().int().min(0).max(9_000_000_000_000).optional();

/** Filters shared by the deal list, the board and the export. */
export const DealFilters = z.object({
  q: z.string().trim().max(200).optional(),
  ownerId: commaList(Id),
  stage: commaList(StageKey),
  status: commaList(DealStatus),
  accountId: Id.optional(),
  amountMin: AmountQuery,
  amountMax: AmountQuery,
  expectedCloseFrom: DateString.optional(),
  expectedCloseTo: DateString.optional(),
  closedFrom: DateString.optional(),
  closedTo: DateString.optional(),
});
export type DealFilters = z.infer<typeof DealFilters>;

export const DealSort = z.enum([
  'title',
  '-title',
  'amount',
  '-amount',
  'expectedCloseDate',
  '-expectedCloseDate',
  'closeDate',
  '-closeDate',
  'createdAt',
  '-createdAt',
  'updatedAt',
  '-updatedAt',
]);
export type DealSort = z.infer<typeof DealSort>;

export const DealListQuery = PageQuery.extend({ ...DealFilters.shape, sort: DealSort.default('-updatedAt') });
export type DealListQuery = z.infer<typeof DealListQuery>;

export const StageHistoryEntry = z.object({
  id: Id,
  stage: z.string(),
  stageName: z.string().nullable(),
  enteredAt: Instant,
  leftAt: Instant.nullable(),
  enteredBy: Id.nullable(),
  enteredByName: z.string().nullable(),
  leftBy: Id.nullable(),
});
export type StageHistoryEntry = z.infer<typeof StageHistoryEntry>;

// --- the pipeline board --------------------------------------------------------------------------

export const PipelineQuery = z.object({
  q: DealFilters.shape.q,
  ownerId: DealFilters.shape.ownerId,
  amountMin: AmountQuery,
  amountMax: AmountQuery,
  expectedCloseFrom: DateString.optional(),
  expectedCloseTo: DateString.optional(),
  /** Cards shown in each of the won and lost columns (most recently closed first); counts and totals cover all. */
  closedCards: z.coerce.number().int().min(0).max(200).default(20),
});
export type PipelineQuery = z.infer<typeof PipelineQuery>;

/**
 * A compact card (≤ 250 bytes as JSON): `account` is the account's name, `owner` an index into the
 * board's `owners`, `currency` only when it differs from the board's, `close` the expected close date
 * (the close date in the won and lost columns), `days` whole days in the stage.
 */
export const PipelineCard = z.object({
  id: Id,
  title: z.string(),
  account: z.string().nullable(),
  amount: z.number().int(),
  currency: z.string().optional(),
  owner: z.number().int().nullable(),
  close: z.string().nullable(),
  days: z.number().int(),
  rank: z.string(),
  version: z.number().int(),
});
export type PipelineCard = z.infer<typeof PipelineCard>;

export const CurrencyTotal = z.object({
  currency: z.string(),
  count: z.number().int(),
  amount: z.number().int(),
  weightedAmount: z.number().int(),
});

export const PipelineColumn = z.object({
  stage: z.string(),
  stageId: Id,
  name: z.string(),
  kind: z.enum(['open', 'won', 'lost']),
  probability: z.number(),
  /** Deals in the column, in every currency (also where `cards` shows fewer). */
  count: z.number().int(),
  /** Sums over the deals in the board's currency, in minor units. */
  amount: z.number().int(),
  weightedAmount: z.number().int(),
  /** Deals in other currencies, summed per currency (not converted). */
  otherCurrencies: z.array(CurrencyTotal),
  cards: z.array(PipelineCard),
});

export const Pipeline = z.object({
  projectId: Id,
  currency: z.string(),
  owners: z.array(z.object({ id: Id, name: z.string() })),
  columns: z.array(PipelineColumn),
});
export type Pipeline = z.infer<typeof Pipeline>;
