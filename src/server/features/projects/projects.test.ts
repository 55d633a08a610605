import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageOf } from '../../../core/common/schemas.js';
import { Project } from '../../../core/projects/schemas.js';
import { testDialects } from '../../test/databases.js';
import { auditRowsFor, countRows } from '../../test/db-inspect.js';
import { buildProject, inviteUser, projectInput, type Session, signupOwner, startTestApp, type TestApp } from '../../test/harness.js';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

describe.each(testDialects())('projects on %s', (dialect) => {
  let t: TestApp;
  let owner: Session;
  let member: Session;
  let guest: Session;
  let calendarId: string;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    owner = await signupOwner(t.app);
    member = await inviteUser(t.app, owner, 'member', 'Mia Member');
    guest = await inviteUser(t.app, owner, 'guest', 'Gus Guest');
    calendarId = (await owner.request('GET', '/calendars')).json().items[1].id;
  });
  afterAll(() => t?.close());

  const read = async (id: string) => (await owner.request('GET', `/projects/${id}`)).json() as Project;

  it('creates a project and reads it back with its ETag', async () => {
    const created = await buildProject(owner, { name: 'Trade show push' });
    const response = await owner.request('GET', `/projects/${created.id}`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ name: 'Trade show push', status: 'planning', version: 1, currency: 'CNY' });
    expect(response.headers.etag).toBe('"1"');
  });

  it('fills the defaults, makes the creator its manager and writes one audit row per object', async () => {
    const response = await owner.request('POST', '/projects', { name: 'Defaults', startDate: '2027-01-04', endDate: '2027-03-31' });
    expect(response.statusCode).toBe(201);
    expect(response.headers.etag).toBe('"1"');
    const project = response.json();
    expect(project).toEqual({
      id: expect.any(String),
      name: 'Defaults',
      description: '',
      status: 'planning',
      methodology: 'hybrid',
      startDate: '2027-01-04',
      endDate: '2027-03-31',
      currency: 'CNY',
      calendarId: null,
      archivedAt: null,
      createdAt: expect.stringMatching(ISO_INSTANT),
      updatedAt: project.createdAt,
      version: 1,
    });
    const members = (await owner.request('GET', `/projects/${project.id}/members`)).json().items;
    expect(members.map((m: { userId: string; role: string }) => [m.userId, m.role])).toEqual([[owner.userId, 'manager']]);
    expect(await auditRowsFor(t.database.db, project.id)).toEqual([
      {
        workspace_id: owner.workspaceId,
        actor_id: owner.userId,
        entity_type: 'project',
        entity_id: project.id,
        project_id: project.id,
        action: 'create',
        before: null,
        after: project,
      },
    ]);
    expect(await auditRowsFor(t.database.db, members[0].id)).toMatchObject([
      { entity_type: 'member', project_id: project.id, action: 'create', after: { userId: owner.userId, role: 'manager' } },
    ]);
  });

  it('creates a project with every field given', async () => {
    const body = {
      name: '  Spring fair 春季展会  ',
      description: 'Booth, samples and 30 meetings',
      status: 'active',
      methodology: 'scrum',
      startDate: '2027-03-01',
      endDate: '2027-03-01',
      currency: 'USD',
      calendarId,
    };
    const response = await owner.request('POST', '/projects', body);
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ ...body, name: 'Spring fair 春季展会', version: 1, archivedAt: null });
    expect(await read(response.json().id)).toMatchObject({ ...body, name: 'Spring fair 春季展会' });
  });

  it('searches names case-insensitively beyond ASCII, alike on every database', async () => {
    await buildProject(owner, { name: 'Ärger Projekt' });
    await buildProject(owner, { name: 'ΣΟΦΙΑ deal' });
    const names = async (q: string) =>
      ((await owner.request('GET', `/projects?q=${encodeURIComponent(q)}&limit=200`)).json().items as Project[]).map((p) => p.name);
    for (const q of ['Ärger', 'ärger', 'ÄRGER', 'rger proj']) expect({ q, names: await names(q) }).toEqual({ q, names: ['Ärger Projekt'] });
    for (const q of ['ΣΟΦΙΑ', 'σοφια', 'Σοφια Deal']) expect({ q, names: await names(q) }).toEqual({ q, names: ['ΣΟΦΙΑ deal'] });
  });

  it('answers 400 naming the field for malformed input, creating nothing', async () => {
    const before = await countRows(t.database.db, 'projects');
    const cases: [Record<string, unknown>, string, string][] = [
      [{ startDate: '2027-01-04', endDate: '2027-03-31' }, 'name', 'Invalid input: expected string, received undefined'],
      [projectInput({ name: '   ' }), 'name', 'Too small: expected string to have >=1 characters'],
      [projectInput({ name: 'n'.repeat(201) }), 'name', 'Too big: expected string to have <=200 characters'],
      [projectInput({ startDate: '2027-02-30' }), 'startDate', 'not a real calendar date'],
      [projectInput({ endDate: '31/03/2027' }), 'endDate', 'expected a date as YYYY-MM-DD'],
      [projectInput({ currency: 'cny' }), 'currency', 'expected an ISO 4217 currency code such as CNY'],
      [projectInput({ status: 'done' }), 'status', expect.stringContaining('Invalid option') as unknown as string],
      [projectInput({ methodology: 42 }), 'methodology', expect.stringContaining('Invalid option') as unknown as string],
      [projectInput({ description: 'd'.repeat(20_001) }), 'description', 'Too big: expected string to have <=20000 characters'],
    ];
    for (const [body, path, message] of cases) {
      const response = await owner.request('POST', '/projects', body);
      const error = response.json().error;
      expect({ path, status: response.statusCode, code: error.code, first: error.details[0] }).toEqual({
        path,
        status: 400,
        code: 'VALIDATION',
        first: { in: 'body', path, message },
      });
      expect(error.message).toBe(`Invalid body field "${path}": ${error.details[0].message}`);
      // Only the field at fault is named (a malformed date may also be reported as not a real one).
      expect(error.details.map((d: { path: string }) => d.path)).toEqual(error.details.map(() => path));
    }
    expect(await countRows(t.database.db, 'projects')).toBe(before);
  });

  it('answers 422 for an end before the start and for a calendar that does not exist', async () => {
    const before = await countRows(t.database.db, 'projects');
    const backwards = await owner.request('POST', '/projects', projectInput({ startDate: '2027-03-31', endDate: '2027-03-30' }));
    expect(backwards.statusCode).toBe(422);
    expect(backwards.json().error).toEqual({
      code: 'RULE_VIOLATION',
      message: 'The end date must not be before the start date.',
      details: { startDate: '2027-03-31', endDate: '2027-03-30' },
    });
    const noCalendar = await owner.request('POST', '/projects', projectInput({ calendarId: 'no-such-calendar' }));
    expect(noCalendar.statusCode).toBe(422);
    expect(noCalendar.json().error).toMatchObject({ code: 'RULE_VIOLATION', details: { calendarId: 'no-such-calendar' } });
    expect(await countRows(t.database.db, 'projects')).toBe(before);
  });

  it('updates with the right version, refuses a stale one (409) or a stale If-Match (412) and changes nothing then', async () => {
    const { id } = await buildProject(owner, { name: 'Concurrency' });
    const first = await owner.request('PATCH', `/projects/${id}`, { name: 'Concurrency v2', version: 1 });
    expect(first.statusCode).toBe(200);
    expect(first.headers.etag).toBe('"2"');
    expect(first.json()).toMatchObject({ name: 'Concurrency v2', version: 2 });
    const afterFirst = await read(id);
    const auditCount = (await auditRowsFor(t.database.db, id)).length;

    const stale = await owner.request('PATCH', `/projects/${id}`, { name: 'Lost update', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toEqual({ code: 'STALE_VERSION', message: expect.any(String), details: { currentVersion: 2 } });
    const staleHeader = await owner.request('PATCH', `/projects/${id}`, { name: 'Lost update' }, { 'if-match': '"1"' });
    expect(staleHeader.statusCode).toBe(412);
    expect(staleHeader.json().error).toEqual({ code: 'PRECONDITION_FAILED', message: expect.any(String), details: { currentVersion: 2 } });
    const garbage = await owner.request('PATCH', `/projects/${id}`, { name: 'Lost update' }, { 'if-match': 'version two' });
    expect(garbage.statusCode).toBe(412);
    expect(await read(id)).toEqual(afterFirst);
    expect((await auditRowsFor(t.database.db, id)).length).toBe(auditCount);

    const matching = await owner.request('PATCH', `/projects/${id}`, { status: 'active' }, { 'if-match': '"2"' });
    expect(matching.statusCode).toBe(200);
    expect(matching.json()).toMatchObject({ status: 'active', version: 3 });
    const weak = await owner.request('PATCH', `/projects/${id}`, { status: 'on_hold' }, { 'if-match': 'W/"3"' });
    expect(weak.json()).toMatchObject({ status: 'on_hold', version: 4 });
    const any = await owner.request('PATCH', `/projects/${id}`, { status: 'active' }, { 'if-match': '*' });
    expect(any.json()).toMatchObject({ status: 'active', version: 5 });
  });

  it('does not bump the version (or write history) for a PATCH that changes nothing', async () => {
    const created = await owner.request('POST', '/projects', projectInput({ name: 'Steady', calendarId }));
    const { id } = created.json();
    const response = await owner.request('PATCH', `/projects/${id}`, {
      name: 'Steady',
      calendarId,
      startDate: '2027-01-04',
      archived: false,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual(created.json());
    expect((await owner.request('PATCH', `/projects/${id}`, {})).json()).toEqual(created.json());
    expect((await auditRowsFor(t.database.db, id)).map((row) => row.action)).toEqual(['create']);
  });

  it('answers 422 for a change that breaks a rule and keeps the project as it was', async () => {
    const { id } = await buildProject(owner, { name: 'Rules' });
    const before = await read(id);
    const backwards = await owner.request('PATCH', `/projects/${id}`, { endDate: '2026-12-31' });
    expect(backwards.statusCode).toBe(422);
    const noCalendar = await owner.request('PATCH', `/projects/${id}`, { calendarId: 'missing' });
    expect(noCalendar.statusCode).toBe(422);
    expect(await read(id)).toEqual(before);
    const withCalendar = await owner.request('PATCH', `/projects/${id}`, { calendarId });
    expect(withCalendar.json()).toMatchObject({ calendarId, version: 2 });
    const without = await owner.request('PATCH', `/projects/${id}`, { calendarId: null });
    expect(without.json()).toMatchObject({ calendarId: null, version: 3 });
  });

  it('records an update with before and after', async () => {
    const { id } = await buildProject(owner, { name: 'Audited' });
    const before = await read(id);
    const after = (await owner.request('PATCH', `/projects/${id}`, { name: 'Audited twice', description: 'why' })).json();
    const rows = (await auditRowsFor(t.database.db, id)).filter((row) => row.action === 'update');
    expect(rows).toEqual([
      {
        workspace_id: owner.workspaceId,
        actor_id: owner.userId,
        entity_type: 'project',
        entity_id: id,
        project_id: id,
        action: 'update',
        before,
        after,
      },
    ]);
  });

  it('archives and restores', async () => {
    const { id } = await buildProject(owner, { name: 'Seasonal' });
    const archived = await owner.request('PATCH', `/projects/${id}`, { archived: true });
    expect(archived.statusCode).toBe(200);
    expect(archived.json().archivedAt).toMatch(ISO_INSTANT);
    expect(archived.json().version).toBe(2);
    const listed = async (archivedFilter: string) =>
      ((await owner.request('GET', `/projects?archived=${archivedFilter}&limit=200`)).json().items as Project[]).some((p) => p.id === id);
    expect(await listed('false')).toBe(false);
    expect(await listed('true')).toBe(true);
    expect(await listed('all')).toBe(true);
    const again = await owner.request('PATCH', `/projects/${id}`, { archived: true });
    expect(again.json().version).toBe(2);
    const restored = await owner.request('PATCH', `/projects/${id}`, { archived: false });
    expect(restored.json()).toMatchObject({ archivedAt: null, version: 3 });
    expect(await listed('false')).toBe(true);
    expect(await listed('true')).toBe(false);
  });

  it('deletes (204) with its members and history entry; then 404', async () => {
    const { id } = await buildProject(owner, { name: 'Short-lived' });
    await owner.request('POST', `/projects/${id}/members`, { userId: member.userId });
    const staleDelete = await owner.request('DELETE', `/projects/${id}`, undefined, { 'if-match': '"7"' });
    expect(staleDelete.statusCode).toBe(412);
    expect((await owner.request('GET', `/projects/${id}`)).statusCode).toBe(200);
    const response = await owner.request('DELETE', `/projects/${id}`, undefined, { 'if-match': '"1"' });
    expect(response.statusCode).toBe(204);
    expect(response.body).toBe('');
    const gone = await owner.request('GET', `/projects/${id}`);
    expect(gone.statusCode).toBe(404);
    expect(gone.json().error.code).toBe('NOT_FOUND');
    expect((await owner.request('DELETE', `/projects/${id}`)).statusCode).toBe(404);
    expect((await owner.request('PATCH', `/projects/${id}`, { name: 'x' })).statusCode).toBe(404);
    const left = await t.database.db.selectFrom('project_members').select('id').where('project_id', '=', id).execute();
    expect(left).toEqual([]);
    const deletion = (await auditRowsFor(t.database.db, id)).filter((row) => row.action === 'delete');
    expect(deletion).toHaveLength(1);
    expect(deletion[0]).toMatchObject({ actor_id: owner.userId, before: { id, name: 'Short-lived' }, after: null });
  });

  it('shows a guest only the projects they are a member of; a guest cannot create or change one', async () => {
    const visible = await buildProject(owner, { name: 'Guest can see' });
    const hidden = await buildProject(owner, { name: 'Guest cannot see' });
    expect((await owner.request('POST', `/projects/${visible.id}/members`, { userId: guest.userId, role: 'viewer' })).statusCode).toBe(201);
    const list = (await guest.request('GET', '/projects?limit=200')).json();
    expect(list.items.map((p: Project) => p.name)).toEqual(['Guest can see']);
    expect((await guest.request('GET', `/projects/${visible.id}`)).statusCode).toBe(200);
    const other = await guest.request('GET', `/projects/${hidden.id}`);
    expect(other.statusCode).toBe(404);
    expect((await guest.request('PATCH', `/projects/${hidden.id}`, { name: 'x' })).statusCode).toBe(404);
    const change = await guest.request('PATCH', `/projects/${visible.id}`, { name: 'Renamed by guest' });
    expect(change.statusCode).toBe(403);
    const create = await guest.request('POST', '/projects', projectInput({ name: 'By a guest' }));
    expect(create.statusCode).toBe(403);
    expect(create.json().error.code).toBe('FORBIDDEN');
    expect((await read(visible.id)).name).toBe('Guest can see');
  });

  it('lets a member see every project but change only those they manage', async () => {
    const ownersProject = await buildProject(owner, { name: 'Owner runs this' });
    const seen = (await member.request('GET', '/projects?limit=200')).json().items.map((p: Project) => p.id);
    expect(seen).toContain(ownersProject.id);
    const refused = await member.request('PATCH', `/projects/${ownersProject.id}`, { name: 'Taken over' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('FORBIDDEN');
    expect((await member.request('DELETE', `/projects/${ownersProject.id}`)).statusCode).toBe(403);
    expect((await read(ownersProject.id)).name).toBe('Owner runs this');

    const own = await buildProject(member, { name: 'Member runs this' });
    expect((await member.request('PATCH', `/projects/${own.id}`, { status: 'active' })).statusCode).toBe(200);
    await owner.request('POST', `/projects/${ownersProject.id}/members`, { userId: member.userId, role: 'manager' });
    expect((await member.request('PATCH', `/projects/${ownersProject.id}`, { status: 'active' })).statusCode).toBe(200);
  });
});

describe.each(testDialects())('listing projects on %s', (dialect) => {
  let t: TestApp;
  let owner: Session;
  let projects: Project[];
  beforeAll(async () => {
    t = await startTestApp(dialect);
    owner = await signupOwner(t.app, { workspaceName: 'List Co' });
    const specs = [
      { name: 'alpha', status: 'planning', startDate: '2027-01-01', endDate: '2027-12-31' },
      { name: 'bravo', status: 'active', startDate: '2027-01-01', endDate: '2027-06-30' },
      { name: 'charlie', status: 'active', startDate: '2027-02-01', endDate: '2027-06-30' },
      { name: 'delta', status: 'on_hold', startDate: '2027-03-01', endDate: '2027-09-30' },
      { name: 'delta', status: 'completed', startDate: '2027-03-01', endDate: '2027-03-31' },
      { name: 'echo 100%', status: 'cancelled', startDate: '2027-04-01', endDate: '2027-04-30' },
      { name: 'fox_trot', status: 'planning', startDate: '2027-05-01', endDate: '2028-01-31' },
    ];
    projects = [];
    for (const spec of specs) projects.push((await owner.request('POST', '/projects', spec)).json());
  });
  afterAll(() => t?.close());

  async function allPages(query: string): Promise<{ pages: number[]; ids: string[] }> {
    const pages: number[] = [];
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const response = await owner.request('GET', `/projects?${query}&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(response.statusCode).toBe(200);
      const page = response.json() as { items: Project[]; nextCursor: string | null };
      pages.push(page.items.length);
      ids.push(...page.items.map((p) => p.id));
      cursor = page.nextCursor;
    } while (cursor && pages.length < 10);
    return { pages, ids };
  }

  it('lists each project exactly as GET /projects/{id} answers it, in the schema and nothing more', async () => {
    // The list is written as built (toProject), not checked again by zod on the way out: this holds it to the schema.
    const page = (await owner.request('GET', '/projects?limit=100&sort=name')).json() as { items: Project[]; nextCursor: string | null };
    expect(page.items).toHaveLength(projects.length);
    for (const item of page.items) expect(item).toEqual((await owner.request('GET', `/projects/${item.id}`)).json());
    expect(pageOf(Project).parse(page)).toEqual(page);
    expect(page.items.map((p) => p.id).sort()).toEqual(projects.map((p) => p.id).sort());
  });

  const columns = { name: 'name', startDate: 'startDate', endDate: 'endDate', updatedAt: 'updatedAt' } as const;
  for (const key of Object.keys(columns) as (keyof typeof columns)[]) {
    for (const desc of [false, true]) {
      const sort = `${desc ? '-' : ''}${key}`;
      it(`pages through every project sorted by ${sort}, 3 at a time, without gaps or repeats`, async () => {
        const expected = [...projects]
          .sort((a, b) => (a[key] < b[key] ? -1 : a[key] > b[key] ? 1 : a.id < b.id ? -1 : 1) * (desc ? -1 : 1))
          .map((p) => p.id);
        const { pages, ids } = await allPages(`sort=${sort}`);
        expect(pages).toEqual([3, 3, 1]);
        expect(ids).toEqual(expected);
        expect(new Set(ids).size).toBe(7);
      });
    }
  }

  it('sorts by most recently updated by default', async () => {
    const items = (await owner.request('GET', '/projects')).json().items as Project[];
    const expected = [...projects].sort((a, b) => (a.updatedAt > b.updatedAt ? -1 : a.updatedAt < b.updatedAt ? 1 : a.id > b.id ? -1 : 1));
    expect(items.map((p) => p.id)).toEqual(expected.map((p) => p.id));
    expect(items[0].name).toBe(expected[0].name);
  });

  it('searches names case-insensitively, treating % and _ literally', async () => {
    const names = async (q: string) =>
      ((await owner.request('GET', `/projects?q=${encodeURIComponent(q)}&sort=name`)).json().items as Project[]).map((p) => p.name);
    expect(await names('ALP')).toEqual(['alpha']);
    expect(await names('delta')).toEqual(['delta', 'delta']);
    expect(await names('%')).toEqual(['echo 100%']);
    expect(await names('_')).toEqual(['fox_trot']);
    expect(await names('a')).toEqual(['alpha', 'bravo', 'charlie', 'delta', 'delta']);
    expect(await names('zulu')).toEqual([]);
  });

  it('filters by one or several statuses', async () => {
    const names = async (status: string) =>
      ((await owner.request('GET', `/projects?status=${status}&sort=name`)).json().items as Project[]).map((p) => p.name);
    expect(await names('active')).toEqual(['bravo', 'charlie']);
    expect(await names('planning,on_hold')).toEqual(['alpha', 'delta', 'fox_trot']);
    const bad = await owner.request('GET', '/projects?status=active,finished');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details).toEqual([{ in: 'querystring', path: 'status', message: 'unknown status "finished"' }]);
  });

  it('filters archived projects', async () => {
    await owner.request('PATCH', `/projects/${projects[0].id}`, { archived: true });
    const names = async (archived: string) =>
      ((await owner.request('GET', `/projects?archived=${archived}&sort=name`)).json().items as Project[]).map((p) => p.name);
    expect(await names('true')).toEqual(['alpha']);
    expect(await names('false')).toEqual(['bravo', 'charlie', 'delta', 'delta', 'echo 100%', 'fox_trot']);
    expect(await names('all')).toHaveLength(7);
    await owner.request('PATCH', `/projects/${projects[0].id}`, { archived: false });
  });

  it('refuses unknown sort keys, bad limits and cursors it did not give out (400)', async () => {
    for (const query of [
      'sort=createdAt',
      'sort=-description',
      'limit=0',
      'limit=201',
      'limit=abc',
      'archived=maybe',
      'cursor=not-a-cursor',
    ]) {
      const response = await owner.request('GET', `/projects?${query}`);
      expect({ query, status: response.statusCode }).toEqual({ query, status: 400 });
    }
    const forged = Buffer.from(JSON.stringify({ v: ['x'], id: 1 })).toString('base64url');
    expect((await owner.request('GET', `/projects?cursor=${forged}`)).json().error.code).toBe('BAD_REQUEST');
  });
});
