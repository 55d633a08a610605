import { describe, expect, it } from 'vitest';
import { computePace } from './pace';
import { mondayToFridayBetween } from './test-helpers';

// Period Mon 2025-03-03 … Fri 2025-03-28: four Mon–Fri weeks = 20 working days. Target 1,000.
const base = { target: 1_000, attained: 300, startDate: '2025-03-03', dueDate: '2025-03-28', workingDaysBetween: mondayToFridayBetween };

describe('mondayToFridayBetween (test calendar)', () => {
  it('counts weekdays inclusively', () => {
    expect(mondayToFridayBetween('2025-03-03', '2025-03-28')).toBe(20);
    expect(mondayToFridayBetween('2025-03-08', '2025-03-09')).toBe(0); // Sat–Sun
    expect(mondayToFridayBetween('2025-03-05', '2025-03-05')).toBe(1);
    expect(mondayToFridayBetween('2025-03-06', '2025-03-05')).toBe(0);
    expect(mondayToFridayBetween('2025-01-01', '2025-03-31')).toBe(64); // 23 + 20 + 21
  });
});

describe('computePace', () => {
  it.each([
    // today, elapsed, remaining, expectedByNow, pace, requiredRunRate
    // Wed 12 Mar: 3–7 Mar (5) + 10–12 Mar (3) = 8 elapsed, 12 left; 1000·8/20 = 400; 300/400 = .75; 700/12
    ['2025-03-12', 8, 12, 400, 0.75, 700 / 12],
    // Sunday before the start: nothing elapsed, nothing expected, pace undefined; 700/20 = 35
    ['2025-03-02', 0, 20, 0, null, 35],
    // The first day counts as elapsed: 1000·1/20 = 50; 300/50 = 6; 700/19
    ['2025-03-03', 1, 19, 50, 6, 700 / 19],
    // Saturday 8 Mar: the week's 5 days; 1000·5/20 = 250; 300/250 = 1.2; 700/15
    ['2025-03-08', 5, 15, 250, 1.2, 700 / 15],
    // The due date: all 20 elapsed, none left → run rate null; pace 300/1000
    ['2025-03-28', 20, 0, 1_000, 0.3, null],
    // After the due date: clamped to the period
    ['2025-04-15', 20, 0, 1_000, 0.3, null],
  ] as const)('today %s', (today, elapsed, remaining, expectedByNow, pace, runRate) => {
    const result = computePace({ ...base, today });
    expect(result.periodWorkingDays).toBe(20);
    expect(result.elapsedWorkingDays).toBe(elapsed);
    expect(result.remainingWorkingDays).toBe(remaining);
    expect(result.expectedByNow).toBeCloseTo(expectedByNow, 12);
    if (pace === null) expect(result.pace).toBeNull();
    else expect(result.pace).toBeCloseTo(pace, 12);
    if (runRate === null) expect(result.requiredRunRate).toBeNull();
    else expect(result.requiredRunRate).toBeCloseTo(runRate, 12);
  });

  it('needs no run rate once the target is reached', () => {
    // attained 1,200 ≥ 1,000: max(0, −200) / 12 = 0, not negative
    expect(computePace({ ...base, attained: 1_200, today: '2025-03-12' }).requiredRunRate).toBe(0);
  });

  it('uses the injected calendar (a holiday on Wed 5 Mar)', () => {
    const withHoliday = (from: string, to: string) =>
      mondayToFridayBetween(from, to) - (from <= '2025-03-05' && '2025-03-05' <= to ? 1 : 0);
    const result = computePace({ ...base, today: '2025-03-12', workingDaysBetween: withHoliday });
    // period 19, elapsed 7, remaining 12; 1000·7/19 = 368.42…; 300 ÷ (7000/19) = 5700/7000 = .8142…
    expect(result.periodWorkingDays).toBe(19);
    expect(result.elapsedWorkingDays).toBe(7);
    expect(result.expectedByNow).toBeCloseTo(7_000 / 19, 9);
    expect(result.pace).toBeCloseTo(5_700 / 7_000, 12);
  });

  it('a goal starting on a Saturday has nothing elapsed that day', () => {
    const result = computePace({ ...base, startDate: '2025-03-01', today: '2025-03-01' });
    expect(result.periodWorkingDays).toBe(20);
    expect(result.elapsedWorkingDays).toBe(0);
    expect(result.expectedByNow).toBe(0);
    expect(result.pace).toBeNull();
  });

  it('a period without working days expects the whole target once it has started', () => {
    const weekend = { ...base, startDate: '2025-03-08', dueDate: '2025-03-09' };
    const during = computePace({ ...weekend, today: '2025-03-08' });
    expect(during).toEqual({
      periodWorkingDays: 0,
      elapsedWorkingDays: 0,
      remainingWorkingDays: 0,
      expectedByNow: 1_000,
      pace: 0.3,
      requiredRunRate: null,
    });
    const before = computePace({ ...weekend, today: '2025-03-07' });
    expect(before.expectedByNow).toBe(0);
    expect(before.pace).toBeNull();
  });

  it('a due date before the start gives an empty period', () => {
    const result = computePace({ ...base, startDate: '2025-03-28', dueDate: '2025-03-03', today: '2025-03-12' });
    expect(result.periodWorkingDays).toBe(0);
    expect(result.elapsedWorkingDays).toBe(0);
    expect(result.requiredRunRate).toBeNull();
  });
});
