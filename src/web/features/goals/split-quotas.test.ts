import { describe, expect, it } from 'vitest';
import type { GoalNode } from '../../../core/goals/schemas';
import { evenSplit, type QuotaRow, quotaBodies, remainingOf, spreadEvenly } from './split-quotas';

const row = (key: string, include = true, target = 0): QuotaRow => ({ key, include, name: key, ownerId: key, region: null, target });

describe('evenSplit', () => {
  it.each([
    [100, 3, [34, 33, 33]],
    [800_000_000, 3, [266_666_667, 266_666_667, 266_666_666]],
    [7, 7, [1, 1, 1, 1, 1, 1, 1]],
    [2, 3, [1, 1, 0]],
    [0, 2, [0, 0]],
    [10, 0, []],
  ])('%d in %d parts → %j (the parts add up exactly)', (total, count, parts) => {
    expect(evenSplit(total, count)).toEqual(parts);
    expect(evenSplit(total, count).reduce((sum, part) => sum + part, 0)).toBe(count === 0 ? 0 : total);
  });

  it('divides a total with fractions as it is', () => {
    expect(evenSplit(7.5, 3)).toEqual([2.5, 2.5, 2.5]);
  });
});

describe('remainingOf / spreadEvenly', () => {
  const parent = { target: 1_000, childrenTarget: 400 };

  it('spreads what the existing children leave over the included rows only', () => {
    const rows = spreadEvenly(parent, [row('a'), row('b', false, 99), row('c')]);
    expect(rows.map((item) => item.target)).toEqual([300, 99, 300]);
    expect(remainingOf(parent, rows)).toBe(0);
  });

  it('says what is left (positive) or over-assigned (negative) as targets change', () => {
    expect(remainingOf(parent, [row('a', true, 250), row('b', true, 250)])).toBe(100);
    expect(remainingOf(parent, [row('a', true, 500), row('b', true, 250)])).toBe(-150);
    expect(remainingOf({ target: 1_000, childrenTarget: null }, [row('a', false, 500)])).toBe(1_000);
  });

  it('spreads nothing when the children already take more than the goal', () => {
    expect(spreadEvenly({ target: 100, childrenTarget: 150 }, [row('a')])[0].target).toBe(0);
  });
});

describe('quotaBodies', () => {
  const parent = {
    id: 'g1',
    title: 'East China',
    description: 'Won deals in East China',
    metric: 'revenue',
    currency: 'CNY',
    startDate: '2027-01-01',
    dueDate: '2027-03-31',
    region: null,
  } as GoalNode;

  it("creates the included rows as children with the parent's metric, currency, period and description", () => {
    const bodies = quotaBodies(
      parent,
      [row('u1', true, 500), row('u2', false, 300), { ...row('r', true, 200), ownerId: null, region: '上海' }],
      (name) => `${parent.title} · ${name}`,
    );
    expect(bodies).toEqual([
      {
        title: 'East China · u1',
        description: 'Won deals in East China',
        metric: 'revenue',
        target: 500,
        currency: 'CNY',
        startDate: '2027-01-01',
        dueDate: '2027-03-31',
        ownerId: 'u1',
        parentId: 'g1',
        region: null,
        relevance: '',
        weight: 1,
      },
      expect.objectContaining({ title: 'East China · r', ownerId: null, region: '上海', target: 200 }),
    ]);
  });
});
