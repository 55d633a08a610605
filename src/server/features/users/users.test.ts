import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkspaceUser } from '../../../core/users/schemas.js';
import { testDialects } from '../../test/databases.js';
import { auditRowsFor, countRows } from '../../test/db-inspect.js';
import { bearerRequester, buildProject, inviteUser, type Session, signupOwner, startTestApp, type TestApp } from '../../test/harness.js';

describe.each(testDialects())('workspace users on %s', (dialect) => {
  let t: TestApp;
  let owner: Session;
  let admin: Session;
  let mia: Session;
  let guest: Session;
  let outsider: Session;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    owner = await signupOwner(t.app);
    admin = await inviteUser(t.app, owner, 'admin', 'Ada Admin');
    mia = await inviteUser(t.app, owner, 'member', 'Mia Member');
    guest = await inviteUser(t.app, owner, 'guest', 'Gus Guest');
    outsider = await signupOwner(t.app, { workspaceName: 'Elsewhere Ltd' });
  });
  afterAll(() => t?.close());

  const roleOf = async (userId: string) => ((await owner.request('GET', `/users/${userId}`)).json() as WorkspaceUser).role;

  it("lists the workspace's users by name, to any signed-in user", async () => {
    for (const viewer of [owner, guest]) {
      const response = await viewer.request('GET', '/users');
      expect(response.statusCode).toBe(200);
      expect(response.json().nextCursor).toBeNull();
      expect(response.json().items.map((u: WorkspaceUser) => [u.name, u.role])).toEqual([
        ['Ada Admin', 'admin'],
        ['Gus Guest', 'guest'],
        ['Mia Member', 'member'],
        ['Olivia Owner', 'owner'],
      ]);
    }
    const one = await mia.request('GET', `/users/${owner.userId}`);
    expect(one.json()).toEqual({
      id: owner.userId,
      email: owner.email,
      name: 'Olivia Owner',
      role: 'owner',
      locale: 'en',
      timeZone: 'UTC',
      joinedAt: expect.stringMatching(/Z$/),
    });
    expect((await owner.request('GET', '/users/nobody')).statusCode).toBe(404);
    expect((await owner.request('GET', `/users/${outsider.userId}`)).statusCode).toBe(404);
  });

  it('keeps the last owner: an only owner can neither step down nor leave (422)', async () => {
    const demote = await owner.request('PATCH', `/users/${owner.userId}`, { role: 'admin' });
    expect(demote.statusCode).toBe(422);
    expect(demote.json().error).toEqual({ code: 'RULE_VIOLATION', message: 'The workspace keeps at least one owner.' });
    const leave = await owner.request('DELETE', `/users/${owner.userId}`);
    expect(leave.statusCode).toBe(422);
    expect(await roleOf(owner.userId)).toBe('owner');
    expect(await auditRowsFor(t.database.db, owner.userId)).toEqual([]);
  });

  it('lets an admin change the role of members and guests, at once and recorded', async () => {
    const response = await admin.request('PATCH', `/users/${mia.userId}`, { role: 'guest' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ id: mia.userId, role: 'guest' });
    expect((await mia.request('GET', '/me')).json().role).toBe('guest');
    expect((await mia.request('POST', '/projects', { name: 'x', startDate: '2027-01-04', endDate: '2027-01-05' })).statusCode).toBe(403);
    expect(await auditRowsFor(t.database.db, mia.userId)).toEqual([
      expect.objectContaining({ action: 'create', entity_type: 'user' }),
      {
        workspace_id: owner.workspaceId,
        actor_id: admin.userId,
        entity_type: 'workspace_user',
        entity_id: mia.userId,
        project_id: null,
        action: 'update',
        before: { role: 'member' },
        after: { role: 'guest' },
      },
    ]);
    const same = await admin.request('PATCH', `/users/${mia.userId}`, { role: 'guest' });
    expect(same.statusCode).toBe(200);
    expect((await auditRowsFor(t.database.db, mia.userId)).length).toBe(2);
    expect((await admin.request('PATCH', `/users/${mia.userId}`, { role: 'member' })).json().role).toBe('member');
  });

  it('refuses role changes to members and guests (403) and unknown roles (400)', async () => {
    expect((await mia.request('PATCH', `/users/${guest.userId}`, { role: 'admin' })).statusCode).toBe(403);
    expect((await guest.request('DELETE', `/users/${mia.userId}`)).statusCode).toBe(403);
    const bad = await owner.request('PATCH', `/users/${mia.userId}`, { role: 'superuser' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe('role');
    expect(await roleOf(guest.userId)).toBe('guest');
  });

  it('lets only owners grant, take away or remove the owner role', async () => {
    const demoteOwner = await admin.request('PATCH', `/users/${owner.userId}`, { role: 'member' });
    expect(demoteOwner.statusCode).toBe(403);
    const selfPromote = await admin.request('PATCH', `/users/${admin.userId}`, { role: 'owner' });
    expect(selfPromote.statusCode).toBe(403);
    const promoteOther = await admin.request('PATCH', `/users/${mia.userId}`, { role: 'owner' });
    expect(promoteOther.statusCode).toBe(403);
    expect((await admin.request('DELETE', `/users/${owner.userId}`)).statusCode).toBe(403);
    expect([await roleOf(owner.userId), await roleOf(admin.userId), await roleOf(mia.userId)]).toEqual(['owner', 'admin', 'member']);

    const promote = await owner.request('PATCH', `/users/${admin.userId}`, { role: 'owner' });
    expect(promote.statusCode).toBe(200);
    expect(promote.json().role).toBe('owner');
    // Two owners now: the first may step down, handing over to the second.
    const stepDown = await owner.request('PATCH', `/users/${owner.userId}`, { role: 'admin' });
    expect(stepDown.statusCode).toBe(200);
    expect((await owner.request('GET', '/me')).json().role).toBe('admin');
    expect((await admin.request('PATCH', `/users/${owner.userId}`, { role: 'owner' })).statusCode).toBe(200);
  });

  it('removes a user from the workspace: their sessions, tokens and memberships end with it', async () => {
    const project = await buildProject(owner, { name: 'Mia works here' });
    await owner.request('POST', `/projects/${project.id}/members`, { userId: mia.userId });
    const token = (await mia.request('POST', '/tokens', { name: 'Mia CLI' })).json().token;
    expect((await bearerRequester(t.app, token)('GET', '/me')).statusCode).toBe(200);
    const before = (await owner.request('GET', `/users/${mia.userId}`)).json();

    const response = await admin.request('DELETE', `/users/${mia.userId}`);
    expect(response.statusCode).toBe(204);
    expect((await mia.request('GET', '/me')).statusCode).toBe(401);
    expect((await bearerRequester(t.app, token)('GET', '/me')).statusCode).toBe(401);
    expect((await owner.request('GET', `/users/${mia.userId}`)).statusCode).toBe(404);
    expect((await owner.request('GET', `/projects/${project.id}/members`)).json().items.map((m: { userId: string }) => m.userId)).toEqual([
      owner.userId,
    ]);
    const sessions = await t.database.db.selectFrom('sessions').select('id').where('user_id', '=', mia.userId).execute();
    expect(sessions).toEqual([]);
    expect((await auditRowsFor(t.database.db, mia.userId)).filter((r) => r.action === 'delete')).toEqual([
      {
        workspace_id: owner.workspaceId,
        actor_id: admin.userId,
        entity_type: 'workspace_user',
        entity_id: mia.userId,
        project_id: null,
        action: 'delete',
        before,
        after: null,
      },
    ]);
    expect((await admin.request('DELETE', `/users/${mia.userId}`)).statusCode).toBe(404);
  });

  it('cannot touch a user of another workspace (404)', async () => {
    const before = await countRows(t.database.db, 'workspace_users');
    expect((await owner.request('PATCH', `/users/${outsider.userId}`, { role: 'guest' })).statusCode).toBe(404);
    expect((await owner.request('DELETE', `/users/${outsider.userId}`)).statusCode).toBe(404);
    expect(await countRows(t.database.db, 'workspace_users')).toBe(before);
    expect((await outsider.request('GET', '/me')).json().role).toBe('owner');
  });

  it("refuses to remove a project's only manager (422, naming the project), and allows it once another manages", async () => {
    const manager = await inviteUser(t.app, owner, 'member', 'Max Manager');
    const project = await buildProject(manager, { name: 'Only-manager project' });
    const refused = await owner.request('DELETE', `/users/${manager.userId}`);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.message).toBe(
      'Max Manager is the only manager of "Only-manager project"; make someone else manager first.',
    );
    expect(refused.json().error.details).toEqual({ projects: [{ id: project.id, name: 'Only-manager project' }] });
    expect(await roleOf(manager.userId)).toBe('member');
    const added = await owner.request('POST', `/projects/${project.id}/members`, { userId: owner.userId, role: 'manager' });
    expect(added.statusCode).toBe(201);
    expect((await owner.request('DELETE', `/users/${manager.userId}`)).statusCode).toBe(204);
  });
});
