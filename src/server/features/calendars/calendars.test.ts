import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Calendar } from '../../../core/calendar/schemas';
import { testDialects } from '../../test/databases.js';
import { auditRowsFor, countRows } from '../../test/db-inspect.js';
import { buildProject, inviteUser, type Session, signupOwner, startTestApp, type TestApp } from '../../test/harness.js';
import { expectError, invalidPaths } from '../tasks/test-factories.js';

describe.each(testDialects())('calendars on %s', (dialect) => {
  let t: TestApp;
  let owner: Session;
  let ada: Session; // workspace admin
  let mia: Session; // workspace member
  let outsider: Session;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    owner = await signupOwner(t.app);
    ada = await inviteUser(t.app, owner, 'admin', 'Ada Admin');
    mia = await inviteUser(t.app, owner, 'member', 'Mia Member');
    outsider = await signupOwner(t.app, { workspaceName: 'Elsewhere Ltd' });
  });
  afterAll(() => t?.close());

  const body = {
    name: 'Shanghai office',
    workingWeekdays: [5, 1, 2, 3, 4],
    holidays: ['2027-02-10', '2027-02-09'],
    workdays: ['2027-02-06'],
  };

  it('lists the seeded mainland-China and Monday–Friday calendars to every user', async () => {
    const list = await mia.request('GET', '/calendars');
    expect(list.statusCode).toBe(200);
    const [china, weekdays] = list.json().items as Calendar[];
    expect(china.holidays).toContain('2026-10-01');
    expect(china.workdays).toContain('2026-02-14');
    // The sign-up's language names the days: 国庆节 for 2026-10-01, 春节 for the make-up Saturday 2026-02-14.
    expect([china.dayNames['2026-10-01'], china.dayNames['2026-02-14']]).toEqual(['National Day', 'Spring Festival']);
    expect(Object.keys(china.dayNames)).toHaveLength(china.holidays.length + china.workdays.length);
    expect(weekdays).toMatchObject({ workingWeekdays: [1, 2, 3, 4, 5], holidays: [], workdays: [], dayNames: {}, version: 1 });
  });

  it('creates a calendar (admins), stored tidy, answers 201 with its ETag and records it', async () => {
    const response = await ada.request('POST', '/calendars', body);
    expect(response.statusCode, response.body).toBe(201);
    expect(response.headers.etag).toBe('"1"');
    const calendar = response.json() as Calendar;
    expect(calendar).toEqual({
      id: expect.any(String),
      name: 'Shanghai office',
      workingWeekdays: [1, 2, 3, 4, 5],
      holidays: ['2027-02-09', '2027-02-10'],
      workdays: ['2027-02-06'],
      dayNames: {},
      version: 1,
    });
    const one = await mia.request('GET', `/calendars/${calendar.id}`);
    expect([one.json(), one.headers.etag]).toEqual([calendar, '"1"']);
    expect(await auditRowsFor(t.database.db, calendar.id)).toMatchObject([
      { entity_type: 'calendar', action: 'create', after: calendar, project_id: null },
    ]);
  });

  it('validates weekdays and dates (400 naming the field)', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ name: '' }, 'name'],
      [{ workingWeekdays: [] }, 'workingWeekdays'],
      [{ workingWeekdays: [7] }, 'workingWeekdays.0'],
      [{ workingWeekdays: [1, 1] }, 'workingWeekdays'],
      [{ holidays: ['2027-02-30'] }, 'holidays.0'],
      [{ holidays: ['2027-02-09', '2027-02-09'] }, 'holidays'],
      [{ holidays: ['2027-02-06'], workdays: ['2027-02-06'] }, 'workdays'],
      [{ dayNames: { '2027-02-11': 'Not listed' } }, 'dayNames'],
      [{ dayNames: { '2027-02-09': '' } }, 'dayNames.2027-02-09'],
    ];
    const before = await countRows(t.database.db, 'calendars');
    for (const [fields, path] of cases) {
      const response = await owner.request('POST', '/calendars', { ...body, ...fields });
      expect({ fields, ...invalidPaths(response) }).toEqual({ fields, status: 400, paths: [path] });
    }
    expect(await countRows(t.database.db, 'calendars')).toBe(before);
  });

  it('replaces a calendar with its version: stale version 409, stale If-Match 412, nothing changes', async () => {
    const calendar = (await owner.request('POST', '/calendars', { ...body, name: 'Editable' })).json() as Calendar;
    const changed = await owner.request('PATCH', `/calendars/${calendar.id}`, {
      ...body,
      name: 'Edited',
      holidays: ['2027-02-11'],
      version: 1,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.headers.etag).toBe('"2"');
    expect(changed.json()).toMatchObject({ name: 'Edited', holidays: ['2027-02-11'], version: 2 });
    expectError(await owner.request('PATCH', `/calendars/${calendar.id}`, { ...body, name: 'Stale', version: 1 }), 409, 'STALE_VERSION');
    expectError(
      await owner.request('PATCH', `/calendars/${calendar.id}`, { ...body, name: 'Stale', version: 2 }, { 'if-match': '"1"' }),
      412,
      'PRECONDITION_FAILED',
    );
    expect(invalidPaths(await owner.request('PATCH', `/calendars/${calendar.id}`, { name: 'Only a name', version: 2 }))).toMatchObject({
      status: 400,
    });
    // The same content (in another order) changes nothing.
    const same = await owner.request('PATCH', `/calendars/${calendar.id}`, {
      ...body,
      workingWeekdays: [1, 2, 3, 4, 5],
      name: 'Edited',
      holidays: ['2027-02-11'],
      version: 2,
    });
    expect(same.json().version).toBe(2);
    expect((await owner.request('GET', `/calendars/${calendar.id}`)).json()).toMatchObject({ name: 'Edited', version: 2 });
    expect((await auditRowsFor(t.database.db, calendar.id)).map((r) => r.action)).toEqual(['create', 'update']);
  });

  it('stores day names tidy, keeps the names of still-listed days when an update sends none, replaces them when it does', async () => {
    const named = { ...body, name: 'Named', dayNames: { '2027-02-10': ' 春节 ', '2027-02-06': '春节调休', '2027-02-09': '除夕' } };
    const created = await owner.request('POST', '/calendars', named);
    expect(created.statusCode, created.body).toBe(201);
    const calendar = created.json() as Calendar;
    expect(Object.entries(calendar.dayNames)).toEqual([
      ['2027-02-06', '春节调休'],
      ['2027-02-09', '除夕'],
      ['2027-02-10', '春节'],
    ]);
    // No dayNames: 2027-02-09 is no longer listed, so its name goes; the others stay.
    const kept = await owner.request('PATCH', `/calendars/${calendar.id}`, { ...body, holidays: ['2027-02-10'], version: 1 });
    expect(kept.json()).toMatchObject({ dayNames: { '2027-02-06': '春节调休', '2027-02-10': '春节' }, version: 2 });
    expect(Object.keys(kept.json().dayNames)).toHaveLength(2);
    // Renaming a day alone is a change (version 3); the same names again are not.
    const renamed = await owner.request('PATCH', `/calendars/${calendar.id}`, {
      ...body,
      holidays: ['2027-02-10'],
      dayNames: { '2027-02-10': 'Spring Festival' },
      version: 2,
    });
    expect(renamed.json()).toMatchObject({ dayNames: { '2027-02-10': 'Spring Festival' }, version: 3 });
    expect(Object.keys(renamed.json().dayNames)).toHaveLength(1);
    const same = await owner.request('PATCH', `/calendars/${calendar.id}`, { ...body, holidays: ['2027-02-10'], version: 3 });
    expect(same.json().version).toBe(3);
    expect((await owner.request('GET', `/calendars/${calendar.id}`)).json()).toEqual(renamed.json());
  });

  it('refuses to delete a calendar a project uses (409 naming the projects), deletes it once unused', async () => {
    const calendar = (await owner.request('POST', '/calendars', { ...body, name: 'In use' })).json() as Calendar;
    const project = await buildProject(owner, { name: 'On it', calendarId: calendar.id });
    const refused = await owner.request('DELETE', `/calendars/${calendar.id}`);
    expectError(refused, 409, 'CONFLICT');
    expect(refused.json().error.details).toEqual({ projectIds: [project.id], projectNames: ['On it'] });
    await owner.request('PATCH', `/projects/${project.id}`, { calendarId: null });
    expectError(await owner.request('DELETE', `/calendars/${calendar.id}`, undefined, { 'if-match': '"5"' }), 412, 'PRECONDITION_FAILED');
    expect((await owner.request('DELETE', `/calendars/${calendar.id}`, undefined, { 'if-match': '"1"' })).statusCode).toBe(204);
    expectError(await owner.request('GET', `/calendars/${calendar.id}`), 404, 'NOT_FOUND');
    expect((await auditRowsFor(t.database.db, calendar.id)).map((r) => r.action)).toEqual(['create', 'delete']);
  });

  it('lets only workspace owners and admins change calendars (403), and hides other workspaces (404)', async () => {
    const calendar = (await owner.request('POST', '/calendars', { ...body, name: 'Guarded' })).json() as Calendar;
    expectError(await mia.request('POST', '/calendars', body), 403, 'FORBIDDEN');
    expectError(await mia.request('PATCH', `/calendars/${calendar.id}`, { ...body, version: 1 }), 403, 'FORBIDDEN');
    expectError(await mia.request('DELETE', `/calendars/${calendar.id}`), 403, 'FORBIDDEN');
    expectError(await outsider.request('GET', `/calendars/${calendar.id}`), 404, 'NOT_FOUND');
    expectError(await outsider.request('PATCH', `/calendars/${calendar.id}`, { ...body, version: 1 }), 404, 'NOT_FOUND');
    expectError(await outsider.request('DELETE', `/calendars/${calendar.id}`), 404, 'NOT_FOUND');
    expect((await owner.request('GET', `/calendars/${calendar.id}`)).json()).toMatchObject({ name: 'Guarded', version: 1 });
    expect(((await outsider.request('GET', '/calendars')).json().items as Calendar[]).map((c) => c.id)).not.toContain(calendar.id);
  });
});
