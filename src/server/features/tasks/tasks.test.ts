import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Task, TaskListItem } from '../../../core/tasks/schemas.js';
import { testDialects } from '../../test/databases.js';
import { auditRowsFor, countRows } from '../../test/db-inspect.js';
import { buildProject, inviteUser, type Session, signupOwner, startTestApp, type TestApp } from '../../test/harness.js';
import { buildDependency, buildTask, expectError, invalidPaths } from './test-factories.js';

describe.each(testDialects())('tasks on %s', (dialect) => {
  let t: TestApp;
  let owner: Session;
  let sam: Session; // project role sales: edits the plan
  let fay: Session; // project role finance: reads it
  let vic: Session; // project role viewer
  let gus: Session; // workspace guest with project role sales: reads only
  let walt: Session; // workspace member outside the project
  let outsider: Session; // another workspace
  let projectId: string;
  let otherProjectId: string;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    owner = await signupOwner(t.app);
    sam = await inviteUser(t.app, owner, 'member', 'Sam Sales');
    fay = await inviteUser(t.app, owner, 'member', 'Fay Finance');
    vic = await inviteUser(t.app, owner, 'member', 'Vic Viewer');
    gus = await inviteUser(t.app, owner, 'guest', 'Gus Guest');
    walt = await inviteUser(t.app, owner, 'member', 'Walt Wanderer');
    outsider = await signupOwner(t.app, { workspaceName: 'Elsewhere Ltd', name: 'Otto Outsider' });
    projectId = (await buildProject(owner, { name: 'Plan' })).id;
    otherProjectId = (await buildProject(owner, { name: 'Other plan' })).id;
    for (const [session, role] of [
      [sam, 'sales'],
      [fay, 'finance'],
      [vic, 'viewer'],
      [gus, 'sales'],
    ] as const) {
      const response = await owner.request('POST', `/projects/${projectId}/members`, { userId: session.userId, role });
      expect(response.statusCode).toBe(201);
    }
  });
  afterAll(() => t?.close());

  const read = async (id: string) => (await owner.request('GET', `/tasks/${id}`)).json() as Task;
  const list = async (query = '', session = owner, project = projectId) => {
    const response = await session.request('GET', `/projects/${project}/tasks${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as { items: TaskListItem[]; nextCursor: string | null };
  };

  it('creates a task with the defaults, answers 201 with its ETag and records it', async () => {
    const response = await owner.request('POST', `/projects/${projectId}/tasks`, { title: 'Call the buyer' });
    expect(response.statusCode).toBe(201);
    expect(response.headers.etag).toBe('"1"');
    const task = response.json() as Task;
    expect(task).toEqual({
      id: expect.any(String),
      projectId,
      parentId: null,
      sortOrder: 0,
      title: 'Call the buyer',
      description: '',
      assigneeIds: [],
      duration: 1,
      startNoEarlierThan: null,
      estimateHours: null,
      plannedCost: 0,
      percentComplete: 0,
      status: 'todo',
      priority: 'medium',
      phase: 'execution',
      sprintId: null,
      storyPoints: null,
      checklist: [],
      isSummary: false,
      createdAt: expect.stringMatching(/Z$/),
      updatedAt: task.createdAt,
      version: 1,
    });
    expect(await read(task.id)).toEqual(task);
    expect(await auditRowsFor(t.database.db, task.id)).toEqual([
      {
        workspace_id: owner.workspaceId,
        actor_id: owner.userId,
        entity_type: 'task',
        entity_id: task.id,
        project_id: projectId,
        action: 'create',
        before: null,
        after: task,
      },
    ]);
  });

  it('creates a task with every field, gives checklist items ids and keeps assignees sorted', async () => {
    const body = {
      title: '  Prepare the 展会 booth  ',
      description: 'Samples, brochures, a demo unit.',
      assigneeIds: [sam.userId, owner.userId],
      duration: 5,
      startNoEarlierThan: '2027-01-11',
      estimateHours: 12.5,
      plannedCost: 8_000_000,
      percentComplete: 20,
      status: 'in_progress',
      priority: 'urgent',
      phase: 'organizing',
      sprintId: null,
      storyPoints: 5,
      checklist: [{ text: 'Order samples' }, { text: 'Print brochures', done: true }],
    };
    const response = await sam.request('POST', `/projects/${projectId}/tasks`, body);
    expect(response.statusCode, response.body).toBe(201);
    const task = response.json() as Task;
    expect(task).toMatchObject({
      ...body,
      title: 'Prepare the 展会 booth',
      assigneeIds: [sam.userId, owner.userId].sort(),
      checklist: [
        { id: expect.any(String), text: 'Order samples', done: false },
        { id: expect.any(String), text: 'Print brochures', done: true },
      ],
      sortOrder: 1,
    });
    expect(await read(task.id)).toEqual(task);
  });

  it('validates every field on create and on change (400 naming the field)', async () => {
    const task = await buildTask(owner, projectId, { title: 'Validated' });
    const cases: [Record<string, unknown>, string][] = [
      [{ title: '' }, 'title'],
      [{ title: 'x'.repeat(301) }, 'title'],
      [{ duration: -1 }, 'duration'],
      [{ duration: 1.5 }, 'duration'],
      [{ duration: 10_001 }, 'duration'],
      [{ percentComplete: 101 }, 'percentComplete'],
      [{ percentComplete: 50.5 }, 'percentComplete'],
      [{ status: 'finished' }, 'status'],
      [{ priority: 'critical' }, 'priority'],
      [{ phase: 'closing' }, 'phase'],
      [{ startNoEarlierThan: '2027-02-30' }, 'startNoEarlierThan'],
      [{ estimateHours: -1 }, 'estimateHours'],
      [{ plannedCost: 12.5 }, 'plannedCost'],
      [{ plannedCost: -100 }, 'plannedCost'],
      [{ storyPoints: -3 }, 'storyPoints'],
      [{ assigneeIds: [owner.userId, owner.userId] }, 'assigneeIds'],
      [{ checklist: [{ text: '' }] }, 'checklist.0.text'],
      [
        {
          checklist: [
            { id: 'same', text: 'a' },
            { id: 'same', text: 'b' },
          ],
        },
        'checklist',
      ],
      [{ description: 'd'.repeat(20_001) }, 'description'],
    ];
    const before = await countRows(t.database.db, 'tasks');
    for (const [fields, path] of cases) {
      const created = await owner.request('POST', `/projects/${projectId}/tasks`, { title: 'Bad', ...fields });
      const patched = await owner.request('PATCH', `/tasks/${task.id}`, fields);
      for (const response of [created, patched])
        expect({ fields, ...invalidPaths(response) }).toEqual({ fields, status: 400, paths: [path] });
    }
    expect(await countRows(t.database.db, 'tasks')).toBe(before);
    expect((await read(task.id)).version).toBe(1);
  });

  it('refuses assignees who are not members of the project, a sprint and a parent from elsewhere (422)', async () => {
    const task = await buildTask(owner, projectId, { title: 'Rules' });
    const elsewhere = await buildTask(owner, otherProjectId, { title: 'Elsewhere' });
    const cases: [Record<string, unknown>, Record<string, unknown>][] = [
      [{ assigneeIds: [walt.userId] }, { userIds: [walt.userId] }],
      [{ assigneeIds: [owner.userId, outsider.userId] }, { userIds: [outsider.userId] }],
      [{ sprintId: 'sprint-1' }, { sprintId: 'sprint-1' }],
      [{ parentId: elsewhere.id }, { parentId: elsewhere.id }],
      [{ parentId: 'no-such-task' }, { parentId: 'no-such-task' }],
    ];
    const before = await countRows(t.database.db, 'tasks');
    for (const [fields, details] of cases) {
      for (const response of [
        await owner.request('POST', `/projects/${projectId}/tasks`, { title: 'Refused', ...fields }),
        await owner.request('PATCH', `/tasks/${task.id}`, fields),
      ]) {
        expectError(response, 422, 'RULE_VIOLATION');
        expect(response.json().error.details).toEqual(details);
      }
    }
    expect(await countRows(t.database.db, 'tasks')).toBe(before);
    expect(await read(task.id)).toEqual(task);
  });

  it('sets 100 % when a task is marked done without a percent, and keeps a percent given with it', async () => {
    expect((await buildTask(owner, projectId, { title: 'Done at once', status: 'done' })).percentComplete).toBe(100);
    expect((await buildTask(owner, projectId, { title: 'Done, says 90', status: 'done', percentComplete: 90 })).percentComplete).toBe(90);
    const task = await buildTask(owner, projectId, { title: 'Later done', percentComplete: 40 });
    const done = await owner.request('PATCH', `/tasks/${task.id}`, { status: 'done' });
    expect(done.json()).toMatchObject({ status: 'done', percentComplete: 100, version: 2 });
    const reopened = await owner.request('PATCH', `/tasks/${task.id}`, { status: 'in_progress', percentComplete: 70 });
    expect(reopened.json()).toMatchObject({ status: 'in_progress', percentComplete: 70, version: 3 });
  });

  it('changes fields with optimistic concurrency: a stale version answers 409, a stale If-Match 412, and nothing changes', async () => {
    const task = await buildTask(owner, projectId, { title: 'Contested', checklist: [{ text: 'One' }] });
    const changed = await owner.request('PATCH', `/tasks/${task.id}`, { title: 'Contested, renamed', version: 1 });
    expect(changed.statusCode).toBe(200);
    expect(changed.headers.etag).toBe('"2"');
    expect(changed.json()).toMatchObject({ title: 'Contested, renamed', version: 2 });
    expect(changed.json().updatedAt >= task.updatedAt).toBe(true);

    const stale = await owner.request('PATCH', `/tasks/${task.id}`, { title: 'Stale', version: 1 });
    expectError(stale, 409, 'STALE_VERSION');
    expect(stale.json().error.details).toEqual({ currentVersion: 2 });
    const staleHeader = await owner.request('PATCH', `/tasks/${task.id}`, { title: 'Stale' }, { 'if-match': '"1"' });
    expectError(staleHeader, 412, 'PRECONDITION_FAILED');
    const staleDelete = await owner.request('DELETE', `/tasks/${task.id}`, undefined, { 'if-match': '"1"' });
    expectError(staleDelete, 412, 'PRECONDITION_FAILED');
    expect(await read(task.id)).toMatchObject({ title: 'Contested, renamed', version: 2 });

    // The same values again change nothing (no new version, no audit row), the checklist included.
    const same = await owner.request(
      'PATCH',
      `/tasks/${task.id}`,
      { title: 'Contested, renamed', checklist: task.checklist },
      { 'if-match': '"2"' },
    );
    expect(same.json().version).toBe(2);
    expect((await auditRowsFor(t.database.db, task.id)).map((r) => r.action)).toEqual(['create', 'update']);
    const audit = (await auditRowsFor(t.database.db, task.id))[1];
    expect([audit.before?.title, audit.after?.title]).toEqual(['Contested', 'Contested, renamed']);
  });

  it('makes a task a summary when it gets children: its duration, cost, hours and progress then come from them', async () => {
    const phase = await buildTask(owner, projectId, { title: 'Phase', duration: 9, plannedCost: 999 });
    const a = await buildTask(owner, projectId, {
      title: 'Leaf A',
      parentId: phase.id,
      duration: 3,
      percentComplete: 100,
      estimateHours: 6,
      plannedCost: 1_000,
    });
    const b = await buildTask(owner, projectId, {
      title: 'Leaf B',
      parentId: phase.id,
      duration: 1,
      percentComplete: 0,
      estimateHours: 2.5,
      plannedCost: 500,
    });
    expect([a.sortOrder, b.sortOrder]).toEqual([0, 1]);
    expect((await read(phase.id)).isSummary).toBe(true);
    for (const fields of [{ duration: 4 }, { percentComplete: 10 }, { plannedCost: 1 }, { estimateHours: 1 }]) {
      const response = await owner.request('PATCH', `/tasks/${phase.id}`, fields);
      expectError(response, 422, 'RULE_VIOLATION');
      expect(response.json().error.details).toEqual({ fields: Object.keys(fields) });
    }
    // Other fields of a summary change as usual.
    expect((await owner.request('PATCH', `/tasks/${phase.id}`, { title: 'Phase one', priority: 'high' })).statusCode).toBe(200);
    const item = (await list()).items.find((i) => i.id === phase.id);
    // Weighted by duration: (3 × 100 + 1 × 0) / 4 = 75.
    expect(item?.rollup).toEqual({ duration: 3, estimateHours: 8.5, plannedCost: 1_500, percentComplete: 75, leafCount: 2 });
    expect(item).toMatchObject({ startDate: '2027-01-04', finishDate: '2027-01-06', isSummary: true });
  });

  it('refuses children for a task with dependencies (a summary cannot be linked), by create, change and move', async () => {
    const linked = await buildTask(owner, projectId, { title: 'Linked' });
    const next = await buildTask(owner, projectId, { title: 'Next' });
    const loose = await buildTask(owner, projectId, { title: 'Loose' });
    const dependency = await buildDependency(owner, projectId, linked.id, next.id);
    const refusals = [
      await owner.request('POST', `/projects/${projectId}/tasks`, { title: 'Child', parentId: linked.id }),
      await owner.request('PATCH', `/tasks/${loose.id}`, { parentId: linked.id }),
      await owner.request('POST', `/tasks/${loose.id}/move`, { parentId: next.id, index: 0 }),
    ];
    for (const response of refusals) {
      expectError(response, 422, 'RULE_VIOLATION');
      expect(response.json().error.message).toMatch(/has dependencies/);
      expect(response.json().error.details.dependencyIds).toEqual([dependency.id]);
    }
    expect((await read(loose.id)).parentId).toBeNull();
  });

  it('indents, outdents and reorders with move, renumbering the siblings and bumping only the moved task', async () => {
    const project = (await buildProject(owner, { name: 'Moves' })).id;
    const tasks: Task[] = [];
    for (const title of ['A', 'B', 'C', 'D']) tasks.push(await buildTask(owner, project, { title }));
    const [ta, tb, tc, td] = tasks;
    const outline = async () => (await list('', owner, project)).items.map((i) => `${i.wbs} ${i.title}`);

    // Indent C under B (last), then D under B at the front.
    expect((await owner.request('POST', `/tasks/${tc.id}/move`, { parentId: tb.id, index: 99 })).json()).toMatchObject({
      parentId: tb.id,
      sortOrder: 0,
      version: 2,
    });
    expect((await owner.request('POST', `/tasks/${td.id}/move`, { parentId: tb.id, index: 0, version: 1 })).statusCode).toBe(200);
    expect(await outline()).toEqual(['1 A', '2 B', '2.1 D', '2.2 C']);
    // Reorder at the top: B before A.
    expect((await owner.request('POST', `/tasks/${tb.id}/move`, { parentId: null, index: 0 })).statusCode).toBe(200);
    expect(await outline()).toEqual(['1 B', '1.1 D', '1.2 C', '2 A']);
    // Outdent C to the top level after B.
    expect((await owner.request('POST', `/tasks/${tc.id}/move`, { parentId: null, index: 1 })).statusCode).toBe(200);
    expect(await outline()).toEqual(['1 B', '1.1 D', '2 C', '3 A']);
    // Only the moved tasks changed version; the siblings were renumbered without one.
    expect((await read(ta.id)).version).toBe(1);
    expect((await read(ta.id)).sortOrder).toBe(2);
    // A move that changes nothing keeps the version.
    const still = await owner.request('POST', `/tasks/${tc.id}/move`, { parentId: null, index: 1 });
    expect(still.json().version).toBe((await read(tc.id)).version);
    // Moving under itself or its own subtask is refused; so is a stale version.
    expectError(await owner.request('POST', `/tasks/${tb.id}/move`, { parentId: tb.id, index: 0 }), 422, 'RULE_VIOLATION');
    const under = await owner.request('POST', `/tasks/${tb.id}/move`, { parentId: td.id, index: 0 });
    expectError(under, 422, 'RULE_VIOLATION');
    expect(under.json().error.message).toBe('A task cannot go under itself or one of its own subtasks.');
    expectError(await owner.request('PATCH', `/tasks/${tb.id}`, { parentId: td.id }), 422, 'RULE_VIOLATION');
    expectError(await owner.request('POST', `/tasks/${tc.id}/move`, { parentId: null, index: 0, version: 1 }), 409, 'STALE_VERSION');
    expectError(
      await owner.request('POST', `/tasks/${tc.id}/move`, { parentId: null, index: 0 }, { 'if-match': '"1"' }),
      412,
      'PRECONDITION_FAILED',
    );
    expect(await outline()).toEqual(['1 B', '1.1 D', '2 C', '3 A']);
    // A new parentId through PATCH puts the task last among its new siblings.
    expect((await owner.request('PATCH', `/tasks/${ta.id}`, { parentId: tb.id })).json()).toMatchObject({ parentId: tb.id, sortOrder: 1 });
    expect(await outline()).toEqual(['1 B', '1.1 D', '1.2 A', '2 C']);
  });

  it('deletes a summary with its whole subtree, their dependencies and time entries, and records every removal', async () => {
    const project = (await buildProject(owner, { name: 'Deletions' })).id;
    const phase = await buildTask(owner, project, { title: 'Phase' });
    const group = await buildTask(owner, project, { title: 'Group', parentId: phase.id });
    const leaf = await buildTask(owner, project, { title: 'Deep leaf', parentId: group.id });
    const sibling = await buildTask(owner, project, { title: 'Sibling', parentId: phase.id });
    const outside = await buildTask(owner, project, { title: 'Outside' });
    const inner = await buildDependency(owner, project, leaf.id, sibling.id);
    const crossing = await buildDependency(owner, project, sibling.id, outside.id, { type: 'SS', lag: 2 });
    const entry = (await owner.request('POST', `/tasks/${leaf.id}/time-entries`, { date: '2027-01-05', hours: 3 })).json();

    const response = await owner.request('DELETE', `/tasks/${phase.id}`, undefined, { 'if-match': '"1"' });
    expect(response.statusCode).toBe(204);
    for (const id of [phase.id, group.id, leaf.id, sibling.id]) expect((await owner.request('GET', `/tasks/${id}`)).statusCode).toBe(404);
    expect((await owner.request('GET', `/tasks/${outside.id}`)).statusCode).toBe(200);
    for (const id of [inner.id, crossing.id]) expect((await owner.request('GET', `/dependencies/${id}`)).statusCode).toBe(404);
    expect((await owner.request('GET', `/time-entries/${entry.id}`)).statusCode).toBe(404);
    expect((await list('', owner, project)).items.map((i) => i.title)).toEqual(['Outside']);
    for (const id of [phase.id, group.id, leaf.id, sibling.id, inner.id, crossing.id, entry.id]) {
      expect((await auditRowsFor(t.database.db, id)).at(-1)).toMatchObject({ action: 'delete', after: null, project_id: project });
    }
    expect((await auditRowsFor(t.database.db, crossing.id)).at(-1)?.before).toMatchObject({ type: 'SS', lag: 2 });
    expectError(await owner.request('DELETE', `/tasks/${phase.id}`), 404, 'NOT_FOUND');
  });

  it('lets managers and sales, pre-sales and support members change the plan; finance, viewers and guests read it', async () => {
    const task = await buildTask(sam, projectId, { title: 'By sales' });
    expect((await sam.request('PATCH', `/tasks/${task.id}`, { title: 'By sales, renamed' })).statusCode).toBe(200);
    expect((await sam.request('POST', `/tasks/${task.id}/move`, { parentId: null, index: 0 })).statusCode).toBe(200);
    for (const session of [fay, vic, gus, walt]) {
      expect((await session.request('GET', `/tasks/${task.id}`)).statusCode).toBe(200);
      expect((await session.request('GET', `/projects/${projectId}/tasks`)).statusCode).toBe(200);
      for (const response of [
        await session.request('POST', `/projects/${projectId}/tasks`, { title: 'Not mine' }),
        await session.request('PATCH', `/tasks/${task.id}`, { title: 'Not mine' }),
        await session.request('POST', `/tasks/${task.id}/move`, { parentId: null, index: 3 }),
        await session.request('DELETE', `/tasks/${task.id}`),
      ]) {
        expectError(response, 403, 'FORBIDDEN');
      }
    }
    expect((await sam.request('DELETE', `/tasks/${task.id}`)).statusCode).toBe(204);
  });

  it("answers 404 for another workspace's tasks and projects, and for a guest outside the project", async () => {
    const task = await buildTask(owner, otherProjectId, { title: 'Private' });
    for (const session of [outsider, gus]) {
      expectError(await session.request('GET', `/tasks/${task.id}`), 404, 'NOT_FOUND');
      expectError(await session.request('PATCH', `/tasks/${task.id}`, { title: 'Mine now' }), 404, 'NOT_FOUND');
      expectError(await session.request('POST', `/tasks/${task.id}/move`, { parentId: null, index: 0 }), 404, 'NOT_FOUND');
      expectError(await session.request('DELETE', `/tasks/${task.id}`), 404, 'NOT_FOUND');
      expectError(await session.request('GET', `/projects/${otherProjectId}/tasks`), 404, 'NOT_FOUND');
      expectError(await session.request('POST', `/projects/${otherProjectId}/tasks`, { title: 'In' }), 404, 'NOT_FOUND');
    }
    expectError(await owner.request('GET', '/tasks/no-such-task'), 404, 'NOT_FOUND');
    expect(await read(task.id)).toMatchObject({ title: 'Private', version: 1 });
  });

  it('lists the WBS in outline order with numbers, depths, dates and rollups; filters and pages by cursor', async () => {
    const project = (await buildProject(owner, { name: 'Listed' })).id;
    const p1 = await buildTask(owner, project, { title: 'Planning', phase: 'planning' });
    await buildTask(owner, project, {
      title: 'Kick-off',
      parentId: p1.id,
      phase: 'planning',
      duration: 2,
      status: 'done',
      assigneeIds: [owner.userId],
    });
    await buildTask(owner, project, { title: 'Quotas', parentId: p1.id, phase: 'planning', duration: 3 });
    const p2 = await buildTask(owner, project, { title: 'Execution' });
    await buildTask(owner, project, { title: 'Visits', parentId: p2.id, duration: 5, assigneeIds: [owner.userId] });
    await buildTask(owner, project, { title: 'Contract signed', parentId: p2.id, duration: 0, startNoEarlierThan: '2027-01-15' });
    const all = await list('', owner, project);
    expect(all.items.map((i) => [i.wbs, i.depth, i.title, i.startDate, i.finishDate, i.isSummary])).toEqual([
      ['1', 0, 'Planning', '2027-01-04', '2027-01-06', true],
      ['1.1', 1, 'Kick-off', '2027-01-04', '2027-01-05', false],
      ['1.2', 1, 'Quotas', '2027-01-04', '2027-01-06', false],
      ['2', 0, 'Execution', '2027-01-04', '2027-01-15', true],
      ['2.1', 1, 'Visits', '2027-01-04', '2027-01-08', false],
      ['2.2', 1, 'Contract signed', '2027-01-15', '2027-01-15', false],
    ]);
    expect(all.items[0].rollup).toEqual({ duration: 3, estimateHours: 0, plannedCost: 0, percentComplete: 40, leafCount: 2 });
    expect(all.items[1].rollup).toBeNull();

    const titles = (page: { items: TaskListItem[] }) => page.items.map((i) => i.title);
    expect(titles(await list('?phase=planning', owner, project))).toEqual(['Planning', 'Kick-off', 'Quotas']);
    expect(titles(await list('?status=done,todo&phase=execution', owner, project))).toEqual(['Execution', 'Visits', 'Contract signed']);
    expect(titles(await list(`?assigneeId=${owner.userId}`, owner, project))).toEqual(['Kick-off', 'Visits']);
    expect((await list(`?assigneeId=${owner.userId}`, owner, project)).items.map((i) => i.wbs)).toEqual(['1.1', '2.1']);
    expect(invalidPaths(await owner.request('GET', `/projects/${project}/tasks?status=finished`))).toEqual({
      status: 400,
      paths: ['status'],
    });

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await list(`?limit=4${cursor ? `&cursor=${cursor}` : ''}`, owner, project);
      seen.push(...titles(page));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 5);
    expect([pages, seen]).toEqual([2, titles(all)]);
    expectError(await owner.request('GET', `/projects/${project}/tasks?cursor=garbage`), 400, 'BAD_REQUEST');
  });
});
