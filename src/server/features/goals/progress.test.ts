import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Forecast, Goal, GoalNode } from '../../../core/goals/schemas';
import { testDialects } from '../../test/databases.js';
import { buildProject, inviteUser, type Session, signupOwner, startTestApp, type TestApp } from '../../test/harness.js';

/**
 * Progress of the counting metrics and of region goals, from data, worked out by hand. The caller's
 * time zone is Asia/Shanghai: the period 2030-03-04 … 2030-03-15 runs from 2030-03-03T16:00Z to
 * 2030-03-15T16:00Z.
 */
describe.each(testDialects())('goal progress from data on %s', (dialect) => {
  let t: TestApp;
  let owner: Session;
  let mia: Session;
  let projectId: string;
  const period = { startDate: '2030-03-04', dueDate: '2030-03-15' };

  beforeAll(async () => {
    t = await startTestApp(dialect);
    owner = await signupOwner(t.app, { timeZone: 'Asia/Shanghai' });
    mia = await inviteUser(t.app, owner, 'member', 'Mia Member');
    projectId = (await buildProject(owner, { startDate: '2030-01-01', endDate: '2030-12-31' })).id;
    await owner.request('POST', `/projects/${projectId}/members`, { userId: mia.userId, role: 'sales' });
    const account = async (name: string, region: string) =>
      (await owner.request('POST', '/accounts', { name, region })).json().id as string;
    const x = await account('Xin Tech', '华东');
    const y = await account('Yang Retail', '华东');
    const z = await account('Zhao Steel', '华北');
    const deal = async (body: Record<string, unknown>) => {
      const response = await owner.request('POST', `/projects/${projectId}/deals`, body);
      expect(response.statusCode, response.body).toBe(201);
      return response.json().id as string;
    };
    // Y bought before the period (in another project even): not a new customer in it.
    const earlier = await buildProject(owner, { name: 'Earlier', startDate: '2029-01-01', endDate: '2030-12-31' });
    await owner.request('POST', `/projects/${earlier.id}/deals`, {
      title: 'Y first',
      accountId: y,
      amount: 1,
      stage: 'won',
      closeDate: '2030-01-10',
    });
    const dx = await deal({ title: 'X won', accountId: x, amount: 300_000, stage: 'won', closeDate: '2030-03-05' });
    await deal({ title: 'X again', accountId: x, amount: 50_000, stage: 'won', closeDate: '2030-03-12' });
    await deal({ title: 'Y won', accountId: y, amount: 200_000, stage: 'won', closeDate: '2030-03-06' });
    const dz = await deal({ title: 'Z won', accountId: z, amount: 700_000, stage: 'won', closeDate: '2030-03-07', ownerId: mia.userId });
    await deal({ title: 'X open', accountId: x, amount: 100_000, stage: 'proposal', expectedCloseDate: '2030-03-14' });
    const activity = async (dealId: string, at: string, userId = owner.userId) => {
      const response = await owner.request('POST', `/deals/${dealId}/activities`, { type: 'call', at, userId });
      expect(response.statusCode, response.body).toBe(201);
    };
    await activity(dx, '2030-03-03T15:59:00.000Z'); // 23:59 on the 3rd in Shanghai: before
    await activity(dx, '2030-03-03T16:00:00.000Z'); // 00:00 on the 4th: in
    await activity(dx, '2030-03-15T15:59:59.000Z'); // 23:59:59 on the 15th: in
    await activity(dx, '2030-03-15T16:00:00.000Z'); // 00:00 on the 16th: after
    await activity(dz, '2030-03-10T00:00:00.000Z', mia.userId); // in, by Mia, on a 华北 deal
  });
  afterAll(() => t?.close());

  const goal = async (body: Record<string, unknown>) => {
    const response = await owner.request('POST', `/projects/${projectId}/goals`, { description: 'Counted from data', ...period, ...body });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as Goal;
  };

  it('counts new customers, logged activities and region revenue for the project, a member and a region', async () => {
    const customers = await goal({ title: 'New customers', metric: 'new_customers', target: 4 });
    const miaCustomers = await goal({ title: 'Mia new', metric: 'new_customers', target: 1, parentId: customers.id, ownerId: mia.userId });
    const eastCustomers = await goal({ title: 'East new', metric: 'new_customers', target: 2, parentId: customers.id, region: '华东' });
    const activities = await goal({ title: 'Calls', metric: 'activities', target: 6 });
    const miaActivities = await goal({ title: 'Mia calls', metric: 'activities', target: 2, parentId: activities.id, ownerId: mia.userId });
    const eastActivities = await goal({ title: 'East calls', metric: 'activities', target: 4, region: '华东' });
    const eastRevenue = await goal({ title: 'East revenue', metric: 'revenue', currency: 'CNY', target: 1_000_000, region: '华东' });
    const items = new Map(((await owner.request('GET', `/projects/${projectId}/goals`)).json().items as GoalNode[]).map((g) => [g.id, g]));
    // New customers: X and Z (Y bought before the period; X twice counts once); Mia's: Z; 华东: X.
    expect(items.get(customers.id)).toMatchObject({ attained: 2, progress: 0.5, childrenTarget: 3, childrenGap: 1, childrenAddUp: false });
    expect(items.get(miaCustomers.id)).toMatchObject({ attained: 1, scope: 'member' });
    expect(items.get(eastCustomers.id)).toMatchObject({ attained: 1, scope: 'region' });
    // Activities in the Shanghai period: the two on the edges inside, and Mia's; Mia's alone; 华东's (on X's deal): two.
    expect(items.get(activities.id)).toMatchObject({ attained: 3, progress: 0.5 });
    expect(items.get(miaActivities.id)).toMatchObject({ attained: 1 });
    expect(items.get(eastActivities.id)).toMatchObject({ attained: 2, scope: 'region' });
    // 华东 revenue: X 300k + 50k, Y 200k; Z is 华北.
    expect(items.get(eastRevenue.id)).toMatchObject({ attained: 550_000, progress: 0.55 });
    const forecast = (await owner.request('GET', `/goals/${eastRevenue.id}/forecast`)).json() as Forecast;
    // Open: X open 100k at 0.4, short of the 450k still needed.
    expect(forecast).toMatchObject({ attained: 550_000, weightedPipeline: 40_000, bestCase: 650_000, probability: 0 });
    const counts = (await owner.request('GET', `/goals/${activities.id}/forecast`)).json() as Forecast;
    // No pipeline model: no probability until the target is reached; 3 to go over 10 working days.
    expect(counts).toMatchObject({ attained: 3, probability: null, method: null, p50: null, requiredRunRate: 0.3 });
  });
});
