import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dependency } from '../../../core/dependencies/schemas.js';
import type { Task } from '../../../core/tasks/schemas.js';
import { testDialects } from '../../test/databases.js';
import { auditRowsFor, countRows } from '../../test/db-inspect.js';
import { buildProject, inviteUser, type Session, signupOwner, startTestApp, type TestApp } from '../../test/harness.js';
import { buildDependency, buildTask, expectError, invalidPaths } from '../tasks/test-factories.js';

describe.each(testDialects())('dependencies on %s', (dialect) => {
  let t: TestApp;
  let owner: Session;
  let pia: Session; // project role presales: edits the plan
  let fay: Session; // project role finance: reads it
  let outsider: Session;
  let projectId: string;
  let otherProjectId: string;
  let tasks: Record<string, Task>;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    owner = await signupOwner(t.app);
    pia = await inviteUser(t.app, owner, 'member', 'Pia Presales');
    fay = await inviteUser(t.app, owner, 'member', 'Fay Finance');
    outsider = await signupOwner(t.app, { workspaceName: 'Elsewhere Ltd' });
    projectId = (await buildProject(owner, { name: 'Linked plan' })).id;
    otherProjectId = (await buildProject(owner, { name: 'Other plan' })).id;
    await owner.request('POST', `/projects/${projectId}/members`, { userId: pia.userId, role: 'presales' });
    await owner.request('POST', `/projects/${projectId}/members`, { userId: fay.userId, role: 'finance' });
    tasks = {};
    for (const title of ['Visit', 'Demo', 'Proposal', 'Negotiation', 'Signing', 'Phase'])
      tasks[title] = await buildTask(owner, projectId, { title });
    tasks['Phase child'] = await buildTask(owner, projectId, { title: 'Phase child', parentId: tasks.Phase.id });
  });
  afterAll(() => t?.close());

  const id = (title: string) => tasks[title].id;
  const link = (from: string, to: string, extra: Record<string, unknown> = {}, session = owner) =>
    session.request('POST', `/projects/${projectId}/dependencies`, { predecessorId: id(from), successorId: id(to), ...extra });

  it('links two tasks (FS with lag 0 by default), answers 201 with its ETag and records it', async () => {
    const response = await link('Visit', 'Demo');
    expect(response.statusCode, response.body).toBe(201);
    expect(response.headers.etag).toBe('"1"');
    const dependency = response.json() as Dependency;
    expect(dependency).toEqual({
      id: expect.any(String),
      projectId,
      predecessorId: id('Visit'),
      successorId: id('Demo'),
      type: 'FS',
      lag: 0,
      createdAt: expect.stringMatching(/Z$/),
      updatedAt: dependency.createdAt,
      version: 1,
    });
    expect((await owner.request('GET', `/dependencies/${dependency.id}`)).json()).toEqual(dependency);
    expect(await auditRowsFor(t.database.db, dependency.id)).toMatchObject([
      { entity_type: 'dependency', action: 'create', after: dependency },
    ]);
  });

  it('takes every type, and lags in working days, negative ones (leads) too', async () => {
    const made = [
      await buildDependency(pia, projectId, id('Demo'), id('Proposal'), { type: 'SS', lag: 2 }),
      await buildDependency(pia, projectId, id('Proposal'), id('Negotiation'), { type: 'FF', lag: -3 }),
      await buildDependency(pia, projectId, id('Negotiation'), id('Signing'), { type: 'SF', lag: 1 }),
    ];
    expect(made.map((d) => [d.type, d.lag])).toEqual([
      ['SS', 2],
      ['FF', -3],
      ['SF', 1],
    ]);
    const listed = (await fay.request('GET', `/projects/${projectId}/dependencies`)).json();
    expect(listed.items.map((d: Dependency) => d.type)).toEqual(['FS', 'SS', 'FF', 'SF']);
    expect(listed.nextCursor).toBeNull();
    const ofProposal = (await owner.request('GET', `/projects/${projectId}/dependencies?taskId=${id('Proposal')}`)).json();
    expect(ofProposal.items.map((d: Dependency) => d.type)).toEqual(['SS', 'FF']);
    const page = (await owner.request('GET', `/projects/${projectId}/dependencies?limit=3`)).json();
    const rest = (await owner.request('GET', `/projects/${projectId}/dependencies?limit=3&cursor=${page.nextCursor}`)).json();
    expect([...page.items, ...rest.items].map((d: Dependency) => d.id)).toEqual(listed.items.map((d: Dependency) => d.id));
  });

  it('refuses a dependency that would close a cycle (422) and names the cycle, in order, by id and title', async () => {
    // Visit → Demo → Proposal → Negotiation → Signing exist; Signing → Demo would close Demo … Signing → Demo.
    const before = await countRows(t.database.db, 'dependencies');
    const response = await link('Signing', 'Demo');
    expectError(response, 422, 'RULE_VIOLATION');
    expect(response.json().error).toEqual({
      code: 'RULE_VIOLATION',
      message: 'This dependency would close a cycle: Signing → Demo → Proposal → Negotiation → Signing.',
      details: {
        reason: 'CYCLE',
        cycle: ['Signing', 'Demo', 'Proposal', 'Negotiation'].map((title) => ({ id: id(title), title })),
      },
    });
    // The reverse of an existing link is the shortest cycle.
    expect((await link('Demo', 'Visit')).json().error.details.cycle.map((c: { title: string }) => c.title)).toEqual(['Demo', 'Visit']);
    expect(await countRows(t.database.db, 'dependencies')).toBe(before);
  });

  it('refuses a second link between the same two tasks in the same direction (409)', async () => {
    const existing = (await owner.request('GET', `/projects/${projectId}/dependencies?taskId=${id('Visit')}`)).json().items[0];
    const response = await link('Visit', 'Demo', { type: 'SS', lag: 4 });
    expectError(response, 409, 'CONFLICT');
    expect(response.json().error.details).toEqual({ dependencyId: existing.id });
  });

  it('links leaf tasks and milestones of the same project only (422)', async () => {
    const elsewhere = await buildTask(owner, otherProjectId, { title: 'Elsewhere' });
    const cases: [Record<string, unknown>, RegExp, unknown][] = [
      [{ predecessorId: id('Visit'), successorId: id('Visit') }, /cannot depend on itself/, { taskIds: [id('Visit')] }],
      [{ predecessorId: id('Phase'), successorId: id('Visit') }, /"Phase" is a summary task/, { taskIds: [id('Phase')] }],
      [{ predecessorId: id('Visit'), successorId: elsewhere.id }, /same project/, { taskIds: [elsewhere.id] }],
      [{ predecessorId: 'nope', successorId: 'nada' }, /same project/, { taskIds: ['nope', 'nada'] }],
    ];
    for (const [body, message, details] of cases) {
      const response = await owner.request('POST', `/projects/${projectId}/dependencies`, body);
      expectError(response, 422, 'RULE_VIOLATION');
      expect(response.json().error.message).toMatch(message);
      expect(response.json().error.details).toEqual(details);
    }
    // A milestone links like any leaf.
    const milestone = await buildTask(owner, projectId, { title: 'Milestone', duration: 0 });
    expect(
      (await owner.request('POST', `/projects/${projectId}/dependencies`, { predecessorId: id('Phase child'), successorId: milestone.id }))
        .statusCode,
    ).toBe(201);
  });

  it('validates type and lag (400 naming the field)', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ type: 'XX' }, 'type'],
      [{ lag: 1.5 }, 'lag'],
      [{ lag: 10_001 }, 'lag'],
      [{ lag: -10_001 }, 'lag'],
      [{ predecessorId: '' }, 'predecessorId'],
    ];
    for (const [fields, path] of cases) {
      expect(invalidPaths(await link('Visit', 'Signing', fields))).toEqual({ status: 400, paths: [path] });
    }
  });

  it('changes type, lag or ends with optimistic concurrency, checking the rules again for new ends', async () => {
    const dependency = await buildDependency(owner, projectId, id('Visit'), id('Signing'), { lag: 1 });
    const changed = await owner.request('PATCH', `/dependencies/${dependency.id}`, { type: 'SS', lag: -2, version: 1 });
    expect(changed.json()).toMatchObject({ type: 'SS', lag: -2, version: 2 });
    expect(changed.headers.etag).toBe('"2"');
    expectError(await owner.request('PATCH', `/dependencies/${dependency.id}`, { lag: 5, version: 1 }), 409, 'STALE_VERSION');
    expectError(
      await owner.request('PATCH', `/dependencies/${dependency.id}`, { lag: 5 }, { 'if-match': '"1"' }),
      412,
      'PRECONDITION_FAILED',
    );
    // Re-pointed into a cycle: Negotiation → Visit would close Visit → Demo → Proposal → Negotiation → Visit.
    const cycle = await owner.request('PATCH', `/dependencies/${dependency.id}`, {
      predecessorId: id('Negotiation'),
      successorId: id('Visit'),
    });
    expectError(cycle, 422, 'RULE_VIOLATION');
    expect(cycle.json().error.details.cycle.map((c: { title: string }) => c.title)).toEqual(['Negotiation', 'Visit', 'Demo', 'Proposal']);
    // Onto an existing pair: 409.
    expectError(await owner.request('PATCH', `/dependencies/${dependency.id}`, { successorId: id('Demo') }), 409, 'CONFLICT');
    // Nothing changed meanwhile; the same values keep the version.
    expect((await owner.request('PATCH', `/dependencies/${dependency.id}`, { type: 'SS', lag: -2 })).json()).toMatchObject({
      predecessorId: id('Visit'),
      successorId: id('Signing'),
      version: 2,
    });
    expect((await auditRowsFor(t.database.db, dependency.id)).map((r) => r.action)).toEqual(['create', 'update']);
  });

  it('deletes a dependency (If-Match checked) and records it', async () => {
    const dependency = await buildDependency(owner, projectId, id('Demo'), id('Signing'));
    expectError(
      await owner.request('DELETE', `/dependencies/${dependency.id}`, undefined, { 'if-match': '"7"' }),
      412,
      'PRECONDITION_FAILED',
    );
    expect((await owner.request('DELETE', `/dependencies/${dependency.id}`, undefined, { 'if-match': '"1"' })).statusCode).toBe(204);
    expectError(await owner.request('GET', `/dependencies/${dependency.id}`), 404, 'NOT_FOUND');
    expectError(await owner.request('DELETE', `/dependencies/${dependency.id}`), 404, 'NOT_FOUND');
    expect((await auditRowsFor(t.database.db, dependency.id)).map((r) => r.action)).toEqual(['create', 'delete']);
  });

  it('serializes changes of one plan: opposite links sent at the same time never make a cycle', async () => {
    const x = await buildTask(owner, projectId, { title: 'Race X' });
    const y = await buildTask(owner, projectId, { title: 'Race Y' });
    const send = (from: Task, to: Task) =>
      owner.request('POST', `/projects/${projectId}/dependencies`, { predecessorId: from.id, successorId: to.id });
    const responses = await Promise.all([send(x, y), send(y, x), send(x, y), send(y, x), send(x, y), send(y, x)]);
    // The first to commit wins; the same direction again is a duplicate (409), the other direction a cycle (422).
    expect(responses.map((r) => r.statusCode).sort()).toEqual([201, 409, 409, 422, 422, 422]);
    const between = (await owner.request('GET', `/projects/${projectId}/dependencies?taskId=${x.id}`)).json().items;
    expect(between).toHaveLength(1);
    expect((await owner.request('GET', `/projects/${projectId}/schedule`)).statusCode).toBe(200);
  });

  it('lets plan editors change dependencies; finance reads them (403 on writes); another workspace gets 404', async () => {
    const dependency = (await owner.request('GET', `/projects/${projectId}/dependencies`)).json().items[0] as Dependency;
    expect((await fay.request('GET', `/dependencies/${dependency.id}`)).statusCode).toBe(200);
    expectError(await link('Visit', 'Negotiation', {}, fay), 403, 'FORBIDDEN');
    expectError(await fay.request('PATCH', `/dependencies/${dependency.id}`, { lag: 3 }), 403, 'FORBIDDEN');
    expectError(await fay.request('DELETE', `/dependencies/${dependency.id}`), 403, 'FORBIDDEN');
    expect((await pia.request('PATCH', `/dependencies/${dependency.id}`, { lag: 3 })).statusCode).toBe(200);
    for (const response of [
      await outsider.request('GET', `/dependencies/${dependency.id}`),
      await outsider.request('PATCH', `/dependencies/${dependency.id}`, { lag: 9 }),
      await outsider.request('DELETE', `/dependencies/${dependency.id}`),
      await outsider.request('GET', `/projects/${projectId}/dependencies`),
      await outsider.request('POST', `/projects/${projectId}/dependencies`, { predecessorId: id('Visit'), successorId: id('Negotiation') }),
    ]) {
      expectError(response, 404, 'NOT_FOUND');
    }
    expect((await owner.request('GET', `/dependencies/${dependency.id}`)).json().lag).toBe(3);
  });
});
