import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { distributionQuantile, exactDistribution, exactProbabilityAtLeast } from './exact';
import { DEFAULT_TRIALS, monteCarloForecast, simulateTotals, sortedQuantile } from './monte-carlo';

describe('sortedQuantile', () => {
  it.each([
    [0.1, 1], // ⌈0.1·10⌉ − 1 = index 0
    [0.5, 5], // index 4
    [0.9, 9], // index 8
    [0.95, 10], // ⌈9.5⌉ − 1 = index 9
    [1, 10],
    [0, 1],
  ])('q = %d of 1…10 is %d', (q, expected) => {
    expect(
      sortedQuantile(
        Float64Array.from({ length: 10 }, (_, i) => i + 1),
        q,
      ),
    ).toBe(expected);
  });
});

describe('simulateTotals', () => {
  it('runs 20,000 trials by default and is deterministic for a seed', () => {
    const input = { amounts: [100, 250, 40], probabilities: [0.3, 0.5, 0.9] };
    const a = simulateTotals({ ...input, seed: 1 });
    expect(a.totals.length).toBe(DEFAULT_TRIALS);
    expect(simulateTotals({ ...input, seed: 1 }).totals).toEqual(a.totals);
    expect(simulateTotals({ ...input, seed: 2 }).totals).not.toEqual(a.totals);
  });

  it('adds certain deals to every trial and never adds impossible ones', () => {
    const { totals } = simulateTotals({ amounts: [100, 7, 0], probabilities: [1, 0, 0.5], trials: 1000 });
    expect(new Set(totals)).toEqual(new Set([100]));
  });

  it('records tracked outcomes consistently with the totals, in every pass shape', () => {
    // Deals 0, 2 tracked; 1, 3, 4 untracked (one pair + one single); amounts are powers of two
    // so each total decodes into exactly which deals were won.
    const amounts = [1, 2, 4, 8, 16];
    const probabilities = [0.3, 0.5, 0.7, 0.2, 1];
    const { totals, won } = simulateTotals({ amounts, probabilities, trials: 20_000, seed: 9, trackedIndices: [2, 0] });
    expect(won.length).toBe(2);
    const sharesOf = [0, 0, 0, 0, 0];
    let mismatches = 0;
    for (let j = 0; j < totals.length; j++) {
      if ((totals[j] & 4 ? 1 : 0) !== won[0][j] || (totals[j] & 1 ? 1 : 0) !== won[1][j]) mismatches++;
      for (let i = 0; i < amounts.length; i++) if (totals[j] & amounts[i]) sharesOf[i]++;
    }
    expect(mismatches).toBe(0);
    // Each deal wins in about p of the trials (sd ≤ 0.0036 at 20,000 trials).
    sharesOf.forEach((count, i) => {
      expect(Math.abs(count / totals.length - probabilities[i])).toBeLessThan(0.02);
    });
  });

  it('resolves ties of the 16-bit comparison with extra bits (32-bit resolution of p)', () => {
    // p = 6,554 / 2³² (≈ 1.5e-6): hi = 0, lo = 6,554, so a deal is won only when its 16-bit half is
    // 0 (a tie, 1 in 65,536 draws) and the extra 16 bits are < 6,554 (≈ 0.1). Over 2,000,000 trials
    // two such deals tie ≈ 61 times and win ≈ 6 times; dropping the tie-break would give 0 wins and
    // always winning ties ≈ 61.
    const p = 6_554 / 2 ** 32;
    const { totals } = simulateTotals({ amounts: [1, 1], probabilities: [p, p], trials: 2_000_000, seed: 3 });
    let wins = 0;
    for (const total of totals) wins += total;
    expect(wins).toBeGreaterThanOrEqual(1);
    expect(wins).toBeLessThanOrEqual(20);
  });

  it('refuses a bad trial count or mismatched arrays', () => {
    expect(() => simulateTotals({ amounts: [1], probabilities: [0.5], trials: 0 })).toThrow(RangeError);
    expect(() => simulateTotals({ amounts: [1], probabilities: [0.5], trials: 1.5 })).toThrow(RangeError);
    expect(() => simulateTotals({ amounts: [1, 2], probabilities: [0.5] })).toThrow(RangeError);
  });
});

describe('monteCarloForecast', () => {
  it('one deal: base 50, +100 with p 0.3, target 150', () => {
    // P(reach 150) = P(won) = 0.3. Outcomes 50 (0.7) and 150 (0.3): P10 = P50 = 50 since
    // P(≤ 50) = 0.7 ≥ 0.5; P90 = 150 since 0.7 < 0.9.
    const mc = monteCarloForecast({ base: 50, amounts: [100], probabilities: [0.3], target: 150 });
    expect(Math.abs(mc.probability - 0.3)).toBeLessThan(0.02);
    expect([mc.p10, mc.p50, mc.p90]).toEqual([50, 50, 150]);
    expect(mc.trials).toBe(20_000);
  });

  it('a target already reached has probability 1', () => {
    const mc = monteCarloForecast({ base: 500, amounts: [100, 200], probabilities: [0.1, 0.2], target: 400, trials: 500 });
    expect(mc.probability).toBe(1);
  });
});

const pipeline = fc
  .array(
    fc.record({
      amount: fc.integer({ min: 0, max: 5_000 }),
      probability: fc.oneof(fc.constantFrom(0, 1, 0.5), fc.double({ min: 0, max: 1, noNaN: true })),
    }),
    { minLength: 1, maxLength: 12 },
  )
  .map((deals) => ({ amounts: deals.map((d) => d.amount), probs: deals.map((d) => d.probability) }));

describe('Monte Carlo against the exact distribution (≤ 12 deals)', () => {
  it('probability within 0.02 of exact; P10 ≤ P50 ≤ P90; quantiles within 0.02 in probability', () => {
    fc.assert(
      fc.property(
        pipeline,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 0, max: 1_000 }),
        fc.integer(),
        ({ amounts, probs }, targetShare, base, seed) => {
          const total = amounts.reduce((s, a) => s + a, 0);
          const target = base + Math.round(targetShare * total);
          const mc = monteCarloForecast({ base, amounts, probabilities: probs, target, seed });
          const exact = exactProbabilityAtLeast(amounts, probs, target - base);
          const dist = exactDistribution(amounts, probs);
          if (exact === null || dist === null) return false;
          // Standard error ≤ √(0.25 / 20,000) ≈ 0.0035, so 0.02 is more than 5.6 sd.
          expect(Math.abs(mc.probability - exact)).toBeLessThanOrEqual(0.02);
          expect(mc.p10).toBeLessThanOrEqual(mc.p50);
          expect(mc.p50).toBeLessThanOrEqual(mc.p90);
          // By the DKW inequality the empirical CDF is within 0.02 of the true one everywhere
          // except with probability 2·e^(−2·20000·0.02²) ≈ 2e-7, which brackets each quantile.
          for (const [q, value] of [
            [0.1, mc.p10],
            [0.5, mc.p50],
            [0.9, mc.p90],
          ] as const) {
            expect(value).toBeGreaterThanOrEqual(base + distributionQuantile(dist, Math.max(0, q - 0.02)));
            expect(value).toBeLessThanOrEqual(base + distributionQuantile(dist, q + 0.02));
          }
          return true;
        },
      ),
      { numRuns: 60 },
    );
  });
});
