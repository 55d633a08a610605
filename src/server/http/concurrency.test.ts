import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../test/databases.js';
import { auditRowsFor, countRows } from '../test/db-inspect.js';
import { buildProject, inviteUser, PASSWORD, type Session, signupOwner, startTestApp, type TestApp } from '../test/harness.js';

/**
 * SPEC §5 "stale writes answer 409": the same write sent several times at once (two tabs, a retrying
 * client, two admins) is done once; the others are refused cleanly (never a 500, never a second audit row).
 * SQLite runs one transaction at a time; PostgreSQL runs them side by side, which is where races live.
 */
const TIMES = 6;

const statuses = (responses: LightMyRequestResponse[]) => responses.map((r) => r.statusCode).sort();
const once = (winner: number, loser: number) => [winner, ...Array(TIMES - 1).fill(loser)].sort();
const all = <T>(make: () => Promise<T>) => Promise.all(Array.from({ length: TIMES }, make));

describe.each(testDialects())('the same write at the same time on %s', (dialect) => {
  let t: TestApp;
  let owner: Session;
  let mia: Session;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    owner = await signupOwner(t.app);
    mia = await inviteUser(t.app, owner, 'member', 'Mia Member');
  });
  afterAll(() => t?.close());

  it('applies one of several PATCHes of the same version; the others answer 409', async () => {
    const { id } = await buildProject(owner, { name: 'Contested' });
    let n = 0;
    const responses = await all(() => owner.request('PATCH', `/projects/${id}`, { name: `Edit ${n++}`, version: 1 }));
    expect(statuses(responses)).toEqual(once(200, 409));
    expect((await owner.request('GET', `/projects/${id}`)).json().version).toBe(2);
    expect((await auditRowsFor(t.database.db, id)).filter((r) => r.action === 'update')).toHaveLength(1);
  });

  it('applies one of several PATCH /me of the same version; the others answer 409', async () => {
    const me = (await mia.request('GET', '/me')).json().user;
    let n = 0;
    const responses = await all(() => mia.request('PATCH', '/me', { name: `Mia ${n++}`, version: me.version }));
    expect(statuses(responses)).toEqual(once(200, 409));
    expect((await mia.request('GET', '/me')).json().user.version).toBe(me.version + 1);
    expect((await auditRowsFor(t.database.db, mia.userId)).filter((r) => r.action === 'update')).toHaveLength(1);
  });

  it('adds a member once; the same addition at the same time answers 409, not 500', async () => {
    const { id } = await buildProject(owner, { name: 'Team' });
    const responses = await all(() => owner.request('POST', `/projects/${id}/members`, { userId: mia.userId }));
    expect(statuses(responses)).toEqual(once(201, 409));
    const rows = await t.database.db
      .selectFrom('project_members')
      .select('id')
      .where('project_id', '=', id)
      .where('user_id', '=', mia.userId)
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('deletes a project once: one 204, the rest 404, one audit row', async () => {
    const { id } = await buildProject(owner, { name: 'Doomed' });
    expect(statuses(await all(() => owner.request('DELETE', `/projects/${id}`)))).toEqual(once(204, 404));
    expect((await auditRowsFor(t.database.db, id)).filter((r) => r.action === 'delete')).toHaveLength(1);
  });

  it('removes a member once: one 204, the rest 404, one audit row', async () => {
    const { id } = await buildProject(owner, { name: 'Shrinking' });
    const member = (await owner.request('POST', `/projects/${id}/members`, { userId: mia.userId })).json();
    expect(statuses(await all(() => owner.request('DELETE', `/members/${member.id}`)))).toEqual(once(204, 404));
    expect((await auditRowsFor(t.database.db, member.id)).filter((r) => r.action === 'delete')).toHaveLength(1);
  });

  it('revokes a token once: one 204, the rest 404, one audit row', async () => {
    const token = (await owner.request('POST', '/tokens', { name: 'Twice' })).json();
    expect(statuses(await all(() => owner.request('DELETE', `/tokens/${token.id}`)))).toEqual(once(204, 404));
    expect((await auditRowsFor(t.database.db, token.id)).filter((r) => r.action === 'delete')).toHaveLength(1);
  });

  it('revokes an invitation once: one 204, the rest 404, one audit row', async () => {
    const invitation = (await owner.request('POST', '/invitations', {})).json();
    expect(statuses(await all(() => owner.request('DELETE', `/invitations/${invitation.id}`)))).toEqual(once(204, 404));
    expect((await auditRowsFor(t.database.db, invitation.id)).filter((r) => r.action === 'delete')).toHaveLength(1);
  });

  it('lets an invitation be accepted once, whoever comes first', async () => {
    const invitation = (await owner.request('POST', '/invitations', {})).json();
    const users = await countRows(t.database.db, 'users');
    let n = 0;
    const responses = await all(() =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/accept-invitation',
        payload: { token: invitation.token, email: `racer.${n++}@example.com`, password: PASSWORD, name: 'Racer' },
      }),
    );
    expect(statuses(responses)).toEqual(once(201, 404));
    expect(await countRows(t.database.db, 'users')).toBe(users + 1);
  });

  it('creates one account for one e-mail address signed up several times at once', async () => {
    const responses = await all(() =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/signup',
        payload: { email: 'twin@example.com', password: PASSWORD, name: 'Twin', workspaceName: 'Twins', demo: false },
      }),
    );
    expect(statuses(responses)).toEqual(once(201, 409));
    expect(await t.database.db.selectFrom('users').select('id').where('email', '=', 'twin@example.com').execute()).toHaveLength(1);
  });

  it('removes a user from the workspace once: one 204, the rest 404, one audit row', async () => {
    const leaving = await inviteUser(t.app, owner, 'guest', 'Lee Leaving');
    expect(statuses(await all(() => owner.request('DELETE', `/users/${leaving.userId}`)))).toEqual(once(204, 404));
    expect((await auditRowsFor(t.database.db, leaving.userId)).filter((r) => r.action === 'delete')).toHaveLength(1);
  });

  it('keeps an owner when two owners step down at the same time', async () => {
    const ws = await signupOwner(t.app, { workspaceName: 'Two owners' });
    const second = await inviteUser(t.app, ws, 'admin', 'Second Owner');
    expect((await ws.request('PATCH', `/users/${second.userId}`, { role: 'owner' })).statusCode).toBe(200);
    const responses = await Promise.all([
      ws.request('PATCH', `/users/${ws.userId}`, { role: 'admin' }),
      second.request('PATCH', `/users/${second.userId}`, { role: 'admin' }),
    ]);
    expect(statuses(responses)).toEqual([200, 422]);
    const owners = await t.database.db
      .selectFrom('workspace_users')
      .select('user_id')
      .where('workspace_id', '=', ws.workspaceId)
      .where('role', '=', 'owner')
      .execute();
    expect(owners).toHaveLength(1);
  });

  it('keeps a manager when two managers step down at the same time', async () => {
    const { id } = await buildProject(owner, { name: 'Two managers' });
    await owner.request('POST', `/projects/${id}/members`, { userId: mia.userId, role: 'manager' });
    const team = (await owner.request('GET', `/projects/${id}/members`)).json().items as { id: string }[];
    const responses = await Promise.all(team.map((m) => owner.request('PATCH', `/members/${m.id}`, { role: 'sales' })));
    expect(statuses(responses)).toEqual([200, 422]);
    const managers = (await owner.request('GET', `/projects/${id}/members`))
      .json()
      .items.filter((m: { role: string }) => m.role === 'manager');
    expect(managers).toHaveLength(1);
  });
});
