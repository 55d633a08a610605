import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckIn, GoalNode } from '../../../core/goals/schemas';
import { testDialects } from '../../test/databases.js';
import { auditRowsFor, countRows } from '../../test/db-inspect.js';
import { buildProject, inviteUser, type Session, signupOwner, startTestApp, type TestApp } from '../../test/harness.js';

describe.each(testDialects())('check-ins on %s', (dialect) => {
  let t: TestApp;
  let owner: Session;
  let sam: Session;
  let viewer: Session;
  let outsider: Session;
  let projectId: string;
  let customId: string;
  let revenueId: string;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    owner = await signupOwner(t.app);
    sam = await inviteUser(t.app, owner, 'member', 'Sam Sales');
    viewer = await inviteUser(t.app, owner, 'member', 'Vic Viewer');
    outsider = await signupOwner(t.app, { workspaceName: 'Elsewhere Ltd' });
    projectId = (await buildProject(owner, { startDate: '2026-01-01', endDate: '2027-12-31' })).id;
    await owner.request('POST', `/projects/${projectId}/members`, { userId: sam.userId, role: 'sales' });
    await owner.request('POST', `/projects/${projectId}/members`, { userId: viewer.userId, role: 'viewer' });
    // The period runs from long before today to long after it: check-ins dated before today count.
    const goal = { startDate: '2026-01-01', dueDate: '2027-12-31', description: 'NPS of signed customers, by phone' };
    customId = (
      await owner.request('POST', `/projects/${projectId}/goals`, { ...goal, title: 'NPS 60', metric: 'custom', target: 60 })
    ).json().id;
    revenueId = (
      await owner.request('POST', `/projects/${projectId}/goals`, {
        ...goal,
        title: 'Revenue',
        metric: 'revenue',
        currency: 'CNY',
        target: 100,
      })
    ).json().id;
  });
  afterAll(() => t?.close());

  const attainedOf = async (goalId: string) =>
    ((await owner.request('GET', `/projects/${projectId}/goals`)).json().items as GoalNode[]).find((g) => g.id === goalId)?.attained;

  it('takes check-ins of a custom goal: progress is the latest reading on or before today', async () => {
    expect(await attainedOf(customId)).toBe(0);
    const post = (body: Record<string, unknown>, session = owner) => session.request('POST', `/goals/${customId}/check-ins`, body);
    const first = await post({ value: 32.5, date: '2026-02-01', comment: 'First calls' });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toEqual({
      id: expect.any(String),
      goalId: customId,
      value: 32.5,
      date: '2026-02-01',
      comment: 'First calls',
      authorId: owner.userId,
      createdAt: expect.any(String),
      version: 1,
    });
    expect((await post({ value: 41, date: '2026-03-01' }, sam)).statusCode).toBe(201);
    // Entered later but dated earlier: not the latest reading.
    expect((await post({ value: 20, date: '2026-01-15' })).statusCode).toBe(201);
    // Dated after today (the far future): not reached yet.
    expect((await post({ value: 99, date: '2099-01-01' })).statusCode).toBe(201);
    expect(await attainedOf(customId)).toBe(41);
    const forecast = (await owner.request('GET', `/goals/${customId}/forecast`)).json();
    expect(forecast).toMatchObject({ attained: 41, probability: null, method: null, weightedPipeline: 0 });
    const list = (await owner.request('GET', `/goals/${customId}/check-ins`)).json().items as CheckIn[];
    expect(list.map((c) => c.value)).toEqual([20, 32.5, 41, 99]);
    expect(await auditRowsFor(t.database.db, first.json().id)).toMatchObject([
      { entity_type: 'check_in', action: 'create', project_id: projectId },
    ]);
  });

  it('corrects and deletes check-ins with version checks; viewers and other workspaces cannot', async () => {
    const created = (await owner.request('POST', `/goals/${customId}/check-ins`, { value: 50, date: '2026-04-01' })).json() as CheckIn;
    expect(await attainedOf(customId)).toBe(50);
    expect((await owner.request('PATCH', `/check-ins/${created.id}`, { value: 55, version: 2 })).statusCode).toBe(409);
    expect((await viewer.request('PATCH', `/check-ins/${created.id}`, { value: 55 })).statusCode).toBe(403);
    expect((await viewer.request('POST', `/goals/${customId}/check-ins`, { value: 1, date: '2026-04-02' })).statusCode).toBe(403);
    expect((await outsider.request('GET', `/check-ins/${created.id}`)).statusCode).toBe(404);
    expect((await outsider.request('PATCH', `/check-ins/${created.id}`, { value: 1 })).statusCode).toBe(404);
    const patched = await owner.request('PATCH', `/check-ins/${created.id}`, { value: 55, comment: 'Recounted', version: 1 });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ value: 55, comment: 'Recounted', version: 2 });
    expect(await attainedOf(customId)).toBe(55);
    expect((await owner.request('DELETE', `/check-ins/${created.id}`, undefined, { 'if-match': '"1"' })).statusCode).toBe(412);
    expect((await owner.request('DELETE', `/check-ins/${created.id}`)).statusCode).toBe(204);
    expect((await owner.request('GET', `/check-ins/${created.id}`)).statusCode).toBe(404);
    expect(await attainedOf(customId)).toBe(41);
    expect((await auditRowsFor(t.database.db, created.id)).map((r) => r.action)).toEqual(['create', 'update', 'delete']);
  });

  it('answers 422 with a clear message for goals measured from data, and 400 for bad values', async () => {
    const before = await countRows(t.database.db, 'goal_check_ins');
    const refused = await owner.request('POST', `/goals/${revenueId}/check-ins`, { value: 10, date: '2026-02-01' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.message).toContain('Only custom goals take check-ins');
    expect((await owner.request('POST', `/goals/${customId}/check-ins`, { value: 10, date: '2026-02-30' })).statusCode).toBe(400);
    expect((await owner.request('POST', `/goals/${customId}/check-ins`, { value: '10', date: '2026-02-01' })).statusCode).toBe(400);
    expect((await outsider.request('POST', `/goals/${customId}/check-ins`, { value: 10, date: '2026-02-01' })).statusCode).toBe(404);
    expect(await countRows(t.database.db, 'goal_check_ins')).toBe(before);
  });

  it('deletes a goal with its check-ins, and a project with its goals', async () => {
    const goal = (
      await owner.request('POST', `/projects/${projectId}/goals`, {
        title: 'Short-lived',
        metric: 'custom',
        target: 5,
        startDate: '2026-01-01',
        dueDate: '2026-12-31',
      })
    ).json();
    const child = (
      await owner.request('POST', `/projects/${projectId}/goals`, {
        title: 'Its child',
        metric: 'custom',
        target: 2,
        startDate: '2026-01-01',
        dueDate: '2026-12-31',
        parentId: goal.id,
      })
    ).json();
    await owner.request('POST', `/goals/${child.id}/check-ins`, { value: 1, date: '2026-02-01' });
    expect((await owner.request('DELETE', `/goals/${child.id}`)).statusCode).toBe(204);
    expect((await owner.request('DELETE', `/goals/${goal.id}`)).statusCode).toBe(204);
    // The four of the custom goal remain.
    expect(await countRows(t.database.db, 'goal_check_ins')).toBe(4);
    // A whole project goes with its goal tree and check-ins.
    expect(
      (
        await owner.request('POST', `/projects/${projectId}/goals`, {
          title: 'Child',
          metric: 'custom',
          target: 1,
          startDate: '2026-01-01',
          dueDate: '2026-02-01',
          parentId: customId,
        })
      ).statusCode,
    ).toBe(201);
    expect((await owner.request('DELETE', `/projects/${projectId}`)).statusCode).toBe(204);
    expect(await countRows(t.database.db, 'goals')).toBe(0);
    expect(await countRows(t.database.db, 'goal_check_ins')).toBe(0);
  });
});
