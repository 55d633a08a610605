import { seedXoshiro128 } from './prng';

/**
 * Seeded Monte Carlo of S = Σ Xᵢ·aᵢ, Xᵢ ~ Bernoulli(pᵢ) independent.
 *
 * Speed (2,000 deals × 20,000 trials = 40 M draws): deals are the outer loop over a Float64Array of
 * trial totals (160 kB, stays in cache), two deals per pass; the xoshiro128** step is inlined
 * with its state in locals; each probability becomes an integer threshold on 31 random bits, so
 * a draw is `won = (r − threshold) >>> 31` (1 when r < threshold; r and threshold < 2³¹, so the
 * difference fits) and the total is updated without a branch. Deals with p = 0 or amount 0 draw
 * nothing; deals with p = 1 add their amount to every trial. Resolution of p is 2⁻³¹.
 */

export const DEFAULT_TRIALS = 20_000;
export const DEFAULT_SEED = 20_240_331;

const TWO_POW_31 = 2_147_483_648;

export type SimulationInput = {
  amounts: ArrayLike<number>;
  probabilities: ArrayLike<number>;
  trials?: number;
  seed?: number;
  /** Deals whose per-trial outcome to keep (for drivers). */
  trackedIndices?: readonly number[];
};

export type Simulation = {
  /** Σ Xᵢ·aᵢ per trial. */
  totals: Float64Array;
  /** won[t][j] = 1 when tracked deal trackedIndices[t] was won in trial j. */
  won: Uint8Array[];
};

export function simulateTotals(input: SimulationInput): Simulation {
  const trials = input.trials ?? DEFAULT_TRIALS;
  if (!Number.isInteger(trials) || trials < 1) throw new RangeError('trials must be a positive integer');
  const { amounts, probabilities } = input;
  if (amounts.length !== probabilities.length) throw new RangeError('amounts and probabilities differ in length');
  const totals = new Float64Array(trials);
  const tracked = new Map<number, Uint8Array>();
  for (const index of input.trackedIndices ?? []) tracked.set(index, new Uint8Array(trials));

  // Sort the deals: certain ones are added at once, random untracked ones go two per pass over
  // the trials (one load/store of each total for two draws), tracked ones one per pass.
  const untracked: number[] = [];
  for (let d = 0; d < amounts.length; d++) {
    const a = amounts[d];
    const p = probabilities[d];
    if (a === 0 || !(p > 0)) continue;
    if (p >= 1) {
      for (let j = 0; j < trials; j++) totals[j] += a;
      tracked.get(d)?.fill(1);
    } else if (!tracked.has(d)) {
      untracked.push(d);
    }
  }

  const state = seedXoshiro128(input.seed ?? DEFAULT_SEED);
  let s0 = state[0] | 0;
  let s1 = state[1] | 0;
  let s2 = state[2] | 0;
  let s3 = state[3] | 0;

  let k = 0;
  for (; k + 1 < untracked.length; k += 2) {
    const a = amounts[untracked[k]];
    const b = amounts[untracked[k + 1]];
    const thresholdA = Math.round(probabilities[untracked[k]] * TWO_POW_31);
    const thresholdB = Math.round(probabilities[untracked[k + 1]] * TWO_POW_31);
    for (let j = 0; j < trials; j++) {
      let m = Math.imul(s1, 5);
      const rA = Math.imul((m << 7) | (m >>> 25), 9) >>> 1;
      let t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
      m = Math.imul(s1, 5);
      const rB = Math.imul((m << 7) | (m >>> 25), 9) >>> 1;
      t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
      totals[j] += ((rA - thresholdA) >>> 31) * a + ((rB - thresholdB) >>> 31) * b;
    }
  }

  const singles = k < untracked.length ? [untracked[k]] : [];
  for (const index of input.trackedIndices ?? []) if (!singles.includes(index)) singles.push(index);
  for (const d of singles) {
    const a = amounts[d];
    const p = probabilities[d];
    if (a === 0 || !(p > 0) || p >= 1) continue;
    const threshold = Math.round(p * TWO_POW_31);
    const flags = tracked.get(d);
    for (let j = 0; j < trials; j++) {
      const m = Math.imul(s1, 5);
      const r = Math.imul((m << 7) | (m >>> 25), 9) >>> 1;
      const t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
      const won = (r - threshold) >>> 31;
      if (flags !== undefined) flags[j] = won;
      totals[j] += won * a;
    }
  }
  const won = (input.trackedIndices ?? []).map((index) => tracked.get(index) ?? new Uint8Array(trials));
  return { totals, won };
}

/** Lower q-quantile of sorted samples: the element at ⌈q·n⌉ − 1 (smallest v with share ≤ v ≥ q). */
export function sortedQuantile(sorted: Float64Array, q: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length - 1e-9) - 1));
  return sorted[index];
}

export type MonteCarloInput = {
  /** Already-certain part of the outcome (attained so far). */
  base: number;
  amounts: ArrayLike<number>;
  probabilities: ArrayLike<number>;
  target: number;
  trials?: number;
  seed?: number;
  trackedIndices?: readonly number[];
};

export type MonteCarloResult = {
  /** Share of trials with base + S ≥ target. */
  probability: number;
  p10: number;
  p50: number;
  p90: number;
  trials: number;
  /** Unsorted per-trial S (without base), in trial order, and the tracked deals' outcomes. */
  simulation: Simulation;
};

/** Probability of reaching `target` and P10/P50/P90 of the final outcome base + S. */
export function monteCarloForecast(input: MonteCarloInput): MonteCarloResult {
  const simulation = simulateTotals(input);
  const { totals } = simulation;
  const need = input.target - input.base;
  let hits = 0;
  for (let j = 0; j < totals.length; j++) if (totals[j] >= need) hits++;
  const sorted = totals.slice().sort();
  return {
    probability: hits / totals.length,
    p10: input.base + sortedQuantile(sorted, 0.1),
    p50: input.base + sortedQuantile(sorted, 0.5),
    p90: input.base + sortedQuantile(sorted, 0.9),
    trials: totals.length,
    simulation,
  };
}
