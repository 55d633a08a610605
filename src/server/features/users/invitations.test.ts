import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../test/databases.js';
import { auditRowsFor, countRows } from '../../test/db-inspect.js';
import { inviteUser, PASSWORD, type Session, signupOwner, startTestApp, type TestApp } from '../../test/harness.js';

const DAY_MS = 86_400_000;

const accept = (app: FastifyInstance, body: Record<string, unknown>) =>
  app.inject({ method: 'POST', url: '/api/v1/auth/accept-invitation', payload: { password: PASSWORD, name: 'Nina New', ...body } });

const preview = (app: FastifyInstance, token: string) =>
  app.inject({ method: 'GET', url: `/api/v1/invitations/preview?token=${encodeURIComponent(token)}` });

describe.each(testDialects())('invitations on %s', (dialect) => {
  let t: TestApp;
  let owner: Session;
  let admin: Session;
  let member: Session;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    owner = await signupOwner(t.app, { workspaceName: 'Harbour Trading' });
    admin = await inviteUser(t.app, owner, 'admin', 'Ada Admin');
    member = await inviteUser(t.app, owner, 'member', 'Mia Member');
  });
  afterAll(() => t?.close());

  it('creates an invitation link once, with the defaults, and records it without the secret', async () => {
    const response = await owner.request('POST', '/invitations', {});
    expect(response.statusCode).toBe(201);
    const invitation = response.json();
    expect(invitation).toEqual({
      id: expect.any(String),
      role: 'member',
      email: null,
      createdAt: expect.stringMatching(/Z$/),
      expiresAt: expect.stringMatching(/Z$/),
      createdBy: owner.userId,
      token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      url: `http://localhost:3000/invite/${invitation.token}`,
    });
    expect(Date.parse(invitation.expiresAt) - Date.parse(invitation.createdAt)).toBe(7 * DAY_MS);
    const { token, url: _url, ...recorded } = invitation;
    const audit = await auditRowsFor(t.database.db, invitation.id);
    expect(audit).toEqual([
      {
        workspace_id: owner.workspaceId,
        actor_id: owner.userId,
        entity_type: 'invitation',
        entity_id: invitation.id,
        project_id: null,
        action: 'create',
        before: null,
        after: recorded,
      },
    ]);
    const stored = await t.database.db.selectFrom('invitations').selectAll().where('id', '=', invitation.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(stored)).not.toContain(token);
  });

  it('creates an invitation for one e-mail address, role and lifetime', async () => {
    const response = await admin.request('POST', '/invitations', { role: 'guest', email: 'Bound.Person@Example.com', expiresInDays: 1 });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ role: 'guest', email: 'bound.person@example.com', createdBy: admin.userId });
    expect(Date.parse(response.json().expiresAt) - Date.parse(response.json().createdAt)).toBe(DAY_MS);
  });

  it('refuses an owner invitation, odd lifetimes and bad addresses (400), and members (403)', async () => {
    const before = await countRows(t.database.db, 'invitations');
    for (const [body, path] of [
      [{ role: 'owner' }, 'role'],
      [{ expiresInDays: 0 }, 'expiresInDays'],
      [{ expiresInDays: 31 }, 'expiresInDays'],
      [{ expiresInDays: 1.5 }, 'expiresInDays'],
      [{ email: 'not an address' }, 'email'],
    ] as const) {
      const response = await owner.request('POST', '/invitations', body);
      expect({ body, status: response.statusCode, path: response.json().error.details[0].path }).toEqual({ body, status: 400, path });
    }
    expect((await member.request('POST', '/invitations', {})).statusCode).toBe(403);
    expect((await member.request('GET', '/invitations')).statusCode).toBe(403);
    expect(await countRows(t.database.db, 'invitations')).toBe(before);
  });

  it('lists pending invitations, newest first, without their secrets', async () => {
    const newest = (await owner.request('POST', '/invitations', { role: 'admin' })).json();
    const response = await admin.request('GET', '/invitations');
    expect(response.statusCode).toBe(200);
    const items = response.json().items as Record<string, unknown>[];
    expect(items[0]).toEqual({
      id: newest.id,
      role: 'admin',
      email: null,
      createdAt: newest.createdAt,
      expiresAt: newest.expiresAt,
      createdBy: owner.userId,
    });
    for (const item of items) expect(Object.keys(item).sort()).toEqual(['createdAt', 'createdBy', 'email', 'expiresAt', 'id', 'role']);
    const created = items.map((i) => String(i.createdAt));
    expect(created).toEqual([...created].sort().reverse());
    // The two accepted invitations of beforeAll are not pending.
    expect(items).toHaveLength(3);
  });

  it('previews a link without signing in, and accepts it into the workspace with its role', async () => {
    const invitation = (await owner.request('POST', '/invitations', { role: 'guest' })).json();
    const shown = await preview(t.app, invitation.token);
    expect(shown.statusCode).toBe(200);
    expect(shown.json()).toEqual({ workspaceName: 'Harbour Trading', role: 'guest', email: null, expiresAt: invitation.expiresAt });

    const response = await accept(t.app, {
      token: invitation.token,
      email: 'nina.new@example.com',
      locale: 'zh-CN',
      timeZone: 'Asia/Shanghai',
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toEqual({
      user: {
        id: expect.any(String),
        email: 'nina.new@example.com',
        name: 'Nina New',
        locale: 'zh-CN',
        timeZone: 'Asia/Shanghai',
        version: 1,
      },
      workspace: { id: owner.workspaceId, name: 'Harbour Trading' },
      role: 'guest',
    });
    expect(String(response.headers['set-cookie'])).toContain('qd_session=');
    const row = await t.database.db.selectFrom('invitations').selectAll().where('id', '=', invitation.id).executeTakeFirstOrThrow();
    expect(row.accepted_by).toBe(response.json().user.id);

    // Used: gone from the list, the preview and acceptance.
    expect((await preview(t.app, invitation.token)).statusCode).toBe(404);
    const again = await accept(t.app, { token: invitation.token, email: 'someone.else@example.com' });
    expect(again.statusCode).toBe(404);
    expect((await owner.request('GET', '/invitations')).json().items.map((i: { id: string }) => i.id)).not.toContain(invitation.id);
  });

  it('accepts an e-mail-bound invitation only for that address (any case)', async () => {
    const invitation = (await owner.request('POST', '/invitations', { email: 'pat.bound@example.com' })).json();
    const users = await countRows(t.database.db, 'users');
    const other = await accept(t.app, { token: invitation.token, email: 'intruder@example.com' });
    expect(other.statusCode).toBe(422);
    expect(other.json().error).toEqual({ code: 'RULE_VIOLATION', message: 'This invitation is for another e-mail address.' });
    expect(await countRows(t.database.db, 'users')).toBe(users);
    const right = await accept(t.app, { token: invitation.token, email: ' Pat.Bound@EXAMPLE.com ' });
    expect(right.statusCode).toBe(201);
    expect(right.json().user.email).toBe('pat.bound@example.com');
    expect(right.json().role).toBe('member');
  });

  it('refuses an existing e-mail (409) and a weak password (422), leaving the invitation usable', async () => {
    const invitation = (await owner.request('POST', '/invitations', {})).json();
    const taken = await accept(t.app, { token: invitation.token, email: member.email });
    expect(taken.statusCode).toBe(409);
    const weak = await accept(t.app, { token: invitation.token, email: 'weak.one@example.com', password: 'password' });
    expect(weak.statusCode).toBe(422);
    expect(weak.json().error.code).toBe('WEAK_PASSWORD');
    expect((await preview(t.app, invitation.token)).statusCode).toBe(200);
  });

  it('revokes an invitation (204, recorded); the link is then dead (404)', async () => {
    const invitation = (await owner.request('POST', '/invitations', { role: 'admin' })).json();
    const response = await admin.request('DELETE', `/invitations/${invitation.id}`);
    expect(response.statusCode).toBe(204);
    expect((await preview(t.app, invitation.token)).statusCode).toBe(404);
    expect((await accept(t.app, { token: invitation.token, email: 'late.comer@example.com' })).statusCode).toBe(404);
    expect((await admin.request('DELETE', `/invitations/${invitation.id}`)).statusCode).toBe(404);
    expect((await member.request('DELETE', `/invitations/${invitation.id}`)).statusCode).toBe(403);
    const { token: _t, url: _u, ...recorded } = invitation;
    expect((await auditRowsFor(t.database.db, invitation.id)).filter((r) => r.action === 'delete')).toEqual([
      expect.objectContaining({ actor_id: admin.userId, entity_type: 'invitation', before: recorded, after: null }),
    ]);
  });

  it('refuses an expired invitation (422) and stops listing it', async () => {
    const invitation = (await owner.request('POST', '/invitations', {})).json();
    await t.database.db
      .updateTable('invitations')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('id', '=', invitation.id)
      .execute();
    const shown = await preview(t.app, invitation.token);
    expect(shown.statusCode).toBe(422);
    expect(shown.json().error).toEqual({ code: 'RULE_VIOLATION', message: 'This invitation has expired; ask for a new one.' });
    const users = await countRows(t.database.db, 'users');
    expect((await accept(t.app, { token: invitation.token, email: 'too.late@example.com' })).statusCode).toBe(422);
    expect(await countRows(t.database.db, 'users')).toBe(users);
    expect((await owner.request('GET', '/invitations')).json().items.map((i: { id: string }) => i.id)).not.toContain(invitation.id);
  });

  it('answers 404 for an unknown link and 400 for a malformed one', async () => {
    expect((await preview(t.app, 'x'.repeat(43))).statusCode).toBe(404);
    expect((await preview(t.app, 'short')).statusCode).toBe(400);
    expect((await accept(t.app, { token: 'y'.repeat(43), email: 'ghost@example.com' })).statusCode).toBe(404);
  });

  it('lets a removed user rejoin with their own password, and no one else with a wrong one', async () => {
    const leaver = await inviteUser(t.app, owner, 'member', 'Leo Leaver');
    expect((await owner.request('DELETE', `/users/${leaver.userId}`)).statusCode).toBe(204);
    const invitation = (await owner.request('POST', '/invitations', { role: 'guest' })).json();
    const users = await countRows(t.database.db, 'users');
    const wrong = await accept(t.app, { token: invitation.token, email: leaver.email, password: 'Not-The-Password-99' });
    expect(wrong.statusCode).toBe(401);
    expect((await preview(t.app, invitation.token)).statusCode).toBe(200);
    const back = await accept(t.app, { token: invitation.token, email: leaver.email, name: 'Ignored Name' });
    expect(back.statusCode).toBe(201);
    expect(back.json()).toMatchObject({ user: { id: leaver.userId, name: 'Leo Leaver' }, role: 'guest' });
    expect(await countRows(t.database.db, 'users')).toBe(users);
    expect((await preview(t.app, invitation.token)).statusCode).toBe(404);
  });

  it('checks the link before any password work: a dead link with a weak password is 404, not 422', async () => {
    const dead = await accept(t.app, { token: 'z'.repeat(43), email: 'new.person@example.com', password: 'password' });
    expect(dead.statusCode).toBe(404);
  });
});
