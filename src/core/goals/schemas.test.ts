import { describe, expect, it } from 'vitest';
import { CheckInCreateSchema, GoalCreateSchema, GoalPatchSchema, GoalSchema, goalIssues } from './schemas';

const valid = {
  title: 'East China Q1 revenue',
  metric: 'revenue',
  target: 1_000_000_000,
  currency: 'CNY',
  startDate: '2025-01-01',
  dueDate: '2025-03-31',
};

function issuePaths(input: unknown): string[] {
  const parsed = GoalCreateSchema.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((issue) => issue.path.join('.'));
}

describe('GoalCreateSchema', () => {
  it('fills defaults', () => {
    expect(GoalCreateSchema.parse(valid)).toEqual({
      ...valid,
      description: '',
      ownerId: null,
      parentId: null,
      region: null,
      relevance: '',
      weight: 1,
    });
  });

  it.each([
    ['a revenue goal without currency', { currency: undefined }, 'currency'],
    ['a counting goal with a currency', { metric: 'deals_won', target: 10 }, 'currency'],
    ['fractional money', { target: 10.5 }, 'target'],
    ['a fractional count', { metric: 'activities', currency: null, target: 2.5 }, 'target'],
    ['a negative target', { target: -1 }, 'target'],
    ['due before start', { dueDate: '2024-12-31' }, 'dueDate'],
    ['an impossible date', { dueDate: '2025-02-30' }, 'dueDate'],
    ['a date with time', { startDate: '2025-01-01T00:00:00Z' }, 'startDate'],
    ['an unknown currency', { currency: 'ABC' }, 'currency'],
    ['a lower-case currency', { currency: 'cny' }, 'currency'],
    ['a blank title', { title: '   ' }, 'title'],
    ['an unknown metric', { metric: 'profit' }, 'metric'],
  ])('refuses %s', (_name, change, path) => {
    expect(issuePaths({ ...valid, ...change })).toContain(path);
  });

  it('allows a custom goal with a fractional target and no currency, or a money custom goal', () => {
    expect(issuePaths({ ...valid, metric: 'custom', currency: null, target: 4.5 })).toEqual([]);
    expect(issuePaths({ ...valid, metric: 'custom', currency: 'USD', target: 4.5 })).toEqual(['target']);
  });

  it('allows a zero target as a draft (the SMART check flags it)', () => {
    expect(issuePaths({ ...valid, target: 0 })).toEqual([]);
  });
});

describe('goalIssues', () => {
  it('reports every broken rule of a merged goal', () => {
    const issues = goalIssues({ metric: 'revenue', target: 1.5, currency: null, startDate: '2025-02-01', dueDate: '2025-01-01' });
    expect(issues.map((issue) => issue.code)).toEqual(['due_before_start', 'currency_required', 'target_not_integer']);
    expect(
      goalIssues({ metric: 'new_customers', target: 1.5, currency: 'CNY', startDate: '2025-01-01', dueDate: '2025-01-01' }).map(
        (i) => i.code,
      ),
    ).toEqual(['currency_not_allowed', 'target_not_integer']);
  });
});

describe('GoalSchema and GoalPatchSchema', () => {
  it('parses a stored goal', () => {
    const goal = {
      ...valid,
      id: 'g1',
      projectId: 'p1',
      description: '',
      ownerId: 'u1',
      parentId: null,
      region: '华东',
      relevance: '',
      weight: 2,
      createdAt: '2025-01-01T08:00:00.000Z',
      updatedAt: '2025-01-02T08:00:00.000Z',
      version: 3,
    };
    expect(GoalSchema.parse(goal)).toEqual(goal);
  });

  it('accepts partial patches with an optional version', () => {
    expect(GoalPatchSchema.parse({})).toEqual({});
    expect(GoalPatchSchema.parse({ target: 5, version: 2 })).toEqual({ target: 5, version: 2 });
    expect(GoalPatchSchema.safeParse({ version: 0 }).success).toBe(false);
    expect(GoalPatchSchema.safeParse({ dueDate: '2025-13-01' }).success).toBe(false);
  });
});

describe('CheckInCreateSchema', () => {
  it('defaults the comment and refuses a non-finite value', () => {
    expect(CheckInCreateSchema.parse({ value: 42, date: '2025-02-01' })).toEqual({ value: 42, date: '2025-02-01', comment: '' });
    expect(CheckInCreateSchema.safeParse({ value: Number.POSITIVE_INFINITY, date: '2025-02-01' }).success).toBe(false);
  });
});
