import { isPipelineMetric } from '../goals/goal-scope';
import type { Forecast, ForecastDriver, Goal } from '../goals/schemas';
import { collectPipeline, type ForecastDeal, type OpenDeal } from './collect-pipeline';
import type { Rates } from './currency';
import { approximateDeltas, exactDeltas, monteCarloDelta, topIndices } from './drivers';
import { distributionProbabilityAtLeast, distributionQuantile, exactDistribution, exactStateCount } from './exact';
import { DEFAULT_SEED, DEFAULT_TRIALS, monteCarloForecast } from './monte-carlo';
import { computePace, type WorkingDaysBetween } from './pace';

export type { ForecastDeal } from './collect-pipeline';
export type { WorkingDaysBetween } from './pace';

/** The exact DP is used while states ≤ this … */
export const EXACT_MAX_STATES = 1_000_000;
/** … and deals × states ≤ this (about the cost of the Monte Carlo it replaces). */
export const EXACT_MAX_WORK = 8_000_000;
/** Open deals with at least this probability are in the commit. */
export const COMMIT_PROBABILITY = 0.7;
export const DRIVER_COUNT = 5;
/** Without the exact DP, drivers are chosen among this many deals shortlisted by a normal approximation. */
export const DRIVER_CANDIDATES = 32;
/** Deltas at or below this are round-off, not drivers. */
const DELTA_EPSILON = 1e-9;

export type ForecastInput = {
  goal: Pick<Goal, 'metric' | 'target' | 'currency' | 'startDate' | 'dueDate'>;
  /** The project's deals (in the goal's scope, or narrowed by `ownerIds`). */
  deals: readonly ForecastDeal[];
  today: string;
  workingDaysBetween: WorkingDaysBetween;
  /** currency → goal-currency units per major unit; see `convertMinorUnits`. */
  rates: Rates;
  trials?: number;
  seed?: number;
  /** Count only these owners' deals (a member goal: `goalDealOwnerIds(goal)`); null: all deals. */
  ownerIds?: readonly string[] | null;
  /** Attained value of a `new_customers`, `activities` or `custom` goal, computed by the caller. */
  attainedOverride?: number;
  /** Compute the deals that matter most (default true). */
  drivers?: boolean;
};

/**
 * What the heavy part of a forecast needs: plain numbers and typed arrays, so that it can run in a
 * worker thread (structured clone / transfer) and be cached by its content.
 */
export type OutcomeInput = {
  /** Already-certain part of the outcome (attained so far). */
  attained: number;
  target: number;
  /** Values of the counted open deals (goal units), and their probabilities. */
  amounts: Float64Array;
  probabilities: Float64Array;
  trials: number;
  seed: number;
  drivers: boolean;
};

/**
 * The probability model's answer. Drivers are candidate indices into the open deals with their
 * deltas (unranked: the ranking needs the deals' ids, see `finishForecast`).
 */
export type PipelineOutcome = Pick<Forecast, 'probability' | 'p10' | 'p50' | 'p90' | 'method' | 'trials'> & {
  candidateIndices: number[];
  candidateDeltas: number[];
};

/** A forecast with everything but the probability model computed (cheap: one pass over the deals). */
export type PreparedForecast = {
  goal: ForecastInput['goal'];
  attained: number;
  open: OpenDeal[];
  excludedDealIds: string[];
  /** The probability model's input, or null for metrics without a pipeline model. */
  outcomeInput: OutcomeInput | null;
  today: string;
  workingDaysBetween: WorkingDaysBetween;
  /** Whether the answer lists the deals that matter most. */
  drivers: boolean;
};

export function prepareForecast(input: ForecastInput): PreparedForecast {
  const { goal } = input;
  const drivers = input.drivers ?? true;
  const base = { goal, today: input.today, workingDaysBetween: input.workingDaysBetween, drivers };
  if (!isPipelineMetric(goal.metric)) {
    return { ...base, attained: input.attainedOverride ?? 0, open: [], excludedDealIds: [], outcomeInput: null };
  }
  const collected = collectPipeline(input);
  return {
    ...base,
    attained: collected.attained,
    open: collected.open,
    excludedDealIds: collected.excludedDealIds,
    outcomeInput: {
      attained: collected.attained,
      target: goal.target,
      amounts: Float64Array.from(collected.open, (deal) => deal.value),
      probabilities: Float64Array.from(collected.open, (deal) => deal.probability),
      trials: input.trials ?? DEFAULT_TRIALS,
      seed: input.seed ?? DEFAULT_SEED,
      drivers,
    },
  };
}

/**
 * Goal forecast, SPEC §3.3. Pure: the caller passes today, the calendar and the rates.
 *
 * Revenue and deals-won goals are forecast from the pipeline (see `collectPipeline` for which
 * deals count). The probability of attainment and P10/P50/P90 come from the exact distribution
 * when it is cheap (`method: 'exact'`) and otherwise from a seeded Monte Carlo
 * (`method: 'monte-carlo'`, deterministic for a given seed). Open deals count as SPEC says —
 * expected close on or before the due date — also after the due date has passed (a deal entered
 * late with a back-dated close date still counts), so the probability only becomes 0 or 1 when
 * no such open deal remains.
 *
 * Other metrics (new customers, activities, custom) have no pipeline model: attained is
 * `attainedOverride` (0 when absent), pipeline values are 0, commit = best case = attained,
 * P10/P50/P90 and the method are null, and the probability is 1 once the target is reached,
 * else null (unknown) rather than a made-up number.
 *
 * The same in three steps, for a server that runs the middle one in a worker thread:
 * `prepareForecast` → `computeOutcome(prepared.outcomeInput)` → `finishForecast`.
 */
export function computeForecast(input: ForecastInput): Forecast {
  const prepared = prepareForecast(input);
  return finishForecast(prepared, prepared.outcomeInput === null ? null : computeOutcome(prepared.outcomeInput));
}

/** The forecast from a prepared one and its probability model's outcome (null for metrics without one). */
export function finishForecast(prepared: PreparedForecast, outcome: PipelineOutcome | null): Forecast {
  const { goal, attained, open } = prepared;
  const isMoney = goal.currency !== null;
  const roundMoney = (value: number): number => (isMoney ? Math.round(value) : value);
  const roundMoneyOrNull = (value: number | null): number | null => (value === null ? null : roundMoney(value));
  const model =
    outcome ??
    ({
      probability: attained >= goal.target ? 1 : null,
      p10: null,
      p50: null,
      p90: null,
      method: null,
      trials: null,
      candidateIndices: [],
      candidateDeltas: [],
    } satisfies PipelineOutcome);

  let weightedPipeline = 0;
  let commit = attained;
  let bestCase = attained;
  for (const deal of open) {
    weightedPipeline += deal.value * deal.probability;
    bestCase += deal.value;
    if (deal.probability >= COMMIT_PROBABILITY) commit += deal.value;
  }

  const pace = computePace({
    target: goal.target,
    attained,
    startDate: goal.startDate,
    dueDate: goal.dueDate,
    today: prepared.today,
    workingDaysBetween: prepared.workingDaysBetween,
  });

  const forecast: Forecast = {
    attained,
    weightedPipeline: roundMoney(weightedPipeline),
    commit,
    bestCase,
    probability: model.probability,
    p10: model.p10,
    p50: model.p50,
    p90: model.p90,
    expectedByNow: roundMoney(pace.expectedByNow),
    pace: pace.pace,
    requiredRunRate: roundMoneyOrNull(pace.requiredRunRate),
    method: model.method,
    trials: model.trials,
    currency: goal.currency,
    periodWorkingDays: pace.periodWorkingDays,
    elapsedWorkingDays: pace.elapsedWorkingDays,
    remainingWorkingDays: pace.remainingWorkingDays,
    excludedDealIds: prepared.excludedDealIds,
  };
  if (prepared.drivers) forecast.drivers = rankDrivers(open, model.candidateIndices, model.candidateDeltas);
  return forecast;
}

/**
 * The probability model: P(attained + S ≥ target), P10/P50/P90 of attained + S, and the deltas of the
 * candidate drivers. Exact when the DP is cheap, else a seeded Monte Carlo. Runs on typed arrays only.
 */
export function computeOutcome(input: OutcomeInput): PipelineOutcome {
  const { attained, amounts, probabilities: probs, target } = input;
  const wantsDrivers = input.drivers;
  const need = target - attained;

  const states = exactStateCount(amounts);
  const dist =
    states <= EXACT_MAX_STATES && amounts.length * states <= EXACT_MAX_WORK ? exactDistribution(amounts, probs, EXACT_MAX_STATES) : null;
  if (dist !== null) {
    const deltas = wantsDrivers ? exactDeltas(dist, amounts, probs, need) : new Float64Array(0);
    return {
      probability: distributionProbabilityAtLeast(dist, need),
      p10: attained + distributionQuantile(dist, 0.1),
      p50: attained + distributionQuantile(dist, 0.5),
      p90: attained + distributionQuantile(dist, 0.9),
      method: 'exact',
      trials: null,
      candidateIndices: Array.from(deltas.keys()),
      candidateDeltas: Array.from(deltas),
    };
  }

  const candidates = wantsDrivers && need > 0 ? topIndices(approximateDeltas(amounts, probs, need), amounts, DRIVER_CANDIDATES) : [];
  const mc = monteCarloForecast({
    base: attained,
    amounts,
    probabilities: probs,
    target,
    trials: input.trials,
    seed: input.seed,
    trackedIndices: candidates,
  });
  return {
    probability: mc.probability,
    p10: mc.p10,
    p50: mc.p50,
    p90: mc.p90,
    method: 'monte-carlo',
    trials: mc.trials,
    candidateIndices: candidates,
    candidateDeltas: candidates.map((index, t) => monteCarloDelta(mc.simulation.totals, mc.simulation.won[t], amounts[index], need)),
  };
}

/** Top deals by delta (ties: larger amount, then id), leaving out deals that change nothing. */
function rankDrivers(open: readonly OpenDeal[], indices: readonly number[], deltas: ArrayLike<number>): ForecastDriver[] {
  return indices
    .map((index, k) => ({ deal: open[index], delta: deltas[k] }))
    .filter((entry) => entry.delta > DELTA_EPSILON)
    .sort((x, y) => y.delta - x.delta || y.deal.value - x.deal.value || (x.deal.id < y.deal.id ? -1 : 1))
    .slice(0, DRIVER_COUNT)
    .map(({ deal, delta }) => ({ dealId: deal.id, amount: deal.value, probability: deal.probability, delta }));
}
