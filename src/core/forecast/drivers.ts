import type { ExactDistribution } from './exact';

/**
 * "Deals that matter most": for deal i, deltaᵢ = P(S ≥ t | Xᵢ = 1) − P(S ≥ t | Xᵢ = 0)
 *   = P(S₋ᵢ ≥ t − aᵢ) − P(S₋ᵢ ≥ t) = P(t − aᵢ ≤ S₋ᵢ < t),
 * where S₋ᵢ is the pipeline sum without deal i and t the threshold (target − attained).
 */

/**
 * Exact deltas from the full distribution, removing each deal by deconvolution:
 * f[k] = (1 − p)·g[k] + p·g[k − s] solved for g = pmf of S₋ᵢ. The recursion runs upward when
 * p ≤ ½ and downward when p > ½, so round-off is multiplied by p/(1−p) ≤ 1 (resp. (1−p)/p ≤ 1)
 * per step and never amplified. Work: deals × states, like the DP itself.
 */
export function exactDeltas(
  dist: ExactDistribution,
  amounts: ArrayLike<number>,
  probs: ArrayLike<number>,
  threshold: number,
): Float64Array {
  const n = amounts.length;
  const deltas = new Float64Array(n);
  if (threshold <= 0) return deltas;
  const f = dist.pmf;
  const top = f.length - 1;
  const g = new Float64Array(f.length);
  for (let i = 0; i < n; i++) {
    const s = amounts[i] / dist.unit;
    if (s === 0) continue;
    const p = probs[i];
    const rest = top - s; // support of S₋ᵢ is 0 … rest
    g.fill(0);
    if (p <= 0.5) {
      const q = 1 - p;
      for (let k = 0; k <= rest; k++) g[k] = (f[k] - (k >= s ? p * g[k - s] : 0)) / q;
    } else {
      const q = 1 - p;
      for (let k = top; k >= s; k--) g[k - s] = (f[k] - (k <= rest ? q * g[k] : 0)) / p;
    }
    const from = Math.max(0, Math.ceil((threshold - amounts[i]) / dist.unit));
    const to = Math.min(rest, Math.ceil(threshold / dist.unit) - 1);
    let sum = 0;
    for (let k = from; k <= to; k++) sum += g[k];
    deltas[i] = Math.min(1, Math.max(0, sum));
  }
  return deltas;
}

/** Φ, the standard normal CDF (Abramowitz & Stegun 7.1.26; absolute error < 1.5e-7). */
export function standardNormalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * z);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-z * z);
  return x >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
}

/**
 * Deltas under a normal approximation of S₋ᵢ (mean and variance of the Bernoulli sum). Only used
 * to shortlist candidates when the exact distribution is too expensive; their deltas are then
 * estimated from the Monte Carlo trials.
 */
export function approximateDeltas(amounts: ArrayLike<number>, probs: ArrayLike<number>, threshold: number): Float64Array {
  const n = amounts.length;
  let mean = 0;
  let variance = 0;
  for (let i = 0; i < n; i++) {
    mean += probs[i] * amounts[i];
    variance += probs[i] * (1 - probs[i]) * amounts[i] * amounts[i];
  }
  const deltas = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const a = amounts[i];
    const p = probs[i];
    const m = mean - p * a;
    const v = Math.max(0, variance - p * (1 - p) * a * a);
    if (v === 0) {
      deltas[i] = (m >= threshold - a ? 1 : 0) - (m >= threshold ? 1 : 0);
    } else {
      const sd = Math.sqrt(v);
      deltas[i] = standardNormalCdf((m - threshold + a) / sd) - standardNormalCdf((m - threshold) / sd);
    }
  }
  return deltas;
}

/**
 * Monte Carlo delta of one tracked deal: the share of trials whose total without the deal,
 * totalⱼ − wonⱼ·a, lies in [t − a, t).
 */
export function monteCarloDelta(totals: Float64Array, won: Uint8Array, amount: number, threshold: number): number {
  if (threshold <= 0) return 0;
  const low = threshold - amount;
  let hits = 0;
  for (let j = 0; j < totals.length; j++) {
    const without = totals[j] - won[j] * amount;
    if (without >= low && without < threshold) hits++;
  }
  return hits / totals.length;
}

/** Indices of the `count` largest scores (ties: larger amount, then lower index). */
export function topIndices(scores: ArrayLike<number>, amounts: ArrayLike<number>, count: number): number[] {
  const order = Array.from({ length: scores.length }, (_, i) => i);
  order.sort((x, y) => scores[y] - scores[x] || amounts[y] - amounts[x] || x - y);
  return order.slice(0, count);
}
