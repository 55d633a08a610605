import { describe, expect, it } from 'vitest';
import type { Deal } from '../../../core/deals/schemas';
import { attainedHistory, hasDealHistory } from './attained-history';

const goal = {
  metric: 'revenue' as const,
  currency: 'CNY',
  startDate: '2027-01-01',
  dueDate: '2027-03-31',
  ownerId: null,
  parentId: null,
  region: null,
};

let next = 0;
function deal(overrides: Partial<Deal>): Deal {
  next += 1;
  return {
    id: `d${next}`,
    projectId: 'p',
    title: `Deal ${next}`,
    accountId: null,
    accountName: null,
    contactId: null,
    amount: 100_00,
    currency: 'CNY',
    stage: 'won',
    probability: null,
    expectedCloseDate: null,
    closeDate: '2027-01-10',
    status: 'won',
    ownerId: 'u1',
    source: '',
    lostReason: '',
    contract: null,
    rank: 'a0',
    stageEnteredAt: '2027-01-10T00:00:00.000Z',
    createdAt: '2027-01-01T00:00:00.000Z',
    updatedAt: '2027-01-10T00:00:00.000Z',
    version: 1,
    ...overrides,
  };
}

describe('attainedHistory', () => {
  it('adds won deals in the period by close date, converting other currencies', () => {
    const deals = [
      deal({ amount: 500_00, closeDate: '2027-02-01' }),
      deal({ amount: 200_00, closeDate: '2027-01-15' }),
      deal({ amount: 100_00, currency: 'USD', closeDate: '2027-02-01' }),
      deal({ amount: 999_00, closeDate: '2026-12-31' }), // before the period
      deal({ amount: 999_00, closeDate: '2027-04-01' }), // after it
      deal({ amount: 999_00, status: 'open', closeDate: null }),
      deal({ amount: 999_00, status: 'lost', closeDate: '2027-01-20' }),
    ];
    expect(attainedHistory(goal, deals, { USD: 7 }, 1400_00)).toEqual([
      { date: '2027-01-15', value: 200_00 },
      { date: '2027-02-01', value: 1400_00 },
    ]);
  });

  it("counts only the owner's deals for a member quota, and counts deals for deals won", () => {
    const quota = { ...goal, metric: 'deals_won' as const, currency: null, ownerId: 'u2', parentId: 'g1' };
    const deals = [
      deal({ ownerId: 'u2', closeDate: '2027-01-05' }),
      deal({ ownerId: 'u1' }),
      deal({ ownerId: 'u2', closeDate: '2027-01-05' }),
    ];
    expect(attainedHistory(quota, deals, {}, 2)).toEqual([{ date: '2027-01-05', value: 2 }]);
  });

  it('leaves out a deal without a rate, as the server does', () => {
    const deals = [deal({ amount: 300_00 }), deal({ amount: 50_00, currency: 'EUR' })];
    expect(attainedHistory(goal, deals, {}, 300_00)).toEqual([{ date: '2027-01-10', value: 300_00 }]);
  });

  it("answers null when the sum disagrees with the server's attained", () => {
    expect(attainedHistory(goal, [deal({ amount: 300_00 })], {}, 400_00)).toBeNull();
  });

  it('has no deal history for region goals and metrics without deals', () => {
    expect(hasDealHistory({ ...goal, region: '上海' })).toBe(false);
    expect(hasDealHistory({ ...goal, metric: 'activities' })).toBe(false);
    expect(attainedHistory({ ...goal, metric: 'custom' }, [deal({})], {}, 100_00)).toBeNull();
  });
});
