import { describe, expect, it } from 'vitest';
import { goalDealOwnerIds, goalScope, isPipelineMetric } from './goal-scope';
import { goalMetrics } from './schemas';

describe('goalScope', () => {
  it.each([
    [{ ownerId: 'u1', parentId: 'g0' }, 'member', ['u1']],
    [{ ownerId: 'u1', parentId: null }, 'project', null],
    [{ ownerId: null, parentId: 'g0' }, 'project', null],
    [{ ownerId: null, parentId: null }, 'project', null],
    [{ ownerId: null, parentId: null, region: '上海' }, 'region', null],
    [{ ownerId: 'u1', parentId: null, region: 'East' }, 'region', null],
    [{ ownerId: 'u1', parentId: 'g0', region: 'East' }, 'member', ['u1']],
  ] as const)('%o is %s', (goal, scope, owners) => {
    expect(goalScope(goal)).toBe(scope);
    expect(goalDealOwnerIds(goal)).toEqual(owners);
  });

  it('forecasts revenue and deals won from the pipeline only', () => {
    expect(goalMetrics.map((metric) => isPipelineMetric(metric))).toEqual([true, true, false, false, false]);
  });
});
