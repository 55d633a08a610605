import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Member } from '../../../core/members/schemas.js';
import { testDialects } from '../../test/databases.js';
import { auditRowsFor, countRows } from '../../test/db-inspect.js';
import { buildProject, inviteUser, type Session, signupOwner, startTestApp, type TestApp } from '../../test/harness.js';

describe.each(testDialects())('project members on %s', (dialect) => {
  let t: TestApp;
  let owner: Session;
  let mia: Session;
  let sam: Session;
  let guest: Session;
  let outsider: Session;
  let projectId: string;
  let ownerMemberId: string;
  let miaMemberId: string;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    owner = await signupOwner(t.app);
    mia = await inviteUser(t.app, owner, 'member', 'Mia Member');
    sam = await inviteUser(t.app, owner, 'member', 'Sam Sales');
    guest = await inviteUser(t.app, owner, 'guest', 'Gus Guest');
    outsider = await signupOwner(t.app, { workspaceName: 'Elsewhere Ltd', name: 'Otto Outsider' });
    projectId = (await buildProject(owner, { name: 'Team project' })).id;
    ownerMemberId = (await owner.request('GET', `/projects/${projectId}/members`)).json().items[0].id;
  });
  afterAll(() => t?.close());

  const members = async () => (await owner.request('GET', `/projects/${projectId}/members`)).json().items as Member[];
  const memberRow = async (id: string) => (await owner.request('GET', `/members/${id}`)).json() as Member;

  it('adds a workspace user with the defaults and records it', async () => {
    const response = await owner.request('POST', `/projects/${projectId}/members`, { userId: mia.userId });
    expect(response.statusCode).toBe(201);
    expect(response.headers.etag).toBe('"1"');
    const member = response.json();
    expect(member).toEqual({
      id: expect.any(String),
      projectId,
      userId: mia.userId,
      userName: 'Mia Member',
      userEmail: mia.email,
      role: 'sales',
      responsibilities: '',
      capacityHoursPerWeek: 40,
      costRate: 0,
      createdAt: expect.stringMatching(/Z$/),
      version: 1,
    });
    miaMemberId = member.id;
    const { userName: _n, userEmail: _e, ...audited } = member;
    expect(await auditRowsFor(t.database.db, member.id)).toEqual([
      {
        workspace_id: owner.workspaceId,
        actor_id: owner.userId,
        entity_type: 'member',
        entity_id: member.id,
        project_id: projectId,
        action: 'create',
        before: null,
        after: audited,
      },
    ]);
  });

  it('adds a member with every field given', async () => {
    const body = {
      userId: sam.userId,
      role: 'presales',
      responsibilities: 'Demos and 技术交流',
      capacityHoursPerWeek: 37.5,
      costRate: 25_000,
    };
    const response = await owner.request('POST', `/projects/${projectId}/members`, body);
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ ...body, userName: 'Sam Sales', version: 1 });
    expect(await memberRow(response.json().id)).toMatchObject(body);
  });

  it('lists the members in the order they joined and reads one with its ETag', async () => {
    const list = await owner.request('GET', `/projects/${projectId}/members`);
    expect(list.statusCode).toBe(200);
    expect(list.json().nextCursor).toBeNull();
    expect(list.json().items.map((m: Member) => [m.userName, m.role])).toEqual([
      ['Olivia Owner', 'manager'],
      ['Mia Member', 'sales'],
      ['Sam Sales', 'presales'],
    ]);
    const one = await owner.request('GET', `/members/${miaMemberId}`);
    expect(one.statusCode).toBe(200);
    expect(one.headers.etag).toBe('"1"');
    expect(one.json()).toEqual(list.json().items[1]);
  });

  it('refuses a second membership of the same user (409)', async () => {
    const before = await countRows(t.database.db, 'project_members');
    const response = await owner.request('POST', `/projects/${projectId}/members`, { userId: mia.userId, role: 'support' });
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toEqual({ code: 'CONFLICT', message: expect.any(String), details: { memberId: miaMemberId } });
    expect(await countRows(t.database.db, 'project_members')).toBe(before);
  });

  it('refuses a user of another workspace or one that does not exist (422)', async () => {
    const before = await countRows(t.database.db, 'project_members');
    for (const userId of [outsider.userId, 'no-such-user']) {
      const response = await owner.request('POST', `/projects/${projectId}/members`, { userId });
      expect(response.statusCode).toBe(422);
      expect(response.json().error).toEqual({ code: 'RULE_VIOLATION', message: 'This user is not in the workspace.', details: { userId } });
    }
    expect(await countRows(t.database.db, 'project_members')).toBe(before);
  });

  it('validates capacity, cost rate and role (400 naming the field)', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ capacityHoursPerWeek: 168.5 }, 'capacityHoursPerWeek'],
      [{ capacityHoursPerWeek: -1 }, 'capacityHoursPerWeek'],
      [{ capacityHoursPerWeek: '40' }, 'capacityHoursPerWeek'],
      [{ costRate: 12.5 }, 'costRate'],
      [{ costRate: -100 }, 'costRate'],
      [{ costRate: 9_000_000_000_001 }, 'costRate'],
      [{ role: 'boss' }, 'role'],
      [{ responsibilities: 'r'.repeat(5_001) }, 'responsibilities'],
    ];
    for (const [fields, path] of cases) {
      const created = await owner.request('POST', `/projects/${projectId}/members`, { userId: guest.userId, ...fields });
      const patched = await owner.request('PATCH', `/members/${miaMemberId}`, fields);
      for (const response of [created, patched]) {
        expect({ fields, status: response.statusCode, paths: response.json().error.details.map((d: { path: string }) => d.path) }).toEqual({
          fields,
          status: 400,
          paths: [path],
        });
      }
    }
    expect((await members()).some((m) => m.userId === guest.userId)).toBe(false);
    expect((await memberRow(miaMemberId)).version).toBe(1);
    const edges = await owner.request('PATCH', `/members/${miaMemberId}`, { capacityHoursPerWeek: 168, costRate: 9_000_000_000_000 });
    expect(edges.json()).toMatchObject({ capacityHoursPerWeek: 168, costRate: 9_000_000_000_000, version: 2 });
    expect(await memberRow(miaMemberId)).toMatchObject({ capacityHoursPerWeek: 168, costRate: 9_000_000_000_000 });
  });

  it('stores capacity exactly as sent (a double on every database), so sending it again changes nothing', async () => {
    const samMemberId = (await members()).find((m) => m.userId === sam.userId)!.id;
    const before = await memberRow(samMemberId);
    const sent = await owner.request('PATCH', `/members/${samMemberId}`, { capacityHoursPerWeek: 12.3456789 });
    expect(sent.json()).toMatchObject({ capacityHoursPerWeek: 12.3456789, version: before.version + 1 });
    expect((await memberRow(samMemberId)).capacityHoursPerWeek).toBe(12.3456789);
    const again = await owner.request('PATCH', `/members/${samMemberId}`, { capacityHoursPerWeek: 12.3456789 });
    expect(again.json().version).toBe(before.version + 1);
    await owner.request('PATCH', `/members/${samMemberId}`, { capacityHoursPerWeek: before.capacityHoursPerWeek });
  });

  it('changes a member with the right version; refuses stale versions (409/412) changing nothing; a no-op keeps the version', async () => {
    const before = await memberRow(miaMemberId);
    const response = await owner.request('PATCH', `/members/${miaMemberId}`, {
      role: 'support',
      responsibilities: 'After-sales',
      capacityHoursPerWeek: 12.25,
      costRate: 18_000,
      version: before.version,
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers.etag).toBe(`"${before.version + 1}"`);
    const after = response.json();
    expect(after).toEqual({
      ...before,
      role: 'support',
      responsibilities: 'After-sales',
      capacityHoursPerWeek: 12.25,
      costRate: 18_000,
      version: before.version + 1,
    });
    const { userName: _a, userEmail: _b, ...auditedBefore } = before;
    const { userName: _c, userEmail: _d, ...auditedAfter } = after;
    expect((await auditRowsFor(t.database.db, miaMemberId)).filter((r) => r.action === 'update').at(-1)).toMatchObject({
      actor_id: owner.userId,
      before: auditedBefore,
      after: auditedAfter,
    });
    const audits = (await auditRowsFor(t.database.db, miaMemberId)).length;

    const stale = await owner.request('PATCH', `/members/${miaMemberId}`, { role: 'finance', version: before.version });
    expect(stale.statusCode).toBe(409);
    const staleHeader = await owner.request('PATCH', `/members/${miaMemberId}`, { role: 'finance' }, { 'if-match': `"${before.version}"` });
    expect(staleHeader.statusCode).toBe(412);
    const noop = await owner.request('PATCH', `/members/${miaMemberId}`, { role: 'support', costRate: 18_000 });
    expect(noop.statusCode).toBe(200);
    expect(noop.json()).toEqual(after);
    expect(await memberRow(miaMemberId)).toEqual(after);
    expect((await auditRowsFor(t.database.db, miaMemberId)).length).toBe(audits);
  });

  it('keeps at least one manager: the last one can be neither removed nor demoted (422)', async () => {
    const removeLast = await owner.request('DELETE', `/members/${ownerMemberId}`);
    expect(removeLast.statusCode).toBe(422);
    expect(removeLast.json().error.code).toBe('RULE_VIOLATION');
    const demoteLast = await owner.request('PATCH', `/members/${ownerMemberId}`, { role: 'sales' });
    expect(demoteLast.statusCode).toBe(422);
    expect((await memberRow(ownerMemberId)).role).toBe('manager');

    expect((await owner.request('PATCH', `/members/${miaMemberId}`, { role: 'manager' })).statusCode).toBe(200);
    const demote = await owner.request('PATCH', `/members/${ownerMemberId}`, { role: 'finance' });
    expect(demote.statusCode).toBe(200);
    expect(demote.json().role).toBe('finance');
    // Mia is now the only manager.
    expect((await owner.request('DELETE', `/members/${miaMemberId}`)).statusCode).toBe(422);
    expect((await owner.request('PATCH', `/members/${ownerMemberId}`, { role: 'manager' })).statusCode).toBe(200);
  });

  it('lets only managers and workspace admins change the team', async () => {
    const samMemberId = (await members()).find((m) => m.userId === sam.userId)!.id;
    const add = await sam.request('POST', `/projects/${projectId}/members`, { userId: guest.userId });
    expect(add.statusCode).toBe(403);
    expect((await sam.request('PATCH', `/members/${samMemberId}`, { costRate: 99_999 })).statusCode).toBe(403);
    expect((await sam.request('DELETE', `/members/${miaMemberId}`)).statusCode).toBe(403);
    expect((await sam.request('GET', `/projects/${projectId}/members`)).statusCode).toBe(200);
    expect((await memberRow(samMemberId)).costRate).toBe(25_000);
    // Mia manages the project: she may.
    expect((await mia.request('PATCH', `/members/${samMemberId}`, { costRate: 26_000 })).json().costRate).toBe(26_000);
  });

  it('hides a project’s team from a guest who is not on it (404)', async () => {
    expect((await guest.request('GET', `/projects/${projectId}/members`)).statusCode).toBe(404);
    expect((await guest.request('GET', `/members/${miaMemberId}`)).statusCode).toBe(404);
    expect((await guest.request('PATCH', `/members/${miaMemberId}`, { role: 'viewer' })).statusCode).toBe(404);
  });

  it('a guest sees the project while a member and not a moment after removal (no reused lookup outlives the change)', async () => {
    const added = await owner.request('POST', `/projects/${projectId}/members`, { userId: guest.userId });
    expect(added.statusCode).toBe(201);
    // Read twice: on SQLite the second read reuses the first's project-and-role lookup.
    for (let i = 0; i < 2; i++) expect((await guest.request('GET', `/projects/${projectId}`)).statusCode).toBe(200);
    expect((await owner.request('DELETE', `/members/${added.json().id}`)).statusCode).toBe(204);
    expect((await guest.request('GET', `/projects/${projectId}`)).statusCode).toBe(404);
  });

  it('removes a member (204, recorded), after which it is gone (404)', async () => {
    const samMember = (await members()).find((m) => m.userId === sam.userId)!;
    const staleDelete = await owner.request('DELETE', `/members/${samMember.id}`, undefined, { 'if-match': '"99"' });
    expect(staleDelete.statusCode).toBe(412);
    const response = await owner.request('DELETE', `/members/${samMember.id}`);
    expect(response.statusCode).toBe(204);
    expect((await owner.request('GET', `/members/${samMember.id}`)).statusCode).toBe(404);
    expect((await owner.request('DELETE', `/members/${samMember.id}`)).statusCode).toBe(404);
    expect((await members()).map((m) => m.userName)).toEqual(['Olivia Owner', 'Mia Member']);
    const { userName: _n, userEmail: _e, ...audited } = samMember;
    expect((await auditRowsFor(t.database.db, samMember.id)).filter((r) => r.action === 'delete')).toEqual([
      {
        workspace_id: owner.workspaceId,
        actor_id: owner.userId,
        entity_type: 'member',
        entity_id: samMember.id,
        project_id: projectId,
        action: 'delete',
        before: audited,
        after: null,
      },
    ]);
  });

  it('answers 404 for the members of a project that does not exist', async () => {
    expect((await owner.request('GET', '/projects/nope/members')).statusCode).toBe(404);
    expect((await owner.request('POST', '/projects/nope/members', { userId: mia.userId })).statusCode).toBe(404);
  });
});
