import { describe, expect, it } from 'vitest';
import { computeOutcome, type OutcomeInput, prepareForecast } from '../../../core/forecast/forecast';
import { generateBenchDeals } from '../../../core/forecast/forecast.bench';
import { createForecastPool } from './forecast-pool.js';

const inputOf = (deals: number, target: number): OutcomeInput => {
  const prepared = prepareForecast({
    goal: { metric: 'revenue', target, currency: 'CNY', startDate: '2025-01-01', dueDate: '2025-03-31' },
    deals: generateBenchDeals(deals),
    today: '2025-02-01',
    workingDaysBetween: () => 40,
    rates: {},
  });
  return prepared.outcomeInput as OutcomeInput;
};

describe('the forecast pool', () => {
  it('answers in a worker thread exactly what the pure function answers, and caches by content', async () => {
    const pool = createForecastPool(1);
    try {
      // 300 deals with odd amounts: too big for the exact DP, so the seeded Monte Carlo runs in the worker.
      const input = inputOf(300, 3_100_000_000);
      const expected = computeOutcome(input);
      expect(expected.method).toBe('monte-carlo');
      expect(expected.probability).toBeGreaterThan(0.05);
      expect(expected.probability).toBeLessThan(0.95);
      const outcome = await pool.outcome(inputOf(300, 3_100_000_000));
      expect(outcome).toEqual(expected);
      expect(pool.computed).toBe(1);
      // Same content (a fresh copy): a cache hit. Another target: computed again.
      expect(await pool.outcome(inputOf(300, 3_100_000_000))).toEqual(expected);
      expect(pool.computed).toBe(1);
      const other = await pool.outcome(inputOf(300, 3_200_000_000));
      expect(other.probability).toBeLessThan(expected.probability as number);
      expect(pool.computed).toBe(2);
      // Concurrent callers of one input share one computation.
      const again = inputOf(300, 3_300_000_000);
      const [a, b] = await Promise.all([pool.outcome(again), pool.outcome({ ...again })]);
      expect(a).toEqual(b);
      expect(pool.computed).toBe(3);
    } finally {
      await pool.close();
    }
  });

  it('computes tiny inputs in place, refuses work once closed, and reports a worker error', async () => {
    const pool = createForecastPool(1);
    const tiny: OutcomeInput = {
      attained: 0,
      target: 3,
      amounts: Float64Array.of(1, 2),
      probabilities: Float64Array.of(0.5, 0.5),
      trials: 100,
      seed: 1,
      drivers: true,
    };
    // P(1·X + 2·Y ≥ 3) = P(both) = 0.25.
    expect((await pool.outcome(tiny)).probability).toBe(0.25);
    await expect(pool.outcome({ ...inputOf(300, 3_000_000_000), trials: 0 })).rejects.toThrow(/trials must be a positive integer/);
    await pool.close();
    await expect(pool.outcome(inputOf(300, 5))).rejects.toThrow(/closed/);
  });

  it('computes in place when workers cannot start, and stops starting them after a few failures', async () => {
    const missing = new URL('./no-such-forecast-worker.js', import.meta.url);
    const pool = createForecastPool(1, { workerScript: missing });
    try {
      for (const [k, target] of [3_000_000_000, 3_100_000_000, 3_200_000_000, 3_300_000_000].entries()) {
        const input = inputOf(300, target);
        expect(await pool.outcome(input)).toEqual(computeOutcome(input));
        expect(pool.failures).toBe(Math.min(k + 1, 3));
      }
    } finally {
      await pool.close();
    }
  });
});
