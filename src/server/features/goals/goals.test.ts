import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bruteProbabilityAtLeast, bruteQuantile } from '../../../core/forecast/test-helpers';
import type { Forecast, Goal, GoalNode, Leaderboard } from '../../../core/goals/schemas';
import { testDialects } from '../../test/databases.js';
import { auditRowsFor, countRows, digestTables } from '../../test/db-inspect.js';
import { buildProject, inviteUser, type Session, signupOwner, startTestApp, type TestApp } from '../../test/harness.js';

/**
 * Goal routes on both databases. The goal period lies in March 2030 (Mon 2030-03-04 … Fri 2030-03-15:
 * ten working days on the default Monday–Friday calendar), after today, so every value below is
 * fixed and worked out by hand in the comments.
 */
describe.each(testDialects())('goals on %s', (dialect) => {
  let t: TestApp;
  let owner: Session;
  let mia: Session;
  let viewer: Session;
  let outsider: Session;
  let projectId: string;
  let otherProjectId: string;

  const period = { startDate: '2030-03-04', dueDate: '2030-03-15' };
  const revenue = (overrides: Record<string, unknown> = {}) => ({
    title: 'March revenue',
    description: 'Signed contracts of the East China push, in CNY',
    metric: 'revenue',
    target: 1_000_000,
    currency: 'CNY',
    ...period,
    ...overrides,
  });

  const deal = async (body: Record<string, unknown>, session = owner) => {
    const response = await session.request('POST', `/projects/${projectId}/deals`, body);
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as { id: string };
  };
  const createGoal = async (body: Record<string, unknown>, project = projectId) => {
    const response = await owner.request('POST', `/projects/${project}/goals`, body);
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as Goal;
  };
  const forecastOf = async (goalId: string) => {
    const response = await owner.request('GET', `/goals/${goalId}/forecast`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as Forecast;
  };
  const tree = async () => {
    const response = await owner.request('GET', `/projects/${projectId}/goals`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json().items as GoalNode[];
  };

  let dealA: string;
  let dealB: string;
  let dealC: string;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    owner = await signupOwner(t.app);
    mia = await inviteUser(t.app, owner, 'member', 'Mia Member');
    viewer = await inviteUser(t.app, owner, 'member', 'Vic Viewer');
    outsider = await signupOwner(t.app, { workspaceName: 'Elsewhere Ltd' });
    projectId = (await buildProject(owner, { name: 'Goals project', startDate: '2030-01-01', endDate: '2030-12-31' })).id;
    otherProjectId = (await buildProject(owner, { name: 'Other project', startDate: '2030-01-01', endDate: '2030-12-31' })).id;
    await owner.request('POST', `/projects/${projectId}/members`, { userId: mia.userId, role: 'sales' });
    await owner.request('POST', `/projects/${projectId}/members`, { userId: viewer.userId, role: 'viewer' });

    // The owner's deals. Won in the period: 300,000. Won before it, open after the due date, lost: not counted.
    await deal({ title: 'W1', amount: 300_000, stage: 'won', closeDate: '2030-03-05' });
    await deal({ title: 'W2 before', amount: 100_000, stage: 'won', closeDate: '2030-02-28' });
    dealA = (await deal({ title: 'A', amount: 500_000, stage: 'negotiation', expectedCloseDate: '2030-03-10' })).id; // p 0.6
    dealB = (await deal({ title: 'B', amount: 400_000, stage: 'proposal', expectedCloseDate: '2030-03-14' })).id; // p 0.4
    dealC = (await deal({ title: 'C', amount: 200_000, stage: 'lead', probability: 0.9, expectedCloseDate: '2030-03-15' })).id; // p 0.9
    await deal({ title: 'Late', amount: 900_000, stage: 'contract', expectedCloseDate: '2030-03-20' });
    await deal({ title: 'Lost', amount: 800_000, stage: 'lost', closeDate: '2030-03-06', lostReason: 'Price' });
    // Mia's: won 150,000 in the period, one open deal of 200,000 at p 0.5.
    await deal({ title: 'M won', amount: 150_000, stage: 'won', closeDate: '2030-03-11', ownerId: mia.userId });
    await deal({ title: 'M open', amount: 200_000, stage: 'lead', probability: 0.5, expectedCloseDate: '2030-03-12', ownerId: mia.userId });
  });
  afterAll(() => t?.close());

  it('creates a goal with defaults, an ETag and its audit row', async () => {
    const response = await owner.request('POST', `/projects/${projectId}/goals`, revenue({ title: 'Audited' }));
    expect(response.statusCode).toBe(201);
    expect(response.headers.etag).toBe('"1"');
    const goal = response.json() as Goal;
    expect(goal).toEqual({
      id: expect.any(String),
      projectId,
      title: 'Audited',
      description: 'Signed contracts of the East China push, in CNY',
      metric: 'revenue',
      target: 1_000_000,
      currency: 'CNY',
      startDate: '2030-03-04',
      dueDate: '2030-03-15',
      ownerId: null,
      parentId: null,
      region: null,
      relevance: '',
      weight: 1,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      version: 1,
    });
    expect((await owner.request('GET', `/goals/${goal.id}`)).json()).toEqual(goal);
    const audit = await auditRowsFor(t.database.db, goal.id);
    expect(audit).toMatchObject([{ entity_type: 'goal', action: 'create', project_id: projectId, actor_id: owner.userId, before: null }]);
    expect(audit[0].after).toMatchObject({ title: 'Audited', target: 1_000_000 });
    expect((await owner.request('DELETE', `/goals/${goal.id}`)).statusCode).toBe(204);
    expect((await owner.request('GET', `/goals/${goal.id}`)).statusCode).toBe(404);
    expect((await auditRowsFor(t.database.db, goal.id)).map((r) => r.action)).toEqual(['create', 'delete']);
  });

  it("forecasts a member's quota exactly as enumeration by hand gives", async () => {
    const parent = await createGoal(revenue({ title: 'Whole team' }));
    const goal = await createGoal(revenue({ title: 'Olivia', parentId: parent.id, ownerId: owner.userId }));
    const forecast = await forecastOf(goal.id);
    // The owner's deals only (Mia's are another member's). Attained: W1 only. Open and counted: A 500k@0.6, B 400k@0.4, C 200k@0.9 (Late closes after the due date).
    // Need 700k more: {A,B,C} .216 + {A,B} .024 + {A,C} .324 = .564.
    // Pipeline sums S: 0 .024, 200k .216, 400k .016, 500k .036, 600k .144, 700k .324, 900k .024, 1,100k .216;
    // cumulative .024 .240 .256 .292 .436 .760 .784 1 → P10 at 200k, P50 at 700k, P90 at 1,100k (+300k attained).
    expect(forecast).toMatchObject({
      attained: 300_000,
      weightedPipeline: 640_000, // 300k + 160k + 180k
      commit: 500_000, // attained + C (p ≥ 0.7)
      bestCase: 1_400_000,
      p10: 500_000,
      p50: 1_000_000,
      p90: 1_400_000,
      expectedByNow: 0, // the period has not started
      pace: null,
      requiredRunRate: 70_000, // 700k over 10 working days
      method: 'exact',
      trials: null,
      currency: 'CNY',
      periodWorkingDays: 10,
      elapsedWorkingDays: 0,
      remainingWorkingDays: 10,
      excludedDealIds: [],
    });
    expect(forecast.probability).toBeCloseTo(0.564, 12);
    // Deltas P(t − a ≤ S₋ᵢ < t), t = 700k: A: S₋A ∈ {200k, 400k, 600k} = .54 + .04 + .36 = .94;
    // C: S₋C = 500k: .36; B: S₋B = 500k: .06.
    expect(forecast.drivers?.map((d) => [d.dealId, Math.round(d.delta * 1e9) / 1e9])).toEqual([
      [dealA, 0.94],
      [dealC, 0.36],
      [dealB, 0.06],
    ]);
  });

  it('splits a goal into member quotas: the tree flags children that do not add up, and the leaderboard ranks them', async () => {
    const parent = await createGoal(revenue({ title: 'Team March' }));
    const ownerQuota = await createGoal(revenue({ title: 'Olivia quota', target: 600_000, parentId: parent.id, ownerId: owner.userId }));
    const miaQuota = await createGoal(revenue({ title: 'Mia quota', target: 300_000, parentId: parent.id, ownerId: mia.userId }));
    const items = await tree();
    const byId = new Map(items.map((item) => [item.id, item]));
    // Parent: W1 300k + Mia's 150k; children 600k + 300k = 900k, 100k short of the parent's 1,000k.
    expect(byId.get(parent.id)).toMatchObject({
      scope: 'project',
      depth: 0,
      attained: 450_000,
      progress: 0.45,
      childCount: 2,
      childrenTarget: 900_000,
      childrenAttained: 450_000,
      childrenGap: 100_000,
      childrenAddUp: false,
    });
    expect(byId.get(ownerQuota.id)).toMatchObject({
      scope: 'member',
      depth: 1,
      attained: 300_000,
      progress: 0.5,
      childCount: 0,
      childrenAddUp: null,
    });
    expect(byId.get(miaQuota.id)).toMatchObject({ scope: 'member', depth: 1, attained: 150_000, progress: 0.5 });
    // Depth-first: the parent comes right before its children.
    const at = items.findIndex((item) => item.id === parent.id);
    expect(new Set(items.slice(at + 1, at + 3).map((item) => item.id))).toEqual(new Set([ownerQuota.id, miaQuota.id]));

    // Raising Mia's quota to 400k makes them add up.
    const patched = await owner.request('PATCH', `/goals/${miaQuota.id}`, { target: 400_000, version: 1 });
    expect(patched.statusCode, patched.body).toBe(200);
    expect((await tree()).find((item) => item.id === parent.id)).toMatchObject({
      childrenTarget: 1_000_000,
      childrenGap: 0,
      childrenAddUp: true,
    });

    // Leaderboard: both at 50 %. Olivia needs 300k of A, B, C: 1 − P(S = 0) − P(S = 200k) = 1 − .024 − .216 = .76;
    // Mia needs 250k of her 200k deal: impossible → 0. Mia's is now 150k / 400k = .375.
    const board = (await owner.request('GET', `/goals/${parent.id}/leaderboard`)).json() as Leaderboard;
    expect(board.items.map((item) => [item.name, item.rank, item.target, item.attained, item.progress])).toEqual([
      ['Olivia Owner', 1, 600_000, 300_000, 0.5],
      ['Mia Member', 2, 400_000, 150_000, 0.375],
    ]);
    expect(board.items[0].probability).toBeCloseTo(0.76, 12);
    expect(board.items[1].probability).toBe(0);
    expect(board.items[1].weightedPipeline).toBe(100_000);

    // A parent with children cannot be deleted; its children can.
    const refused = await owner.request('DELETE', `/goals/${parent.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.details.childIds.sort()).toEqual([ownerQuota.id, miaQuota.id].sort());
  });

  it('falls back to the seeded Monte Carlo in the worker for a large distribution, within 0.02 of full enumeration', async () => {
    const project = await buildProject(owner, { name: 'Monte Carlo', startDate: '2030-01-01', endDate: '2030-12-31' });
    // Twelve open deals with coprime amounts near ¥10,000: about 12 million DP states, too many for the exact path.
    const amounts = [
      1_000_003, 1_100_009, 1_200_007, 1_300_021, 1_400_017, 1_500_007, 1_600_033, 1_700_021, 1_800_017, 1_900_009, 2_000_003, 2_100_001,
    ];
    const probabilities = [0.1, 0.2, 0.4, 0.6, 0.8, 0.35, 0.55, 0.75, 0.25, 0.45, 0.65, 0.85];
    for (const [i, amount] of amounts.entries()) {
      const response = await owner.request('POST', `/projects/${project.id}/deals`, {
        title: `MC ${i}`,
        amount,
        stage: 'lead',
        probability: probabilities[i],
        expectedCloseDate: '2030-03-10',
      });
      expect(response.statusCode, response.body).toBe(201);
    }
    const target = 9_000_000;
    const goal = await createGoal(revenue({ title: 'Large', target }), project.id);
    const forecast = await forecastOf(goal.id);
    expect(forecast).toMatchObject({ method: 'monte-carlo', trials: 20_000, attained: 0 });
    const exact = bruteProbabilityAtLeast(amounts, probabilities, target);
    expect(exact).toBeGreaterThan(0.2);
    expect(exact).toBeLessThan(0.8);
    expect(Math.abs((forecast.probability as number) - exact)).toBeLessThan(0.02);
    // P10 ≤ P50 ≤ P90, each between the exact quantiles at q ∓ 0.02.
    for (const [q, value] of [
      [0.1, forecast.p10],
      [0.5, forecast.p50],
      [0.9, forecast.p90],
    ] as const) {
      expect(value).toBeGreaterThanOrEqual(bruteQuantile(amounts, probabilities, q - 0.02));
      expect(value).toBeLessThanOrEqual(bruteQuantile(amounts, probabilities, q + 0.02));
    }
    // Deterministic: the same answer again (the seed is fixed; the second one comes from the cache).
    expect(await forecastOf(goal.id)).toEqual(forecast);
  });

  it('counts a deals-won goal and a member quota of the owner only', async () => {
    const goal = await createGoal(revenue({ title: 'Deals won', metric: 'deals_won', currency: null, target: 3 }));
    const forecast = await forecastOf(goal.id);
    // Won in the period: W1 and M won = 2. Open: A .6, B .4, C .9, M open .5 → weighted 2.4.
    expect(forecast).toMatchObject({ attained: 2, bestCase: 6, commit: 3, requiredRunRate: 0.1 });
    expect(forecast.weightedPipeline).toBeCloseTo(2.4, 12);
    // P(at least one of four independent deals) = 1 − .4 · .6 · .1 · .5 = .988.
    expect(forecast.probability).toBeCloseTo(0.988, 12);
  });

  it('answers SMART with a reason per letter, for a saved goal and for a draft', async () => {
    const parent = await createGoal(revenue({ title: 'SMART parent', relevance: 'Our first year in East China depends on it' }));
    const smart = (await owner.request('GET', `/goals/${parent.id}/smart`)).json();
    // Not started: A from coverage = weighted pipeline 640k + Mia's 100k = 740k of 1,000k → 74 % → warn.
    expect(Object.fromEntries(Object.entries(smart).map(([letter, r]) => [letter, (r as { result: string }).result]))).toEqual({
      s: 'pass',
      m: 'pass',
      a: 'warn',
      r: 'pass',
      t: 'pass',
    });
    expect(smart.a.reasonKey).toBe('smart.a.coverage.warn');
    expect(smart.a.params.percent).toBe(74);
    expect(smart.t.reason).toContain('2030-03-15');

    const draft = await owner.request('POST', '/goals/smart', {
      projectId,
      metric: 'revenue',
      target: 0,
      currency: 'CNY',
      startDate: '2030-03-04',
      dueDate: '2031-02-01',
    });
    expect(draft.statusCode, draft.body).toBe(200);
    const answer = draft.json();
    expect([answer.s.reasonKey, answer.m.reasonKey, answer.a.reasonKey, answer.r.reasonKey, answer.t.reasonKey]).toEqual([
      'smart.s.noDescription',
      'smart.m.noTarget',
      'smart.a.unknown',
      'smart.r.none',
      'smart.t.afterProjectEnd',
    ]);
    const withParent = (
      await owner.request('POST', '/goals/smart', { projectId, metric: 'deals_won', target: 1, ...period, parentId: parent.id })
    ).json();
    // Deals won, one needed, already 2 won → not started yet, coverage = 2.4 deals weighted of 1 → pass.
    expect([withParent.r.result, withParent.a.result]).toEqual(['pass', 'pass']);
    expect((await outsider.request('POST', '/goals/smart', { projectId, metric: 'revenue', ...period })).statusCode).toBe(404);
  });

  it('answers a repeated forecast from its cache only while nothing it depends on has changed', async () => {
    const project = await buildProject(owner, { name: 'Cached', startDate: '2030-01-01', endDate: '2030-12-31' });
    const create = async (body: Record<string, unknown>) =>
      (await owner.request('POST', `/projects/${project.id}/deals`, { expectedCloseDate: '2030-03-10', ...body })).json().id as string;
    const big = await create({ title: 'Big', amount: 600_000, stage: 'proposal' }); // p 0.4
    await create({ title: 'Small', amount: 500_000, stage: 'lead', probability: 0.5 });
    const usd = await create({ title: 'Dollars', amount: 10_000, currency: 'USD', stage: 'lead', probability: 1 });
    const goal = await createGoal(revenue({ title: 'Cached goal', target: 1_000_000 }), project.id);
    // Both open deals needed: .4 · .5 = .2; the USD deal has no rate yet.
    expect(await forecastOf(goal.id)).toMatchObject({ probability: 0.2, excludedDealIds: [usd] });
    // A deal changes: Big now covers the target alone at 0.4.
    await owner.request('PATCH', `/deals/${big}`, { amount: 1_000_000 });
    expect((await forecastOf(goal.id)).probability).toBe(0.4);
    // A stage's default probability changes: proposal 0.4 → 0.8.
    const stages = (await owner.request('GET', '/stages')).json().items as { id: string; key: string; probability: number }[];
    const proposal = stages.find((s) => s.key === 'proposal') as { id: string; probability: number };
    expect((await owner.request('PATCH', `/stages/${proposal.id}`, { probability: 0.8 })).statusCode).toBe(200);
    expect((await forecastOf(goal.id)).probability).toBe(0.8);
    expect((await owner.request('PATCH', `/stages/${proposal.id}`, { probability: proposal.probability })).statusCode).toBe(200);
    // A rate arrives: $100.00 at 7 = ¥700.00 = 70,000 fen, certain (p 1).
    expect(
      (
        await owner.request('PUT', '/exchange-rates', {
          baseCurrency: 'CNY',
          rates: [{ currency: 'USD', rate: 7, effectiveDate: '2020-01-01' }],
        })
      ).statusCode,
    ).toBe(200);
    expect(await forecastOf(goal.id)).toMatchObject({ attained: 0, commit: 70_000, excludedDealIds: [] });
    // A deal is deleted.
    expect((await owner.request('DELETE', `/deals/${big}`)).statusCode).toBe(204);
    expect((await forecastOf(goal.id)).probability).toBe(0);
    // The goal changes: a target within reach of the rest.
    await owner.request('PATCH', `/goals/${goal.id}`, { target: 500_000 });
    // 70,000 certain + 500,000 at .5: reached exactly when Small is won.
    expect((await forecastOf(goal.id)).probability).toBe(0.5);
  });

  it('refuses bad input with 400/422 and stale writes with 409/412, writing nothing', async () => {
    const goal = await createGoal(revenue({ title: 'Guarded' }));
    const before = await digestTables(t.database.db);
    const status = async (method: 'POST' | 'PATCH', url: string, body: unknown, headers: Record<string, string> = {}) =>
      (await owner.request(method, url, body as Record<string, unknown>, headers)).statusCode;
    expect(await status('POST', `/projects/${projectId}/goals`, revenue({ dueDate: '2030-03-01' }))).toBe(400);
    expect(await status('POST', `/projects/${projectId}/goals`, revenue({ currency: null }))).toBe(400);
    expect(await status('POST', `/projects/${projectId}/goals`, revenue({ target: -5 }))).toBe(400);
    expect(await status('POST', `/projects/${projectId}/goals`, revenue({ ownerId: outsider.userId }))).toBe(422);
    expect(await status('POST', `/projects/${projectId}/goals`, revenue({ ownerId: viewer.userId, parentId: 'nope' }))).toBe(422);
    const other = await owner.request('POST', `/projects/${otherProjectId}/goals`, revenue());
    expect(await status('POST', `/projects/${projectId}/goals`, revenue({ parentId: other.json().id }))).toBe(422);
    // A patch whose merge breaks a cross-field rule: 422 naming it.
    const merged = await owner.request('PATCH', `/goals/${goal.id}`, { startDate: '2030-04-01' });
    expect(merged.statusCode).toBe(422);
    expect(merged.json().error.details).toEqual([
      { path: 'dueDate', code: 'due_before_start', message: 'The due date is before the start date.' },
    ]);
    expect(await status('PATCH', `/goals/${goal.id}`, { metric: 'deals_won' })).toBe(422);
    expect(await status('PATCH', `/goals/${goal.id}`, { parentId: goal.id })).toBe(422);
    expect(await status('PATCH', `/goals/${goal.id}`, { title: 'Stale', version: 7 })).toBe(409);
    expect(await status('PATCH', `/goals/${goal.id}`, { title: 'Stale' }, { 'if-match': '"7"' })).toBe(412);
    expect((await owner.request('DELETE', `/goals/${goal.id}`, undefined, { 'if-match': '"7"' })).statusCode).toBe(412);
    expect((await mia.request('PATCH', `/goals/${goal.id}`, { title: 'Not a manager' })).statusCode).toBe(403);
    expect((await outsider.request('PATCH', `/goals/${goal.id}`, { title: 'Elsewhere' })).statusCode).toBe(404);
    expect((await outsider.request('GET', `/goals/${goal.id}/forecast`)).statusCode).toBe(404);
    const after = await digestTables(t.database.db);
    // Only the other project's goal was written.
    expect(
      Object.keys(after)
        .filter((table) => after[table] !== before[table])
        .sort(),
    ).toEqual(['audit_log', 'goals']);
    expect(await countRows(t.database.db, 'goals')).toBeGreaterThan(0);

    // A child under its own descendant would make a cycle.
    const child = await createGoal(revenue({ title: 'Child', parentId: goal.id }));
    const cycle = await owner.request('PATCH', `/goals/${goal.id}`, { parentId: child.id });
    expect(cycle.statusCode).toBe(422);
    expect(cycle.json().error.message).toContain('under itself');
    const renamed = await owner.request('PATCH', `/goals/${goal.id}`, { title: 'Renamed', version: 1 });
    expect(renamed.json()).toMatchObject({ title: 'Renamed', version: 2 });
    expect(renamed.headers.etag).toBe('"2"');
    // The same values again change nothing (no new version).
    expect((await owner.request('PATCH', `/goals/${goal.id}`, { title: 'Renamed' })).json().version).toBe(2);
  });
});
