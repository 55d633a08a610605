import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Forecast, GoalNode, Leaderboard } from '../../../core/goals/schemas';
import { testDialects } from '../../test/databases.js';
import { signupOwner, startTestApp, type TestApp } from '../../test/harness.js';

describe.each(testDialects())('demo goals on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(() => t?.close());

  it.each(['zh-CN', 'en'] as const)(
    'gives the %s demo project a revenue goal split into quotas, a forecast worth reading, and a custom goal',
    async (locale) => {
      const owner = await signupOwner(t.app, { demo: true, locale });
      const projects = (await owner.request('GET', '/projects')).json().items as { id: string }[];
      expect(projects).toHaveLength(1);
      const items = (await owner.request('GET', `/projects/${projects[0].id}/goals`)).json().items as GoalNode[];
      expect(items.map((g) => `${g.metric} ${g.depth}`).sort()).toEqual(['custom 0', 'revenue 0', 'revenue 1', 'revenue 1', 'revenue 1']);
      const at = items.findIndex((g) => g.metric === 'revenue' && g.depth === 0);
      const revenue = items[at];
      const nps = items.find((g) => g.metric === 'custom') as GoalNode;
      expect(items.slice(at + 1, at + 4).map((g) => g.parentId)).toEqual([revenue.id, revenue.id, revenue.id]);
      // ¥1.5M + ¥0.56M won in the period; quotas ¥4M + ¥2.5M + ¥1.2M, ¥300k short of ¥8M.
      expect(revenue).toMatchObject({ target: 800_000_000, attained: 206_000_000, childrenTarget: 770_000_000, childrenAddUp: false });
      expect(nps).toMatchObject({ target: 60, attained: 47 });
      if (locale === 'zh-CN') expect(revenue.title).toContain('华东');
      else expect(revenue.title).toContain('East China');

      const forecast = (await owner.request('GET', `/goals/${revenue.id}/forecast`)).json() as Forecast;
      expect(forecast.probability).toBeGreaterThan(0.2);
      expect(forecast.probability).toBeLessThan(0.8);
      expect(forecast.drivers?.length).toBeGreaterThan(0);
      const board = (await owner.request('GET', `/goals/${revenue.id}/leaderboard`)).json() as Leaderboard;
      expect(board.items).toHaveLength(3);
      for (const entry of board.items) {
        expect(entry.probability).toBeGreaterThan(0);
        expect(entry.probability).toBeLessThan(1);
      }
      const checkIns = (await owner.request('GET', `/goals/${nps.id}/check-ins`)).json().items as { value: number }[];
      expect(checkIns.map((c) => c.value)).toEqual([32, 41, 47]);
      const rates = (await owner.request('GET', '/exchange-rates')).json();
      expect(rates).toMatchObject({ baseCurrency: 'CNY', version: 1 });
      expect(rates.rates.map((r: { currency: string }) => r.currency)).toEqual(['EUR', 'HKD', 'USD']);
    },
  );
});
