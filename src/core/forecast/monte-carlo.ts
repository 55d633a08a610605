import { seedXoshiro128 } from './prng';

/**
 * Seeded Monte Carlo of S = Σ Xᵢ·aᵢ, Xᵢ ~ Bernoulli(pᵢ) independent.
 *
 * Speed (2,000 deals × 20,000 trials = 40 M draws): deals are the outer loop over a Float64Array of
 * trial totals (160 kB, stays in cache); the xoshiro128** step is inlined with its state in
 * locals; probabilities become integer thresholds so a draw is `won = (r − threshold) >>> 31`
 * (1 when r < threshold; both sides are small enough that the difference fits) and the total is
 * updated without a branch. Untracked deals go two per pass, sharing one 32-bit draw split into
 * two 16-bit halves, with extra bits drawn only on a tie so that each p keeps 32-bit resolution
 * (about 25 % faster than one draw per deal). Tracked deals and an odd one out use one draw each
 * on 31 bits. Deals with p = 0 or amount 0 draw nothing; deals with p = 1 add their amount to
 * every trial.
 */

export const DEFAULT_TRIALS = 20_000;
export const DEFAULT_SEED = 20_240_331;

const TWO_POW_31 = 2_147_483_648;
const TWO_POW_32 = 4_294_967_296;

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

  // Tie-breaking bits for the 16-bit comparisons below (a hashed counter, needed ~1 in 32,768 draws).
  let tieCounter = (input.seed ?? DEFAULT_SEED) ^ 0x5bd1e995;

  let k = 0;
  for (; k + 1 < untracked.length; k += 2) {
    const a = amounts[untracked[k]];
    const b = amounts[untracked[k + 1]];
    // p as a 32-bit threshold T = hi·2¹⁶ + lo; won ⇔ (u·2¹⁶ + extra) < T for 16-bit uniforms u and
    // extra ⇔ u < hi, or u = hi and extra < lo. One 32-bit draw gives u for both deals, so extra
    // bits are drawn only on a tie: P(won) = hi/2¹⁶ + lo/2³² = T/2³² exactly.
    const thresholdA = Math.round(probabilities[untracked[k]] * TWO_POW_32);
    const thresholdB = Math.round(probabilities[untracked[k + 1]] * TWO_POW_32);
    const hiA = Math.floor(thresholdA / 65_536);
    const loA = thresholdA % 65_536;
    const hiB = Math.floor(thresholdB / 65_536);
    const loB = thresholdB % 65_536;
    for (let j = 0; j < trials; j++) {
      const m = Math.imul(s1, 5);
      const r = Math.imul((m << 7) | (m >>> 25), 9);
      const t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
      const uA = r & 0xffff;
      const uB = r >>> 16;
      let wonA = (uA - hiA) >>> 31;
      let wonB = (uB - hiB) >>> 31;
      if (uA === hiA || uB === hiB) {
        tieCounter = (tieCounter + 0x9e3779b9) | 0;
        let z = Math.imul(tieCounter ^ (tieCounter >>> 16), 0x85ebca6b);
        z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
        z ^= z >>> 16;
        if (uA === hiA) wonA = ((z & 0xffff) - loA) >>> 31;
        if (uB === hiB) wonB = ((z >>> 16) - loB) >>> 31;
      }
      totals[j] += wonA * a + wonB * b;
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
