import { describe, expect, it } from 'vitest';
import { ForecastSchema } from '../goals/schemas';
import type { ForecastDeal } from './collect-pipeline';
import { computeForecast, type ForecastInput } from './forecast';
import { bruteDelta, bruteProbabilityAtLeast, bruteQuantile, mondayToFridayBetween } from './test-helpers';

function deal(overrides: Partial<ForecastDeal> & Pick<ForecastDeal, 'id'>): ForecastDeal {
  return {
    amount: 0,
    currency: 'CNY',
    status: 'open',
    probability: null,
    stageProbability: 0.5,
    expectedCloseDate: '2025-03-20',
    closeDate: null,
    ownerId: 'u1',
    ...overrides,
  };
}

// Period Mon 2025-03-03 … Fri 2025-03-28 (20 Mon–Fri working days); today Wed 2025-03-12:
// elapsed 3–7 Mar (5) + 10–12 Mar (3) = 8, remaining 12.
const period = { startDate: '2025-03-03', dueDate: '2025-03-28' };
const rates = { USD: 7, JPY: 0.05 };

const deals: ForecastDeal[] = [
  deal({ id: 'won-cny', status: 'won', amount: 150_000, closeDate: '2025-03-05' }), // counts 150,000
  deal({ id: 'won-usd', status: 'won', amount: 10_000, currency: 'USD', closeDate: '2025-03-10' }), // $100 × 7 = 70,000 fen
  deal({ id: 'won-jpy', status: 'won', amount: 10_000, currency: 'JPY', closeDate: '2025-03-11' }), // 10,000 yen × .05 = ¥500 = 50,000 fen
  deal({ id: 'won-early', status: 'won', amount: 999_999, closeDate: '2025-02-28' }), // before the period
  deal({ id: 'won-undated', status: 'won', amount: 50_000, closeDate: null }), // no close date: nowhere
  deal({ id: 'won-eur-early', status: 'won', amount: 1, currency: 'EUR', closeDate: '2025-02-01' }), // irrelevant, so not "excluded"
  deal({ id: 'lost', status: 'lost', amount: 500_000, closeDate: '2025-03-10' }),
  deal({ id: 'open-a', amount: 200_000, stageProbability: 0.4 }), // p .4 (stage)
  deal({ id: 'open-b', amount: 30_000, currency: 'USD', probability: 0.75, stageProbability: 0.2, expectedCloseDate: '2025-03-28' }), // 210,000 @ .75 (override)
  deal({ id: 'open-late', amount: 500_000, stageProbability: 0.6, expectedCloseDate: '2025-04-02' }), // after the due date
  deal({ id: 'open-undated', amount: 100_000, expectedCloseDate: null }), // no expected close: not counted
  deal({ id: 'open-eur', amount: 40_000, currency: 'EUR', stageProbability: 0.6, expectedCloseDate: '2025-03-15' }), // no EUR rate
  deal({ id: 'open-g', amount: 100_000, probability: 0.1, stageProbability: 0.8, expectedCloseDate: '2025-03-01' }), // before start, ≤ due: counts @ .1
];

const revenueInput: ForecastInput = {
  goal: { metric: 'revenue', target: 600_000, currency: 'CNY', ...period },
  deals,
  today: '2025-03-12',
  workingDaysBetween: mondayToFridayBetween,
  rates,
};

describe('computeForecast — revenue, worked by hand', () => {
  // attained = 150,000 + 70,000 + 50,000 = 270,000; need = 600,000 − 270,000 = 330,000
  // open: A 200,000 @ .4, B 210,000 @ .75, G 100,000 @ .1
  // weighted = 80,000 + 157,500 + 10,000 = 247,500; commit = 270,000 + B 210,000 = 480,000
  // best case = 270,000 + 510,000 = 780,000
  // Outcomes of (A, B, G):
  //   000   0      .6·.25·.9 = .135     110  410,000  .4·.75·.9 = .27
  //   100 200,000  .4·.25·.9 = .09      101  300,000  .4·.25·.1 = .01
  //   010 210,000  .6·.75·.9 = .405     011  310,000  .6·.75·.1 = .045
  //   001 100,000  .6·.25·.1 = .015     111  510,000  .4·.75·.1 = .03
  // P(S ≥ 330,000) = .27 + .03 = .30
  // CDF of S: 0 .135 | 100k .15 | 200k .24 | 210k .645 | 300k .655 | 310k .70 | 410k .97 | 510k 1
  // P10 = 270k + 0, P50 = 270k + 210k = 480k, P90 = 270k + 410k = 680k
  // Pace: expected = 600,000·8/20 = 240,000; pace = 270,000/240,000 = 1.125;
  //       run rate = 330,000/12 = 27,500 a working day
  const forecast = computeForecast(revenueInput);

  it('sums attained, weighted pipeline, commit and best case', () => {
    expect(forecast.attained).toBe(270_000);
    expect(forecast.weightedPipeline).toBe(247_500);
    expect(forecast.commit).toBe(480_000);
    expect(forecast.bestCase).toBe(780_000);
    expect(forecast.excludedDealIds).toEqual(['open-eur']);
    expect(forecast.currency).toBe('CNY');
  });

  it('computes the probability and P10/P50/P90 exactly', () => {
    expect(forecast.method).toBe('exact');
    expect(forecast.trials).toBeNull();
    expect(forecast.probability).toBeCloseTo(0.3, 12);
    expect([forecast.p10, forecast.p50, forecast.p90]).toEqual([270_000, 480_000, 680_000]);
  });

  it('computes pace on the working calendar', () => {
    expect(forecast.periodWorkingDays).toBe(20);
    expect(forecast.elapsedWorkingDays).toBe(8);
    expect(forecast.remainingWorkingDays).toBe(12);
    expect(forecast.expectedByNow).toBe(240_000);
    expect(forecast.pace).toBeCloseTo(1.125, 12);
    expect(forecast.requiredRunRate).toBe(27_500);
  });

  it('names the deals that matter most', () => {
    // delta = P(330,000 − a ≤ S without the deal < 330,000)
    // without A (B, G): 0 .225 | 100k .025 | 210k .675 | 310k .075 → [130k, 330k) = .75
    // without B (A, G): 0 .54  | 100k .06  | 200k .36  | 300k .04  → [120k, 330k) = .40
    // without G (A, B): 0 .15  | 200k .10  | 210k .45  | 410k .30  → [230k, 330k) = 0 → left out
    // check: P = .4·(.675 + .075) + .6·0 = .30
    expect(forecast.drivers?.map((d) => d.dealId)).toEqual(['open-a', 'open-b']);
    expect(forecast.drivers?.[0].delta).toBeCloseTo(0.75, 12);
    expect(forecast.drivers?.[1].delta).toBeCloseTo(0.4, 12);
    expect(forecast.drivers?.[1]).toMatchObject({ amount: 210_000, probability: 0.75 });
  });

  it('matches the API schema', () => {
    expect(ForecastSchema.parse(forecast)).toEqual(forecast);
  });
});

describe('computeForecast — deals won, worked by hand', () => {
  // Same deals, counted: won in the period = 3 (currency does not matter, so nothing is excluded);
  // open A .4, B .75, EUR .6, G .1. Target 5 → need 2 more.
  // P(0) = .6·.25·.4·.9 = .054
  // P(1) = .4·.25·.4·.9 + .6·.75·.4·.9 + .6·.25·.6·.9 + .6·.25·.4·.1 = .036 + .162 + .081 + .006 = .285
  // P(4) = .4·.75·.6·.1 = .018; P(3) = .027 + .006 + .012 + .162 = .207 (one of A, B, EUR, G lost)
  // P(2) = 1 − .054 − .285 − .207 − .018 = .436; P(≥ 2) = .661
  // CDF 0 .054 | 1 .339 | 2 .775 | 3 .982 | 4 1 → P10 = 3+1, P50 = 3+2, P90 = 3+3
  const forecast = computeForecast({ ...revenueInput, goal: { metric: 'deals_won', target: 5, currency: null, ...period } });

  it('counts deals and their probabilities', () => {
    expect(forecast.attained).toBe(3);
    expect(forecast.excludedDealIds).toEqual([]);
    expect(forecast.weightedPipeline).toBeCloseTo(1.85, 12); // .4 + .75 + .6 + .1
    expect(forecast.commit).toBe(4); // + B (.75 ≥ .7)
    expect(forecast.bestCase).toBe(7);
    expect(forecast.probability).toBeCloseTo(0.661, 12);
    expect([forecast.p10, forecast.p50, forecast.p90]).toEqual([4, 5, 6]);
  });

  it('keeps fractions for counts', () => {
    expect(forecast.expectedByNow).toBe(2); // 5·8/20
    expect(forecast.pace).toBe(1.5); // 3/2
    expect(forecast.requiredRunRate).toBeCloseTo(2 / 12, 12);
  });

  it('ranks drivers by delta = P(exactly one of the other three is won)', () => {
    // without A: .75·.4·.9 + .25·.6·.9 + .25·.4·.1 = .27 + .135 + .01 = .415
    // without B: .4·.4·.9 + .6·.6·.9 + .6·.4·.1 = .144 + .324 + .024 = .492
    // without EUR: .4·.25·.9 + .6·.75·.9 + .6·.25·.1 = .09 + .405 + .015 = .51
    // without G: .4·.25·.4 + .6·.75·.4 + .6·.25·.6 = .04 + .18 + .09 = .31
    const drivers = forecast.drivers ?? [];
    expect(drivers.map((d) => d.dealId)).toEqual(['open-eur', 'open-b', 'open-a', 'open-g']);
    [0.51, 0.492, 0.415, 0.31].forEach((delta, i) => {
      expect(drivers[i].delta).toBeCloseTo(delta, 12);
    });
    expect(drivers.every((d) => d.amount === 1)).toBe(true);
  });
});

describe('computeForecast — edges', () => {
  it('counts only the given owners (a member goal)', () => {
    const owned = [
      deal({ id: 'mine-won', status: 'won', amount: 100, closeDate: '2025-03-04', ownerId: 'u1' }),
      deal({ id: 'theirs-won', status: 'won', amount: 900, closeDate: '2025-03-04', ownerId: 'u2' }),
      deal({ id: 'nobody-won', status: 'won', amount: 900, closeDate: '2025-03-04', ownerId: null }),
      deal({ id: 'mine-open', amount: 50, stageProbability: 0.5, ownerId: 'u1' }),
      deal({ id: 'theirs-open', amount: 70, stageProbability: 0.5, ownerId: 'u2' }),
    ];
    const f = computeForecast({ ...revenueInput, deals: owned, ownerIds: ['u1'] });
    expect(f.attained).toBe(100);
    expect(f.bestCase).toBe(150);
    const all = computeForecast({ ...revenueInput, deals: owned, ownerIds: null });
    expect(all.attained).toBe(1_900);
    expect(all.bestCase).toBe(2_020);
  });

  it('without counted open deals the outcome is certain', () => {
    const won = [deal({ id: 'w', status: 'won', amount: 700_000, closeDate: '2025-03-04' })];
    const reached = computeForecast({ ...revenueInput, deals: won });
    expect(reached).toMatchObject({ probability: 1, p10: 700_000, p50: 700_000, p90: 700_000, method: 'exact', drivers: [] });
    const short = computeForecast({ ...revenueInput, deals: [] });
    expect(short).toMatchObject({ attained: 0, probability: 0, p10: 0, p50: 0, p90: 0, weightedPipeline: 0 });
    // run rate: 600,000 / 12 = 50,000; pace 0 / 240,000 = 0
    expect(short.requiredRunRate).toBe(50_000);
    expect(short.pace).toBe(0);
  });

  it('a target already reached leaves no drivers', () => {
    const f = computeForecast({ ...revenueInput, goal: { ...revenueInput.goal, target: 100_000 } });
    expect(f.probability).toBe(1);
    expect(f.drivers).toEqual([]);
    expect(f.requiredRunRate).toBe(0);
  });

  it('rounds money to whole minor units (half up)', () => {
    // 333 × .5 = 166.5 → 167; expected by now 1,001·8/20 = 400.4 → 400; run rate 1,001/12 = 83.42 → 83
    const f = computeForecast({
      ...revenueInput,
      goal: { ...revenueInput.goal, target: 1_001 },
      deals: [deal({ id: 'x', amount: 333, stageProbability: 0.5 })],
    });
    expect(f.weightedPipeline).toBe(167);
    expect(f.expectedByNow).toBe(400);
    expect(f.requiredRunRate).toBe(83);
  });

  it('excludes counted deals whose amount is not a non-negative integer, and clamps probabilities', () => {
    const f = computeForecast({
      ...revenueInput,
      deals: [
        deal({ id: 'neg', amount: -5 }),
        deal({ id: 'frac', amount: 1.5, status: 'won', closeDate: '2025-03-04' }),
        deal({ id: 'over', amount: 100, probability: 1.3 }),
        deal({ id: 'under', amount: 100, probability: -0.2 }),
      ],
    });
    expect(f.excludedDealIds).toEqual(['neg', 'frac']);
    expect(f.commit).toBe(100); // 'over' counts as p = 1
    expect(f.weightedPipeline).toBe(100);
  });

  it('after the due date, open deals expected by then still count (SPEC: on or before the due date)', () => {
    const f = computeForecast({ ...revenueInput, today: '2025-04-10' });
    expect(f.probability).toBeCloseTo(0.3, 12);
    expect(f.elapsedWorkingDays).toBe(20);
    expect(f.requiredRunRate).toBeNull();
  });

  it('leaves drivers out when not asked for', () => {
    expect('drivers' in computeForecast({ ...revenueInput, drivers: false })).toBe(false);
  });

  it('stays exact for 2,000 open deals of a deals-won goal (2,001 states)', () => {
    const many = Array.from({ length: 2_000 }, (_, i) => deal({ id: `d${i}`, amount: 1, stageProbability: 0.25 }));
    const f = computeForecast({ ...revenueInput, goal: { metric: 'deals_won', target: 500, currency: null, ...period }, deals: many });
    expect(f.method).toBe('exact');
    // Binomial(2000, .25): mean 500, so P(≥ 500) is a little over ½ (≈ .51)
    expect(f.probability).toBeGreaterThan(0.5);
    expect(f.probability).toBeLessThan(0.53);
    expect(f.drivers).toHaveLength(5);
  });
});

describe('computeForecast — metrics without a pipeline', () => {
  const activities: ForecastInput = {
    ...revenueInput,
    goal: { metric: 'activities', target: 100, currency: null, ...period },
    attainedOverride: 40,
  };

  it('uses the attained override and reports no probability model', () => {
    const f = computeForecast(activities);
    expect(f).toMatchObject({
      attained: 40,
      weightedPipeline: 0,
      commit: 40,
      bestCase: 40,
      probability: null,
      p10: null,
      p50: null,
      p90: null,
      method: null,
      trials: null,
      expectedByNow: 40, // 100·8/20
      pace: 1, // 40/40
      requiredRunRate: 5, // 60/12
      excludedDealIds: [],
      drivers: [],
    });
  });

  it('is certain once the target is reached, and starts from 0 without an override', () => {
    expect(computeForecast({ ...activities, attainedOverride: 120 }).probability).toBe(1);
    expect(computeForecast({ ...activities, attainedOverride: undefined }).attained).toBe(0);
  });

  it('rounds a custom money goal to minor units', () => {
    // 999·8/20 = 399.6 → 400
    const f = computeForecast({ ...activities, goal: { metric: 'custom', target: 999, currency: 'CNY', ...period } });
    expect(f.expectedByNow).toBe(400);
  });
});

describe('computeForecast — Monte Carlo path', () => {
  // 14 deals with amounts of gcd 1 around ¥10,000: Σ ≈ 1.6e7 states, too many for the DP,
  // but 2¹⁴ outcomes are few enough to enumerate as the oracle.
  const amounts = [
    1_000_003, 1_250_007, 980_011, 2_400_017, 760_019, 1_111_111, 3_000_001, 505_051, 1_777_777, 640_007, 1_234_567, 899_999, 1_020_301,
    2_222_221,
  ];
  const probs = [0.1, 0.2, 0.4, 0.6, 0.8, 0.35, 0.5, 0.9, 0.15, 0.7, 0.45, 0.25, 0.55, 0.3];
  const target = 9_000_000;
  const mcInput: ForecastInput = {
    ...revenueInput,
    goal: { ...revenueInput.goal, target },
    deals: amounts.map((amount, i) => deal({ id: `mc${i}`, amount, probability: probs[i] })),
  };
  const f = computeForecast(mcInput);

  it('falls back to a seeded Monte Carlo within 0.02 of the exact probability', () => {
    expect(f.method).toBe('monte-carlo');
    expect(f.trials).toBe(20_000);
    const exact = bruteProbabilityAtLeast(amounts, probs, target);
    expect(Math.abs((f.probability ?? -1) - exact)).toBeLessThanOrEqual(0.02);
  });

  it('brackets P10/P50/P90 by the exact quantiles at q ∓ 0.02', () => {
    for (const [q, value] of [
      [0.1, f.p10],
      [0.5, f.p50],
      [0.9, f.p90],
    ] as const) {
      expect(value).toBeGreaterThanOrEqual(bruteQuantile(amounts, probs, q - 0.02));
      expect(value).toBeLessThanOrEqual(bruteQuantile(amounts, probs, q + 0.02));
    }
  });

  it('estimates the drivers within 0.02 and finds the true top ones', () => {
    const trueDeltas = amounts.map((_, i) => bruteDelta(amounts, probs, i, target));
    const drivers = f.drivers ?? [];
    expect(drivers).toHaveLength(5);
    for (const driver of drivers) {
      const i = Number(driver.dealId.slice(2));
      expect(Math.abs(driver.delta - trueDeltas[i])).toBeLessThanOrEqual(0.02);
    }
    const fifthBest = [...trueDeltas].sort((x, y) => y - x)[4];
    for (const driver of drivers) expect(trueDeltas[Number(driver.dealId.slice(2))]).toBeGreaterThanOrEqual(fifthBest - 0.04);
  });

  it('is deterministic for a seed and honours the trial count', () => {
    expect(computeForecast(mcInput)).toEqual(f);
    const other = computeForecast({ ...mcInput, seed: 12_345, trials: 5_000 });
    expect(other.trials).toBe(5_000);
    expect(other.probability).not.toBe(f.probability);
  });
});
