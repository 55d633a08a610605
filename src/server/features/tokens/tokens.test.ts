import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../test/databases.js';
import { auditRowsFor, rowsOf, tablesOf } from '../../test/db-inspect.js';
import { bearerRequester, inviteUser, type Session, signupOwner, startTestApp, type TestApp } from '../../test/harness.js';

const DAY_MS = 86_400_000;

describe.each(testDialects())('personal API tokens on %s', (dialect) => {
  let t: TestApp;
  let owner: Session;
  let colleague: Session;
  let created: { id: string; name: string; token: string; createdAt: string };

  beforeAll(async () => {
    t = await startTestApp(dialect);
    owner = await signupOwner(t.app);
    colleague = await inviteUser(t.app, owner, 'member', 'Colin Colleague');
  });
  afterAll(() => t?.close());

  it('creates a token and shows its secret once', async () => {
    const response = await owner.request('POST', '/tokens', { name: '  Reporting script  ' });
    expect(response.statusCode).toBe(201);
    created = response.json();
    expect(created).toEqual({
      id: expect.any(String),
      name: 'Reporting script',
      createdAt: expect.stringMatching(/Z$/),
      lastUsedAt: null,
      expiresAt: null,
      token: expect.stringMatching(/^qd_[A-Za-z0-9_-]{43}$/),
    });
    const { token: _secret, ...recorded } = created;
    expect(await auditRowsFor(t.database.db, created.id)).toEqual([
      {
        workspace_id: owner.workspaceId,
        actor_id: owner.userId,
        entity_type: 'api_token',
        entity_id: created.id,
        project_id: null,
        action: 'create',
        before: null,
        after: recorded,
      },
    ]);
  });

  it('stores only a hash of the secret: the secret is in no row of any table', async () => {
    const stored = await t.database.db.selectFrom('api_tokens').selectAll().where('id', '=', created.id).executeTakeFirstOrThrow();
    expect(stored.token_hash).toBe(createHash('sha256').update(created.token).digest('base64url'));
    for (const table of await tablesOf(t.database.db)) {
      const text = JSON.stringify(await rowsOf(t.database.db, table.name));
      expect({ table: table.name, containsSecret: text.includes(created.token) || text.includes(created.token.slice(3)) }).toEqual({
        table: table.name,
        containsSecret: false,
      });
    }
  });

  it('lists your tokens without their secrets', async () => {
    await colleague.request('POST', '/tokens', { name: 'Not yours' });
    const response = await owner.request('GET', '/tokens');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      items: [{ id: created.id, name: 'Reporting script', createdAt: created.createdAt, lastUsedAt: null, expiresAt: null }],
      nextCursor: null,
    });
  });

  it('authenticates bearer requests as its user, writes without CSRF, and notes when it was last used', async () => {
    const api = bearerRequester(t.app, created.token);
    const me = await api('GET', '/me');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ user: { id: owner.userId }, workspace: { id: owner.workspaceId }, role: 'owner' });
    const write = await api('PATCH', '/me', { timeZone: 'Asia/Shanghai' });
    expect(write.statusCode).toBe(200);
    expect(write.json().user.timeZone).toBe('Asia/Shanghai');
    const listed = (await owner.request('GET', '/tokens')).json().items[0];
    expect(Date.parse(listed.lastUsedAt)).toBeGreaterThanOrEqual(Date.parse(created.createdAt));
  });

  it('answers 401 for an unknown bearer token even when a valid session cookie comes along', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { authorization: `Bearer qd_${'A'.repeat(43)}`, cookie: owner.cookie },
    });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('sets the expiry from expiresInDays and refuses an expired token (401)', async () => {
    const expiring = (await owner.request('POST', '/tokens', { name: 'Month', expiresInDays: 30 })).json();
    expect(Date.parse(expiring.expiresAt) - Date.parse(expiring.createdAt)).toBe(30 * DAY_MS);
    expect((await bearerRequester(t.app, expiring.token)('GET', '/me')).statusCode).toBe(200);
    await t.database.db
      .updateTable('api_tokens')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('id', '=', expiring.id)
      .execute();
    expect((await bearerRequester(t.app, expiring.token)('GET', '/me')).statusCode).toBe(401);
  });

  it('validates the name and lifetime (400)', async () => {
    for (const [body, path] of [
      [{ name: '' }, 'name'],
      [{ name: '   ' }, 'name'],
      [{ name: 'n'.repeat(101) }, 'name'],
      [{ name: 'ok', expiresInDays: 0 }, 'expiresInDays'],
      [{ name: 'ok', expiresInDays: 3651 }, 'expiresInDays'],
    ] as const) {
      const response = await owner.request('POST', '/tokens', body);
      expect({ body, status: response.statusCode, path: response.json().error.details[0].path }).toEqual({ body, status: 400, path });
    }
  });

  it("cannot revoke another user's token (404), which keeps working", async () => {
    const theirs = (await colleague.request('POST', '/tokens', { name: 'Colin laptop' })).json();
    expect((await owner.request('DELETE', `/tokens/${theirs.id}`)).statusCode).toBe(404);
    expect((await bearerRequester(t.app, theirs.token)('GET', '/me')).statusCode).toBe(200);
  });

  it('revokes a token (204, recorded): it stops working at once and leaves the list', async () => {
    // Used twice just before (on SQLite the second use reuses the first's lookup): the revocation still counts at once.
    for (let i = 0; i < 2; i++) expect((await bearerRequester(t.app, created.token)('GET', '/me')).statusCode).toBe(200);
    const response = await owner.request('DELETE', `/tokens/${created.id}`);
    expect(response.statusCode).toBe(204);
    const refused = await bearerRequester(t.app, created.token)('GET', '/me');
    expect(refused.statusCode).toBe(401);
    expect(refused.json().error.code).toBe('UNAUTHENTICATED');
    expect((await owner.request('GET', '/tokens')).json().items.map((i: { id: string }) => i.id)).not.toContain(created.id);
    expect((await owner.request('DELETE', `/tokens/${created.id}`)).statusCode).toBe(404);
    const deletion = (await auditRowsFor(t.database.db, created.id)).filter((r) => r.action === 'delete');
    expect(deletion).toHaveLength(1);
    expect(deletion[0]).toMatchObject({ actor_id: owner.userId, before: { id: created.id, name: 'Reporting script' }, after: null });
  });
});
