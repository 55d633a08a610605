import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  amountUnit,
  distributionProbabilityAtLeast,
  distributionQuantile,
  exactDistribution,
  exactProbabilityAtLeast,
  exactStateCount,
} from './exact';
import { brutePmf, bruteProbabilityAtLeast, bruteQuantile } from './test-helpers';

// Three deals, enumerated by hand (p = won, q = 1 − p):
//   amounts 200, 300, 500; p = 0.5, 0.4, 0.2; q = 0.5, 0.6, 0.8
//   none         0     0.5·0.6·0.8 = 0.24
//   A          200     0.5·0.6·0.8 = 0.24
//   B          300     0.5·0.4·0.8 = 0.16
//   C          500     0.5·0.6·0.2 = 0.06
//   A+B        500     0.5·0.4·0.8 = 0.16
//   A+C        700     0.5·0.6·0.2 = 0.06
//   B+C        800     0.5·0.4·0.2 = 0.04
//   A+B+C     1000     0.5·0.4·0.2 = 0.04      (total 1.00)
// pmf: 0 .24 | 200 .24 | 300 .16 | 500 .22 | 700 .06 | 800 .04 | 1000 .04
// CDF: 0 .24 | 200 .48 | 300 .64 | 500 .86 | 700 .92 | 800 .96 | 1000 1
const amounts = [200, 300, 500];
const probs = [0.5, 0.4, 0.2];

describe('exactDistribution', () => {
  it('buckets by the gcd of the amounts', () => {
    expect(amountUnit(amounts)).toBe(100);
    expect(exactStateCount(amounts)).toBe(11); // (200 + 300 + 500) / 100 + 1
    expect(amountUnit([0, 0])).toBe(1);
    expect(amountUnit([])).toBe(1);
  });

  it('gives the hand-enumerated pmf of three deals', () => {
    const dist = exactDistribution(amounts, probs);
    expect(dist).not.toBeNull();
    if (dist === null) return;
    expect(dist.unit).toBe(100);
    const expected = [0.24, 0, 0.24, 0.16, 0, 0.22, 0, 0.06, 0.04, 0, 0.04];
    expect(dist.pmf.length).toBe(expected.length);
    expected.forEach((p, k) => {
      expect(dist.pmf[k]).toBeCloseTo(p, 12);
    });
  });

  it.each([
    [0, 1],
    [-50, 1],
    [1, 0.76], // 1 − P(0) = 1 − 0.24
    [200, 0.76],
    [201, 0.52], // .16 + .22 + .06 + .04 + .04
    [300, 0.52],
    [301, 0.36], // .22 + .06 + .04 + .04
    [500, 0.36],
    [501, 0.14], // .06 + .04 + .04
    [1000, 0.04],
    [1001, 0],
  ])('P(S ≥ %d) = %d', (threshold, expected) => {
    const dist = exactDistribution(amounts, probs);
    if (dist === null) throw new Error('unexpected null');
    expect(distributionProbabilityAtLeast(dist, threshold)).toBeCloseTo(expected, 12);
    expect(exactProbabilityAtLeast(amounts, probs, threshold)).toBeCloseTo(expected, 12);
  });

  it.each([
    [0.1, 0], // CDF(0) = .24 ≥ .1
    [0.24, 0], // exactly reached at 0
    [0.25, 200],
    [0.5, 300], // CDF(200) = .48 < .5 ≤ CDF(300) = .64
    [0.9, 700], // CDF(500) = .86 < .9 ≤ CDF(700) = .92
    [1, 1000],
  ])('quantile %d is %d', (q, expected) => {
    const dist = exactDistribution(amounts, probs);
    if (dist === null) throw new Error('unexpected null');
    expect(distributionQuantile(dist, q)).toBe(expected);
  });

  it('returns null above maxStates', () => {
    // amounts 1, 2, 3 → unit 1, states 0 … 6 = 7
    expect(exactDistribution([1, 2, 3], [0.5, 0.5, 0.5], 6)).toBeNull();
    expect(exactDistribution([1, 2, 3], [0.5, 0.5, 0.5], 7)).not.toBeNull();
    // Truncated: threshold 4 needs states 0 … 4 = 5 whatever the pipeline size.
    expect(exactProbabilityAtLeast([1, 2, 3], [0.5, 0.5, 0.5], 4, 4)).toBeNull();
    // P(S ≥ 4): outcomes {1,3}=4, {2,3}=5, {1,2,3}=6 → 3/8
    expect(exactProbabilityAtLeast([1, 2, 3], [0.5, 0.5, 0.5], 4, 5)).toBeCloseTo(0.375, 12);
  });

  it('handles certain, impossible and zero-amount deals', () => {
    // 100 certain, 50 never, 0-amount irrelevant, 30 at 0.5 → S = 100 or 130, each ½
    const dist = exactDistribution([100, 50, 0, 30], [1, 0, 0.7, 0.5]);
    if (dist === null) throw new Error('unexpected null');
    expect(dist.unit).toBe(10);
    expect(distributionProbabilityAtLeast(dist, 100)).toBeCloseTo(1, 12);
    expect(distributionProbabilityAtLeast(dist, 101)).toBeCloseTo(0.5, 12);
    expect(distributionProbabilityAtLeast(dist, 131)).toBeCloseTo(0, 12);
    expect(distributionQuantile(dist, 0.5)).toBe(100);
    expect(distributionQuantile(dist, 0.9)).toBe(130);
    // q beyond the accumulated mass answers the largest reachable value, not the unreachable 180
    expect(distributionQuantile(dist, 1.5)).toBe(130);
    expect(exactProbabilityAtLeast([100, 50, 0, 30], [1, 0, 0.7, 0.5], 130)).toBeCloseTo(0.5, 12);
  });

  it('with no deals, S is 0 for sure', () => {
    const dist = exactDistribution([], []);
    if (dist === null) throw new Error('unexpected null');
    expect(Array.from(dist.pmf)).toEqual([1]);
    expect(exactProbabilityAtLeast([], [], 1)).toBe(0);
    expect(exactProbabilityAtLeast([], [], 0)).toBe(1);
  });

  it('refuses amounts that are not non-negative integers and probabilities outside [0, 1]', () => {
    expect(() => exactDistribution([1.5], [0.5])).toThrow(RangeError);
    expect(() => exactDistribution([-1], [0.5])).toThrow(RangeError);
    expect(() => exactDistribution([1], [1.1])).toThrow(RangeError);
    expect(() => exactDistribution([1], [Number.NaN])).toThrow(RangeError);
    expect(() => exactDistribution([1, 2], [0.5])).toThrow(RangeError);
    expect(() => exactProbabilityAtLeast([1.5], [0.5], 1)).toThrow(RangeError);
  });
});

const smallPipeline = fc
  .array(
    fc.record({
      amount: fc.oneof(
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 1, max: 12 }).map((k) => k * 250),
      ),
      probability: fc.oneof(fc.constantFrom(0, 1, 0.5, 0.999, 0.001), fc.double({ min: 0, max: 1, noNaN: true })),
    }),
    { minLength: 0, maxLength: 10 },
  )
  .map((deals) => ({ amounts: deals.map((d) => d.amount), probs: deals.map((d) => d.probability) }));

describe('exact DP against brute-force enumeration (≤ 10 deals)', () => {
  it('gives the same pmf', () => {
    fc.assert(
      fc.property(smallPipeline, ({ amounts: a, probs: p }) => {
        const dist = exactDistribution(a, p);
        if (dist === null) return false;
        const brute = brutePmf(a, p);
        let total = 0;
        let worst = 0;
        for (let k = 0; k < dist.pmf.length; k++) {
          total += dist.pmf[k];
          worst = Math.max(worst, Math.abs(dist.pmf[k] - (brute.get(k * dist.unit) ?? 0)));
        }
        for (const value of brute.keys()) expect(value % dist.unit).toBe(0);
        expect(worst).toBeLessThan(1e-12);
        expect(total).toBeCloseTo(1, 10);
        return true;
      }),
    );
  });

  it('gives the same P(S ≥ t), full and truncated, and the same quantiles', () => {
    fc.assert(
      fc.property(
        smallPipeline,
        fc.integer({ min: -10, max: 3200 }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        ({ amounts: a, probs: p }, t, q) => {
          const dist = exactDistribution(a, p);
          if (dist === null) return false;
          const brute = bruteProbabilityAtLeast(a, p, t);
          expect(distributionProbabilityAtLeast(dist, t)).toBeCloseTo(brute, 10);
          expect(exactProbabilityAtLeast(a, p, t)).toBeCloseTo(brute, 10);
          expect(distributionQuantile(dist, q)).toBe(bruteQuantile(a, p, q));
          return true;
        },
      ),
    );
  });
});
