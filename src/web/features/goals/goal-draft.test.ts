import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { type Goal, GoalCreateSchema } from '../../../core/goals/schemas';
import { bodyToDraft, goalToValues, ISO, newGoalValues, valuesToBody } from './goal-draft';

const project = { currency: 'CNY', startDate: '2027-01-01', endDate: '2027-03-31' };

describe('goal form values', () => {
  it('sends money in minor units and a revenue goal with its currency', () => {
    const body = valuesToBody({ ...newGoalValues(project, 'g0'), title: '  Q1 signings ', target: 1_234.56 }, '2027-01-15');
    expect(body).toMatchObject({ title: 'Q1 signings', metric: 'revenue', target: 123_456, currency: 'CNY', parentId: 'g0' });
    expect(body.startDate).toBe('2027-01-01');
    expect(body.dueDate).toBe('2027-03-31');
    expect(GoalCreateSchema.safeParse(body).success).toBe(true);
  });

  it('drops the currency of a counting goal and keeps whole counts', () => {
    const body = valuesToBody({ ...newGoalValues(project), title: 'Visits', metric: 'activities', target: 40 }, '2027-01-15');
    expect(body).toMatchObject({ currency: null, target: 40 });
    expect(GoalCreateSchema.safeParse(body).success).toBe(true);
  });

  it('keeps fractions of a custom goal without a currency, and an empty region as none', () => {
    const body = valuesToBody({ ...newGoalValues(project), metric: 'custom', currency: '', target: 4.5, region: '  ' }, '2027-01-15');
    expect(body).toMatchObject({ currency: null, target: 4.5, region: null });
  });

  it('gives the SMART check a body even while the form is incomplete', () => {
    const body = valuesToBody({ title: 'x' }, '2027-02-02');
    expect(body).toMatchObject({ target: 0, startDate: '2027-02-02', dueDate: '2027-02-02', metric: 'revenue' });
    const draft = bodyToDraft('p1', body);
    expect(draft).toMatchObject({ projectId: 'p1', target: 0 });
    expect(draft).not.toHaveProperty('title');
    expect(draft).not.toHaveProperty('weight');
  });

  it('round-trips a saved goal through the form', () => {
    const goal: Goal = {
      id: 'g1',
      projectId: 'p1',
      title: 'East',
      description: 'Won deals',
      metric: 'revenue',
      target: 800_000_000,
      currency: 'CNY',
      startDate: '2027-01-01',
      dueDate: '2027-03-31',
      ownerId: 'u1',
      parentId: null,
      region: '上海',
      relevance: 'Growth plan',
      weight: 2,
      createdAt: '2027-01-01T00:00:00.000Z',
      updatedAt: '2027-01-01T00:00:00.000Z',
      version: 3,
    };
    const values = goalToValues(goal);
    expect(values.target).toBe(8_000_000);
    expect(values.period?.[1].format(ISO)).toBe(dayjs('2027-03-31').format(ISO));
    const { id: _id, projectId: _projectId, createdAt: _c, updatedAt: _u, version: _v, ...fields } = goal;
    expect(valuesToBody(values, '2027-01-15')).toEqual(fields);
  });
});
