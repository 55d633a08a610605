import type { ForecastDeal } from './collect-pipeline';
import { computeForecast } from './forecast';
import { nextXoshiro128, seedXoshiro128 } from './prng';

export type BenchForecastOptions = { deals?: number; trials?: number; runs?: number };

const stageProbabilities = [0.1, 0.2, 0.4, 0.6, 0.8] as const;

/** Open deals with odd-looking amounts (gcd 1), so the exact DP is too big and Monte Carlo runs. */
export function generateBenchDeals(count: number, seed = 7): ForecastDeal[] {
  const state = seedXoshiro128(seed);
  return Array.from({ length: count }, (_, i) => ({
    id: `deal-${i}`,
    amount: 100_000 + (nextXoshiro128(state) % 50_000_000),
    currency: 'CNY',
    status: 'open' as const,
    probability: null,
    stageProbability: stageProbabilities[nextXoshiro128(state) % stageProbabilities.length],
    expectedCloseDate: '2025-03-20',
    closeDate: null,
    ownerId: null,
  }));
}

/**
 * Median wall time (ms) of `computeForecast` on 2,000 open deals × 20,000 trials (SPEC §5: ≤ 250 ms),
 * drivers included, after one warm-up run. For `npm run bench`; not a test.
 */
export function benchForecast(options: BenchForecastOptions = {}): number {
  const deals = generateBenchDeals(options.deals ?? 2_000);
  const trials = options.trials ?? 20_000;
  const runs = options.runs ?? 7;
  const input = {
    goal: { metric: 'revenue' as const, target: 21_000_000_000, currency: 'CNY', startDate: '2025-01-01', dueDate: '2025-03-31' },
    deals,
    today: '2025-02-14',
    workingDaysBetween: (from: string, to: string) => (to < from ? 0 : 60),
    rates: {},
    trials,
  };
  const warmUp = computeForecast(input);
  if (warmUp.method !== 'monte-carlo') throw new Error('benchForecast expected the Monte Carlo path');
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    computeForecast({ ...input, seed: run + 1 });
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const mid = times.length >> 1;
  return times.length % 2 === 1 ? times[mid] : (times[mid - 1] + times[mid]) / 2;
}
