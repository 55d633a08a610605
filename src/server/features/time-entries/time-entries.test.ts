import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TimeEntry } from '../../../core/time-entries/schemas.js';
import { testDialects } from '../../test/databases.js';
import { auditRowsFor, countRows } from '../../test/db-inspect.js';
import { buildProject, inviteUser, type Session, signupOwner, startTestApp, type TestApp } from '../../test/harness.js';
import { buildTask, expectError, invalidPaths } from '../tasks/test-factories.js';

describe.each(testDialects())('time entries on %s', (dialect) => {
  let t: TestApp;
  let owner: Session;
  let sam: Session; // sales member
  let fay: Session; // finance member
  let vic: Session; // viewer
  let walt: Session; // workspace member outside the project
  let outsider: Session;
  let projectId: string;
  let taskId: string;
  let otherTaskId: string;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    owner = await signupOwner(t.app);
    sam = await inviteUser(t.app, owner, 'member', 'Sam Sales');
    fay = await inviteUser(t.app, owner, 'member', 'Fay Finance');
    vic = await inviteUser(t.app, owner, 'member', 'Vic Viewer');
    walt = await inviteUser(t.app, owner, 'member', 'Walt Wanderer');
    outsider = await signupOwner(t.app, { workspaceName: 'Elsewhere Ltd' });
    projectId = (await buildProject(owner, { name: 'Logged' })).id;
    for (const [session, role] of [
      [sam, 'sales'],
      [fay, 'finance'],
      [vic, 'viewer'],
    ] as const) {
      await owner.request('POST', `/projects/${projectId}/members`, { userId: session.userId, role });
    }
    taskId = (await buildTask(owner, projectId, { title: 'Customer visits' })).id;
    otherTaskId = (await buildTask(owner, projectId, { title: 'Proposal' })).id;
  });
  afterAll(() => t?.close());

  const log = (session: Session, body: Record<string, unknown>, task = taskId) =>
    session.request('POST', `/tasks/${task}/time-entries`, body);

  it('logs your own time on a task (201 with ETag) and records it', async () => {
    const response = await log(sam, { date: '2027-01-04', hours: 2.5, note: '拜访客户' });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.headers.etag).toBe('"1"');
    const entry = response.json() as TimeEntry;
    expect(entry).toEqual({
      id: expect.any(String),
      projectId,
      taskId,
      userId: sam.userId,
      date: '2027-01-04',
      hours: 2.5,
      note: '拜访客户',
      createdAt: expect.stringMatching(/Z$/),
      updatedAt: entry.createdAt,
      version: 1,
    });
    expect((await owner.request('GET', `/time-entries/${entry.id}`)).json()).toEqual(entry);
    expect(await auditRowsFor(t.database.db, entry.id)).toMatchObject([
      { entity_type: 'time_entry', action: 'create', after: entry, project_id: projectId },
    ]);
  });

  it('validates date and hours: 0 < hours ≤ 24 (400 naming the field)', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ date: '2027-02-30', hours: 1 }, 'date'],
      [{ date: '04/01/2027', hours: 1 }, 'date'],
      [{ date: '2027-01-05', hours: 0 }, 'hours'],
      [{ date: '2027-01-05', hours: -1 }, 'hours'],
      [{ date: '2027-01-05', hours: 24.5 }, 'hours'],
      [{ date: '2027-01-05', hours: '2' }, 'hours'],
      [{ date: '2027-01-05', hours: 1, note: 'n'.repeat(2_001) }, 'note'],
      [{ hours: 1 }, 'date'],
    ];
    const before = await countRows(t.database.db, 'time_entries');
    for (const [body, path] of cases) expect({ body, ...invalidPaths(await log(sam, body)) }).toEqual({ body, status: 400, paths: [path] });
    expect(await countRows(t.database.db, 'time_entries')).toBe(before);
    expect((await log(sam, { date: '2027-01-05', hours: 24 })).statusCode).toBe(201);
  });

  it('keeps a day to 24 hours per person across tasks (422)', async () => {
    expect((await log(fay, { date: '2027-01-06', hours: 16 })).statusCode).toBe(201);
    const refused = await log(fay, { date: '2027-01-06', hours: 8.5 }, otherTaskId);
    expectError(refused, 422, 'RULE_VIOLATION');
    expect(refused.json().error.details).toEqual({ date: '2027-01-06', alreadyLogged: 16 });
    expect((await log(fay, { date: '2027-01-06', hours: 8 }, otherTaskId)).statusCode).toBe(201);
  });

  it('lets a manager log time for a member; a member logs only their own; viewers and non-members none', async () => {
    const forSam = await log(owner, { userId: sam.userId, date: '2027-01-07', hours: 1 });
    expect(forSam.json()).toMatchObject({ userId: sam.userId });
    expectError(await log(sam, { userId: fay.userId, date: '2027-01-07', hours: 1 }), 403, 'FORBIDDEN');
    expectError(await log(vic, { date: '2027-01-07', hours: 1 }), 403, 'FORBIDDEN');
    expectError(await log(walt, { date: '2027-01-07', hours: 1 }), 403, 'FORBIDDEN');
    // The person must be a member of the project.
    for (const userId of [walt.userId, outsider.userId, 'nobody']) {
      const response = await log(owner, { userId, date: '2027-01-07', hours: 1 });
      expectError(response, 422, 'RULE_VIOLATION');
      expect(response.json().error.details).toEqual({ userId });
    }
  });

  it('changes an entry with optimistic concurrency; only its owner or a manager may; and deletes it', async () => {
    const entry = (await log(sam, { date: '2027-01-08', hours: 3 })).json() as TimeEntry;
    const changed = await sam.request('PATCH', `/time-entries/${entry.id}`, { hours: 3.5, note: 'longer', version: 1 });
    expect(changed.json()).toMatchObject({ hours: 3.5, note: 'longer', version: 2 });
    expect(changed.headers.etag).toBe('"2"');
    expectError(await sam.request('PATCH', `/time-entries/${entry.id}`, { hours: 4, version: 1 }), 409, 'STALE_VERSION');
    expectError(await sam.request('PATCH', `/time-entries/${entry.id}`, { hours: 4 }, { 'if-match': '"1"' }), 412, 'PRECONDITION_FAILED');
    expectError(await fay.request('PATCH', `/time-entries/${entry.id}`, { hours: 4 }), 403, 'FORBIDDEN');
    expectError(await fay.request('DELETE', `/time-entries/${entry.id}`), 403, 'FORBIDDEN');
    // Moving it to someone else takes a manager.
    expectError(await sam.request('PATCH', `/time-entries/${entry.id}`, { userId: fay.userId }), 403, 'FORBIDDEN');
    expect((await owner.request('PATCH', `/time-entries/${entry.id}`, { userId: fay.userId })).json()).toMatchObject({
      userId: fay.userId,
      version: 3,
    });
    expect(invalidPaths(await owner.request('PATCH', `/time-entries/${entry.id}`, { hours: 25 }))).toEqual({
      status: 400,
      paths: ['hours'],
    });
    expect((await owner.request('PATCH', `/time-entries/${entry.id}`, { note: 'longer' })).json().version).toBe(3);
    expect((await owner.request('DELETE', `/time-entries/${entry.id}`, undefined, { 'if-match': '"3"' })).statusCode).toBe(204);
    expectError(await owner.request('GET', `/time-entries/${entry.id}`), 404, 'NOT_FOUND');
    expect((await auditRowsFor(t.database.db, entry.id)).map((r) => r.action)).toEqual(['create', 'update', 'update', 'delete']);
  });

  it("lists a task's entries newest first, and a member's week across the project's tasks", async () => {
    const project = (await buildProject(owner, { name: 'Week view' })).id;
    await owner.request('POST', `/projects/${project}/members`, { userId: sam.userId, role: 'sales' });
    const visit = (await buildTask(owner, project, { title: 'Visit' })).id;
    const demo = (await buildTask(owner, project, { title: 'Demo' })).id;
    const entries: [string, string, string, number][] = [
      [visit, sam.userId, '2027-02-01', 2],
      [demo, sam.userId, '2027-02-02', 3],
      [visit, owner.userId, '2027-02-02', 1],
      [visit, sam.userId, '2027-02-05', 4],
      [demo, sam.userId, '2027-02-08', 5],
    ];
    for (const [task, userId, date, hours] of entries) expect((await log(owner, { userId, date, hours }, task)).statusCode).toBe(201);

    const ofVisit = (await sam.request('GET', `/tasks/${visit}/time-entries`)).json();
    expect(ofVisit.items.map((e: TimeEntry) => e.date)).toEqual(['2027-02-05', '2027-02-02', '2027-02-01']);
    const paged = (await sam.request('GET', `/tasks/${visit}/time-entries?limit=2`)).json();
    const rest = (await sam.request('GET', `/tasks/${visit}/time-entries?limit=2&cursor=${paged.nextCursor}`)).json();
    expect([...paged.items, ...rest.items].map((e: TimeEntry) => e.id)).toEqual(ofVisit.items.map((e: TimeEntry) => e.id));

    const week = (await sam.request('GET', `/projects/${project}/time-entries?userId=${sam.userId}&from=2027-02-01&to=2027-02-07`)).json();
    expect(week.items.map((e: TimeEntry) => [e.date, e.taskId, e.hours])).toEqual([
      ['2027-02-01', visit, 2],
      ['2027-02-02', demo, 3],
      ['2027-02-05', visit, 4],
    ]);
    expect((await sam.request('GET', `/projects/${project}/time-entries`)).json().items).toHaveLength(5);
    expect(invalidPaths(await sam.request('GET', `/projects/${project}/time-entries?from=2027-02-07&to=2027-02-01`))).toEqual({
      status: 400,
      paths: ['to'],
    });
    expect(invalidPaths(await sam.request('GET', `/projects/${project}/time-entries?from=2027-13-01`))).toEqual({
      status: 400,
      paths: ['from'],
    });
  });

  it('answers 404 for another workspace and unknown ids', async () => {
    const entry = (await log(owner, { date: '2027-01-12', hours: 1 })).json() as TimeEntry;
    for (const response of [
      await outsider.request('GET', `/time-entries/${entry.id}`),
      await outsider.request('PATCH', `/time-entries/${entry.id}`, { hours: 2 }),
      await outsider.request('DELETE', `/time-entries/${entry.id}`),
      await outsider.request('GET', `/tasks/${taskId}/time-entries`),
      await outsider.request('POST', `/tasks/${taskId}/time-entries`, { date: '2027-01-12', hours: 1 }),
      await outsider.request('GET', `/projects/${projectId}/time-entries`),
      await owner.request('POST', '/tasks/no-such-task/time-entries', { date: '2027-01-12', hours: 1 }),
    ]) {
      expectError(response, 404, 'NOT_FOUND');
    }
    expect((await owner.request('GET', `/time-entries/${entry.id}`)).json().hours).toBe(1);
  });
});
