/**
 * Exact distribution of S = Σ Xᵢ·aᵢ with Xᵢ ~ Bernoulli(pᵢ) independent, by dynamic programming
 * over the amounts. Amounts are non-negative integers (minor units, or 1 per deal for counts);
 * they are bucketed by their greatest common divisor `unit`, so state k stands for S = k·unit.
 * The work is about (number of deals) × (number of states): callers cap it with `maxStates`
 * and `exactWork` and fall back to Monte Carlo when it is not cheap.
 */

export type ExactDistribution = {
  /** gcd of the non-zero amounts (1 when all are zero). */
  unit: number;
  /** pmf[k] = P(S = k·unit), k = 0 … Σaᵢ / unit. */
  pmf: Float64Array;
};

export const DEFAULT_MAX_STATES = 1_000_000;

/** Cumulative probabilities within this of q count as reaching q (guards float round-off). */
const QUANTILE_TOLERANCE = 1e-12;

function gcd(a: number, b: number): number {
  let x = a;
  let y = b;
  while (y !== 0) {
    const r = x % y;
    x = y;
    y = r;
  }
  return x;
}

function assertInputs(amounts: ArrayLike<number>, probs: ArrayLike<number>): void {
  if (amounts.length !== probs.length) throw new RangeError('amounts and probabilities differ in length');
  for (let i = 0; i < amounts.length; i++) {
    const a = amounts[i];
    if (!Number.isSafeInteger(a) || a < 0) throw new RangeError(`amount ${i} is not a non-negative safe integer`);
    const p = probs[i];
    if (!(p >= 0 && p <= 1)) throw new RangeError(`probability ${i} is outside [0, 1]`);
  }
}

/** gcd of the non-zero amounts, 1 when there are none. */
export function amountUnit(amounts: ArrayLike<number>): number {
  let g = 0;
  for (let i = 0; i < amounts.length; i++) g = gcd(g, amounts[i]);
  return g === 0 ? 1 : g;
}

/** Number of DP states of the full distribution: Σaᵢ / unit + 1. */
export function exactStateCount(amounts: ArrayLike<number>): number {
  const unit = amountUnit(amounts);
  let steps = 0;
  for (let i = 0; i < amounts.length; i++) steps += amounts[i] / unit;
  return steps + 1;
}

/** DP work of the full distribution (deals × states), to decide whether it is cheap. */
export function exactWork(amounts: ArrayLike<number>): number {
  return amounts.length * exactStateCount(amounts);
}

/** The exact distribution of S, or null when it needs more than `maxStates` states. */
export function exactDistribution(
  amounts: ArrayLike<number>,
  probs: ArrayLike<number>,
  maxStates: number = DEFAULT_MAX_STATES,
): ExactDistribution | null {
  assertInputs(amounts, probs);
  const states = exactStateCount(amounts);
  if (states > maxStates) return null;
  const unit = amountUnit(amounts);
  const pmf = new Float64Array(states);
  pmf[0] = 1;
  let top = 0;
  for (let i = 0; i < amounts.length; i++) {
    const step = amounts[i] / unit;
    if (step === 0) continue;
    const p = probs[i];
    const q = 1 - p;
    // Descending, so each pmf[k + step] we add to has already moved its own mass.
    for (let k = top; k >= 0; k--) {
      const mass = pmf[k];
      pmf[k + step] += p * mass;
      pmf[k] = q * mass;
    }
    top += step;
  }
  return { unit, pmf };
}

/** P(S ≥ threshold) from a distribution. */
export function distributionProbabilityAtLeast(dist: ExactDistribution, threshold: number): number {
  if (threshold <= 0) return 1;
  const from = Math.ceil(threshold / dist.unit);
  let sum = 0;
  for (let k = from; k < dist.pmf.length; k++) sum += dist.pmf[k];
  return Math.min(1, Math.max(0, sum));
}

/**
 * Lower q-quantile of S: the smallest value v with P(S ≤ v) ≥ q (the same definition the
 * Monte Carlo uses on its sorted trials).
 */
export function distributionQuantile(dist: ExactDistribution, q: number): number {
  let cumulative = 0;
  let lastReachable = 0;
  for (let k = 0; k < dist.pmf.length; k++) {
    if (dist.pmf[k] === 0) continue;
    lastReachable = k;
    cumulative += dist.pmf[k];
    if (cumulative >= q - QUANTILE_TOLERANCE) return k * dist.unit;
  }
  return lastReachable * dist.unit;
}

/**
 * P(Σ Xᵢ·aᵢ ≥ threshold) exactly, or null when it needs more than `maxStates` states. Sums at or
 * above the threshold are merged into one absorbing state, so only ⌈threshold / unit⌉ + 1 states
 * are needed however large the pipeline.
 */
export function exactProbabilityAtLeast(
  amounts: ArrayLike<number>,
  probs: ArrayLike<number>,
  threshold: number,
  maxStates: number = DEFAULT_MAX_STATES,
): number | null {
  assertInputs(amounts, probs);
  if (threshold <= 0) return 1;
  const unit = amountUnit(amounts);
  const cap = Math.ceil(threshold / unit);
  if (exactStateCount(amounts) - 1 < cap) return 0;
  if (cap + 1 > maxStates) return null;
  const f = new Float64Array(cap + 1);
  f[0] = 1;
  let top = 0;
  for (let i = 0; i < amounts.length; i++) {
    const step = amounts[i] / unit;
    if (step === 0) continue;
    const p = probs[i];
    const q = 1 - p;
    // State `cap` absorbs: once there, the sum stays ≥ threshold whatever happens.
    for (let k = Math.min(top, cap - 1); k >= 0; k--) {
      const mass = f[k];
      const to = Math.min(k + step, cap);
      f[to] += p * mass;
      f[k] = q * mass;
    }
    top = Math.min(cap, top + step);
  }
  return Math.min(1, Math.max(0, f[cap]));
}
