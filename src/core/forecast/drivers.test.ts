import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { approximateDeltas, exactDeltas, monteCarloDelta, standardNormalCdf, topIndices } from './drivers';
import { exactDistribution } from './exact';
import { bruteDelta } from './test-helpers';

function deltasOf(amounts: number[], probs: number[], threshold: number): number[] {
  const dist = exactDistribution(amounts, probs);
  if (dist === null) throw new Error('unexpected null');
  return Array.from(exactDeltas(dist, amounts, probs, threshold));
}

describe('exactDeltas', () => {
  it('three deals by hand, threshold 500', () => {
    // A 200 @0.5, B 300 @0.4, C 500 @0.2; delta = P(500 − a ≤ S without the deal < 500).
    // Without A: B, C → 0 .48 | 300 .32 | 500 .12 | 800 .08 → P(300 ≤ · < 500) = .32
    // Without B: A, C → 0 .40 | 200 .40 | 500 .10 | 700 .10 → P(200 ≤ · < 500) = .40
    // Without C: A, B → 0 .30 | 200 .30 | 300 .20 | 500 .20 → P(0 ≤ · < 500)   = .80
    // Check via C: P(S ≥ 500) = .2·1 + .8·P(A+B ≥ 500) = .2 + .8·.2 = .36 (as enumerated).
    const deltas = deltasOf([200, 300, 500], [0.5, 0.4, 0.2], 500);
    [0.32, 0.4, 0.8].forEach((d, i) => {
      expect(deltas[i]).toBeCloseTo(d, 12);
    });
  });

  it('is zero for every deal once the threshold is reached', () => {
    expect(deltasOf([200, 300], [0.5, 0.5], 0)).toEqual([0, 0]);
    expect(deltasOf([200, 300], [0.5, 0.5], -10)).toEqual([0, 0]);
  });

  it('matches brute force for ≤ 8 deals, including p near 0, ½ and 1', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            amount: fc.integer({ min: 0, max: 40 }),
            probability: fc.oneof(fc.constantFrom(0, 1, 0.5, 0.999, 0.001), fc.double({ min: 0, max: 1, noNaN: true })),
          }),
          { minLength: 1, maxLength: 8 },
        ),
        fc.integer({ min: -5, max: 330 }),
        (deals, threshold) => {
          const amounts = deals.map((d) => d.amount);
          const probs = deals.map((d) => d.probability);
          const deltas = deltasOf(amounts, probs, threshold);
          deltas.forEach((d, i) => {
            expect(d).toBeCloseTo(bruteDelta(amounts, probs, i, threshold), 9);
          });
        },
      ),
    );
  });
});

describe('standardNormalCdf', () => {
  it.each([
    [0, 0.5],
    [1.959963984540054, 0.975],
    [-1.959963984540054, 0.025],
    [1, 0.8413447460685429],
    [-3, 0.0013498980316301],
  ])('Φ(%d) ≈ %d', (x, expected) => {
    // A&S 7.1.26 has |erf error| < 1.5e-7, so |Φ error| < 7.5e-8.
    expect(Math.abs(standardNormalCdf(x) - expected)).toBeLessThan(1e-7);
  });
});

describe('approximateDeltas', () => {
  it('ranks a deal that bridges the gap above small ones', () => {
    // 20 deals of 10 at 0.5 (mean 100, sd √(20·.25·100) ≈ 22.4) and one of 150 at 0.5; threshold 200.
    const amounts = [...Array(20).fill(10), 150];
    const probs = Array(21).fill(0.5);
    const deltas = approximateDeltas(amounts, probs, 200);
    expect(topIndices(deltas, amounts, 1)).toEqual([20]);
    // Without variance: mean decides. One deal of 50 at p 1, threshold 40 → won or lost, 50 ≥ 40.
    expect(Array.from(approximateDeltas([50, 30], [1, 0], 60))).toEqual([0, 1]);
  });
});

describe('monteCarloDelta', () => {
  it('counts trials whose total without the deal lies in [t − a, t)', () => {
    // amount 30, threshold 50. Trials (total, won): (60,1) → 30 ∈ [20,50) hit; (45,0) → hit;
    // (10,0) → miss; (90,1) → 60 miss; (20,0) → hit (20 is included); (50,0) → miss (50 excluded).
    const totals = Float64Array.of(60, 45, 10, 90, 20, 50);
    const won = Uint8Array.of(1, 0, 0, 1, 0, 0);
    expect(monteCarloDelta(totals, won, 30, 50)).toBeCloseTo(3 / 6, 12);
    expect(monteCarloDelta(totals, won, 30, 0)).toBe(0);
  });
});

describe('topIndices', () => {
  it('orders by score, then amount, then index', () => {
    expect(topIndices([0.2, 0.5, 0.5, 0.5, 0.1], [10, 5, 20, 5, 0], 4)).toEqual([2, 1, 3, 0]);
  });
});
