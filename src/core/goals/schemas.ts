import { z } from 'zod';

/**
 * Goal, check-in, forecast and SMART shapes (SPEC §1.1, §3.3, §3.4, §4.1).
 * The API contract: server routes and the web client import these.
 */

export const goalMetrics = ['revenue', 'deals_won', 'new_customers', 'activities', 'custom'] as const;
export const GoalMetricSchema = z.enum(goalMetrics);
export type GoalMetric = z.infer<typeof GoalMetricSchema>;

const IdSchema = z.string().min(1).max(128);
/** Calendar date `YYYY-MM-DD` (a real date: 2023-02-29 is refused). */
export const IsoDateSchema = z.iso.date();
/** ISO 4217 alphabetic code. */
export const CurrencyCodeSchema = z.currencyCode();

const goalFields = {
  title: z.string().trim().min(1).max(200),
  /** The *Specific* part: what counts toward the goal. */
  description: z.string().max(10_000),
  metric: GoalMetricSchema,
  /** Money in integer minor units (fen, cents); counts for the counting metrics. */
  target: z.number().finite().min(0).max(Number.MAX_SAFE_INTEGER),
  /** Required for `revenue`, null for the counting metrics, optional for `custom`. */
  currency: CurrencyCodeSchema.nullable(),
  startDate: IsoDateSchema,
  dueDate: IsoDateSchema,
  ownerId: IdSchema.nullable(),
  parentId: IdSchema.nullable(),
  /**
   * A region goal counts only deals (and activities on deals) whose customer account has this
   * region (accounts' `region`, compared exactly); null: no region filter.
   */
  region: z.string().trim().min(1).max(100).nullable(),
  /** Why the goal matters (the *Relevant* part) when it has no parent goal. */
  relevance: z.string().max(2_000),
  /** Relative weight among sibling goals (for evaluation scores). */
  weight: z.number().finite().min(0).max(1_000),
};

export const GoalSchema = z.object({
  id: IdSchema,
  projectId: IdSchema,
  ...goalFields,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  version: z.number().int().min(1),
});
export type Goal = z.infer<typeof GoalSchema>;

/** The fields the cross-field rules look at. */
export type GoalRuleFields = Pick<Goal, 'metric' | 'target' | 'currency' | 'startDate' | 'dueDate'>;

export type GoalIssue = {
  path: readonly (keyof GoalRuleFields)[];
  code: 'due_before_start' | 'currency_required' | 'currency_not_allowed' | 'target_not_integer';
  message: string;
};

/** Metrics whose values are counts (integers) and carry no currency. */
const countingMetrics: ReadonlySet<GoalMetric> = new Set(['deals_won', 'new_customers', 'activities']);

/**
 * Cross-field rules of a goal. `GoalCreateSchema` applies them; for a PATCH the service merges the
 * patch into the stored goal and calls this (a non-empty answer is a 422).
 */
export function goalIssues(goal: GoalRuleFields): GoalIssue[] {
  const issues: GoalIssue[] = [];
  if (goal.dueDate < goal.startDate) {
    issues.push({ path: ['dueDate'], code: 'due_before_start', message: 'The due date is before the start date.' });
  }
  if (goal.metric === 'revenue' && goal.currency === null) {
    issues.push({ path: ['currency'], code: 'currency_required', message: 'A revenue goal needs a currency.' });
  }
  if (countingMetrics.has(goal.metric) && goal.currency !== null) {
    issues.push({ path: ['currency'], code: 'currency_not_allowed', message: 'A counting goal has no currency.' });
  }
  const isInteger = countingMetrics.has(goal.metric) || goal.metric === 'revenue' || goal.currency !== null;
  if (isInteger && !Number.isInteger(goal.target)) {
    issues.push({
      path: ['target'],
      code: 'target_not_integer',
      message: 'The target must be a whole number (money in minor units, or a count).',
    });
  }
  return issues;
}

export const GoalCreateSchema = z
  .object({
    ...goalFields,
    description: goalFields.description.default(''),
    currency: goalFields.currency.default(null),
    ownerId: goalFields.ownerId.default(null),
    parentId: goalFields.parentId.default(null),
    region: goalFields.region.default(null),
    relevance: goalFields.relevance.default(''),
    weight: goalFields.weight.default(1),
  })
  .superRefine((goal, ctx) => {
    for (const issue of goalIssues(goal)) {
      ctx.addIssue({ code: 'custom', path: [...issue.path], message: issue.message, params: { code: issue.code } });
    }
  });
export type GoalCreate = z.infer<typeof GoalCreateSchema>;

/** A partial update; `version` (optional here, or `If-Match`) guards against stale writes. */
export const GoalPatchSchema = z.object({
  title: goalFields.title.optional(),
  description: goalFields.description.optional(),
  metric: goalFields.metric.optional(),
  target: goalFields.target.optional(),
  currency: goalFields.currency.optional(),
  startDate: goalFields.startDate.optional(),
  dueDate: goalFields.dueDate.optional(),
  ownerId: goalFields.ownerId.optional(),
  parentId: goalFields.parentId.optional(),
  region: goalFields.region.optional(),
  relevance: goalFields.relevance.optional(),
  weight: goalFields.weight.optional(),
  version: z.number().int().min(1).optional(),
});
export type GoalPatch = z.infer<typeof GoalPatchSchema>;

/** A manual progress reading of a `custom` goal: the value as of `date` (not an increment). */
export const CheckInSchema = z.object({
  id: IdSchema,
  goalId: IdSchema,
  value: z.number().finite(),
  date: IsoDateSchema,
  comment: z.string().max(2_000),
  authorId: IdSchema.nullable(),
  createdAt: z.iso.datetime(),
  version: z.number().int().min(1),
});
export type CheckIn = z.infer<typeof CheckInSchema>;

export const CheckInCreateSchema = z.object({
  value: z.number().finite(),
  date: IsoDateSchema,
  comment: z.string().max(2_000).default(''),
});
export type CheckInCreate = z.infer<typeof CheckInCreateSchema>;

export const CheckInPatchSchema = z.object({
  value: z.number().finite().optional(),
  date: IsoDateSchema.optional(),
  comment: z.string().max(2_000).optional(),
  version: z.number().int().min(1).optional(),
});
export type CheckInPatch = z.infer<typeof CheckInPatchSchema>;

/** One of the deals that matter most: how much winning rather than losing it moves the probability. */
export const ForecastDriverSchema = z.object({
  dealId: IdSchema,
  /** What the deal adds to the metric: minor units of the goal's currency (revenue) or 1 (deals won). */
  amount: z.number(),
  probability: z.number().min(0).max(1),
  /** P(target reached | deal won) − P(target reached | deal lost). */
  delta: z.number().min(0).max(1),
});
export type ForecastDriver = z.infer<typeof ForecastDriverSchema>;

export const forecastMethods = ['exact', 'monte-carlo'] as const;

/**
 * `GET /goals/{id}/forecast`. Values are in the goal's unit: minor units of its currency, or a count.
 * Money values are rounded to whole minor units; counts keep fractions (e.g. 7.5 deals expected).
 */
export const ForecastSchema = z.object({
  attained: z.number(),
  weightedPipeline: z.number(),
  commit: z.number(),
  bestCase: z.number(),
  /** P(final outcome ≥ target); null when the metric has no pipeline model and the target is not yet reached. */
  probability: z.number().min(0).max(1).nullable(),
  p10: z.number().nullable(),
  p50: z.number().nullable(),
  p90: z.number().nullable(),
  expectedByNow: z.number(),
  /** attained ÷ expectedByNow; null when nothing is expected yet. */
  pace: z.number().nullable(),
  /** Per remaining working day; null when no working day remains. */
  requiredRunRate: z.number().nullable(),
  /** How probability and P10/P50/P90 were computed; null when there is no pipeline model. */
  method: z.enum(forecastMethods).nullable(),
  /** Monte Carlo trials, or null when exact. */
  trials: z.number().int().nullable(),
  currency: CurrencyCodeSchema.nullable(),
  periodWorkingDays: z.number().int().min(0),
  elapsedWorkingDays: z.number().int().min(0),
  remainingWorkingDays: z.number().int().min(0),
  /** Deals that would count but are in a currency without a rate (or have an invalid amount). */
  excludedDealIds: z.array(IdSchema),
  /** The deals that matter most, largest delta first (at most 5). */
  drivers: z.array(ForecastDriverSchema).optional(),
});
export type Forecast = z.infer<typeof ForecastSchema>;

export const smartOutcomes = ['pass', 'warn', 'fail'] as const;

/** One SMART letter: `reason` is English; the web translates `reasonKey` with `params`. */
export const SmartResultSchema = z.object({
  result: z.enum(smartOutcomes),
  reason: z.string(),
  reasonKey: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});
export type SmartResult = z.infer<typeof SmartResultSchema>;

/** `GET /goals/{id}/smart`. */
export const SmartSchema = z.object({
  s: SmartResultSchema,
  m: SmartResultSchema,
  a: SmartResultSchema,
  r: SmartResultSchema,
  t: SmartResultSchema,
});
export type Smart = z.infer<typeof SmartSchema>;

/** Which deals (and activities) a goal counts: the whole project, one member's (a quota), or one region's. */
export const goalScopes = ['project', 'member', 'region'] as const;
export const GoalScopeSchema = z.enum(goalScopes);

/**
 * One goal of `GET /projects/{id}/goals`, with its progress computed from data (never stored) and
 * how its direct children add up. Items come depth-first (a parent before its children, siblings
 * by start date then title), `depth` 0 for a top-level goal.
 */
export const GoalNodeSchema = GoalSchema.extend({
  scope: GoalScopeSchema,
  depth: z.number().int().min(0),
  /** Attained so far (today included), in the goal's unit: minor units of its currency, or a count. */
  attained: z.number(),
  /** attained ÷ target; null when the target is 0. */
  progress: z.number().nullable(),
  childCount: z.number().int().min(0),
  /**
   * Σ of the direct children's targets that measure the same metric, money converted to this goal's
   * currency at the workspace's rates; null without such children (or when a child's currency has no rate).
   */
  childrenTarget: z.number().nullable(),
  /** Σ of those children's attained values (same conversion); null likewise. */
  childrenAttained: z.number().nullable(),
  /** target − childrenTarget: positive when the children fall short of the parent; null likewise. */
  childrenGap: z.number().nullable(),
  /** false where the children's targets do not add up to this goal's target; null without children to compare. */
  childrenAddUp: z.boolean().nullable(),
  /** Children of another metric (left out of the sums above). */
  otherMetricChildren: z.number().int().min(0),
});
export type GoalNode = z.infer<typeof GoalNodeSchema>;

export const GoalTreeSchema = z.object({
  items: z.array(GoalNodeSchema),
  nextCursor: z.null(),
  /** The caller's date the progress was computed for (their time zone). */
  today: IsoDateSchema,
});
export type GoalTree = z.infer<typeof GoalTreeSchema>;

/**
 * `POST /goals/smart`: the SMART check of an unsaved goal (the form as the user types). Lenient on
 * purpose: an incomplete target or a missing description is what the check reports, not a 400.
 */
export const SmartDraftSchema = z.object({
  projectId: IdSchema,
  description: z.string().max(10_000).default(''),
  metric: GoalMetricSchema,
  target: z.number().finite().min(-Number.MAX_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER).default(0),
  currency: CurrencyCodeSchema.nullable().default(null),
  startDate: IsoDateSchema,
  dueDate: IsoDateSchema,
  ownerId: IdSchema.nullable().default(null),
  parentId: IdSchema.nullable().default(null),
  region: z.string().trim().min(1).max(100).nullable().default(null),
  relevance: z.string().max(2_000).default(''),
});
export type SmartDraft = z.infer<typeof SmartDraftSchema>;

/** One member quota of `GET /goals/{id}/leaderboard`. */
export const LeaderboardEntrySchema = z.object({
  goalId: IdSchema,
  title: z.string(),
  userId: IdSchema,
  /** The member's display name (null when the user no longer exists). */
  name: z.string().nullable(),
  target: z.number(),
  attained: z.number(),
  /** attained ÷ target; null when the target is 0. */
  progress: z.number().nullable(),
  /** Probability of reaching the quota by its due date (null when the metric has no pipeline model). */
  probability: z.number().min(0).max(1).nullable(),
  weightedPipeline: z.number(),
  currency: CurrencyCodeSchema.nullable(),
  rank: z.number().int().min(1),
});
export type LeaderboardEntry = z.infer<typeof LeaderboardEntrySchema>;

/**
 * `GET /goals/{id}/leaderboard`: the goal's member quotas (direct children scoped to a member), best
 * progress first (ties: higher probability, then name).
 */
export const LeaderboardSchema = z.object({
  goalId: IdSchema,
  metric: GoalMetricSchema,
  items: z.array(LeaderboardEntrySchema),
});
export type Leaderboard = z.infer<typeof LeaderboardSchema>;

export const CheckInListSchema = z.object({ items: z.array(CheckInSchema), nextCursor: z.null() });
