import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../../db/connect.js';
import { testDialects } from '../../test/databases.js';
import { auditRowsFor, countRows } from '../../test/db-inspect.js';
import {
  bearerRequester,
  buildProject,
  buildTestApp,
  cookiesOf,
  login,
  loginSession,
  PASSWORD,
  type Session,
  sessionFrom,
  signupOwner,
  startTestApp,
  type TestApp,
  uniqueEmail,
} from '../../test/harness.js';

/** The raw Set-Cookie lines by cookie name. */
function setCookies(response: LightMyRequestResponse): Record<string, string> {
  const raw = response.headers['set-cookie'];
  const list = Array.isArray(raw) ? raw : raw ? [raw] : [];
  return Object.fromEntries(list.map((line) => [line.split('=')[0], line]));
}

const attributes = (line: string) =>
  line
    .split(';')
    .slice(1)
    .map((a) => a.trim().toLowerCase())
    .sort();

const signupBody = (overrides: Record<string, unknown> = {}) => ({
  email: uniqueEmail('signup'),
  password: PASSWORD,
  name: 'Sun Li',
  workspaceName: 'Sun Trading',
  demo: false,
  ...overrides,
});

describe.each(testDialects())('sign-up in first-user mode on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect, 'first-user');
  });
  afterAll(() => t?.close());

  const signup = (body: Record<string, unknown>) => t.app.inject({ method: 'POST', url: '/api/v1/auth/signup', payload: body });

  it('reports that the server needs its first account', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/setup' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ needsSetup: true, signupMode: 'first-user' });
  });

  it('refuses weak passwords with 422 WEAK_PASSWORD naming the rule, and creates nothing', async () => {
    const cases: [string, string][] = [
      ['12345678', 'common'],
      ['Password1', 'common'],
      ['short', 'too_short'],
      ['x'.repeat(1025), 'too_long'],
      ['sun.li.rules.the.market', 'contains_identity'],
    ];
    for (const [password, rule] of cases) {
      const response = await signup(signupBody({ email: 'sun.li@example.com', password }));
      expect({ password: password.slice(0, 30), status: response.statusCode, body: response.json() }).toEqual({
        password: password.slice(0, 30),
        status: 422,
        body: { error: { code: 'WEAK_PASSWORD', message: expect.any(String), details: { rule } } },
      });
    }
    expect(await countRows(t.database.db, 'users')).toBe(0);
    expect(await countRows(t.database.db, 'workspaces')).toBe(0);
  });

  it('answers 400 naming the field for a malformed sign-up', async () => {
    const response = await signup(signupBody({ email: 'not-an-address' }));
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('VALIDATION');
    expect(response.json().error.details).toEqual([{ in: 'body', path: 'email', message: 'expected an e-mail address' }]);
  });

  it('creates the owner, the workspace and (by default) the demo project; then sign-up closes', async () => {
    const response = await signup({
      email: '  Owner.First@Example.COM ',
      password: PASSWORD,
      name: 'Fang Owner',
      workspaceName: 'Fang Sales',
    });
    expect(response.statusCode).toBe(201);
    const me = response.json();
    expect(me).toEqual({
      user: { id: expect.any(String), email: 'owner.first@example.com', name: 'Fang Owner', locale: 'en', timeZone: 'UTC', version: 1 },
      workspace: { id: expect.any(String), name: 'Fang Sales' },
      role: 'owner',
    });
    const owner = sessionFrom(t.app, response, 'owner.first@example.com');
    const projects = (await owner.request('GET', '/projects')).json();
    expect(projects.items).toHaveLength(1);
    expect(projects.items[0].status).toBe('active');
    expect((await owner.request('GET', '/calendars')).json().items).toHaveLength(2);

    expect((await t.app.inject({ method: 'GET', url: '/api/v1/setup' })).json()).toEqual({ needsSetup: false, signupMode: 'first-user' });
    const second = await signup(signupBody());
    expect(second.statusCode).toBe(403);
    expect(second.json().error.code).toBe('FORBIDDEN');
    expect(await countRows(t.database.db, 'workspaces')).toBe(1);
  });
});

describe.each(testDialects())('sessions and sign-in on %s', (dialect) => {
  let t: TestApp;
  let owner: Session;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    owner = await signupOwner(t.app);
  });
  afterAll(() => t?.close());

  const me = (cookie: string) => t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } });

  it('refuses a second account with the same e-mail (any case) with 409', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/signup',
      payload: signupBody({ email: ` ${owner.email.toUpperCase()} ` }),
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('CONFLICT');
    expect(await countRows(t.database.db, 'users')).toBe(1);
  });

  it('signs in with the right password and refuses a wrong one or an unknown account alike', async () => {
    const right = await login(t.app, owner.email);
    expect(right.statusCode).toBe(200);
    expect(right.json().user.email).toBe(owner.email);
    expect(right.json().role).toBe('owner');
    const wrong = await login(t.app, owner.email, 'Not-The-Password-1');
    const unknown = await login(t.app, 'nobody.here@example.com', PASSWORD);
    for (const response of [wrong, unknown]) {
      expect(response.statusCode).toBe(401);
      expect(response.json()).toEqual({ error: { code: 'UNAUTHENTICATED', message: 'Wrong e-mail or password.' } });
      expect(response.headers['set-cookie']).toBeUndefined();
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(401);
  });

  it('gives a new session id at every sign-in and ends the one the browser still sent', async () => {
    const first = await loginSession(t.app, owner.email);
    const again = await login(t.app, owner.email, PASSWORD, { headers: { cookie: first.cookie } });
    expect(again.statusCode).toBe(200);
    const second = sessionFrom(t.app, again, owner.email);
    expect(cookiesOf(again).qd_session).not.toBe(cookiesOf(await login(t.app, owner.email)).qd_session);
    expect(second.cookie).not.toBe(first.cookie);
    expect(second.csrf).not.toBe(first.csrf);
    expect((await me(first.cookie)).statusCode).toBe(401);
    expect((await me(second.cookie)).statusCode).toBe(200);
  });

  it('sets HttpOnly SameSite=Lax cookies (the CSRF one readable by the page), not Secure over http', async () => {
    const response = await login(t.app, owner.email);
    const cookies = setCookies(response);
    expect(attributes(cookies.qd_session)).toEqual(['httponly', 'max-age=2592000', 'path=/', 'samesite=lax']);
    expect(attributes(cookies.qd_csrf)).toEqual(['max-age=2592000', 'path=/', 'samesite=lax']);
    // Without trustProxy, a client's X-Forwarded-Proto is not believed.
    const spoofed = await login(t.app, owner.email, PASSWORD, { headers: { 'x-forwarded-proto': 'https' } });
    expect(attributes(setCookies(spoofed).qd_session)).not.toContain('secure');
  });

  it('marks the cookies Secure when the request came over https through a trusted proxy', async () => {
    const behindProxy = await buildTestApp(t.database, { trustProxy: true });
    try {
      const https = await login(behindProxy, owner.email, PASSWORD, { headers: { 'x-forwarded-proto': 'https' } });
      expect(https.statusCode).toBe(200);
      expect(attributes(setCookies(https).qd_session)).toEqual(['httponly', 'max-age=2592000', 'path=/', 'samesite=lax', 'secure']);
      expect(attributes(setCookies(https).qd_csrf)).toEqual(['max-age=2592000', 'path=/', 'samesite=lax', 'secure']);
      const http = await login(behindProxy, owner.email, PASSWORD, { headers: { 'x-forwarded-proto': 'http' } });
      expect(attributes(setCookies(http).qd_session)).not.toContain('secure');
    } finally {
      await behindProxy.close();
    }
  });

  it('keeps a session across a restart of the application on the same database', async () => {
    const session = await loginSession(t.app, owner.email);
    const database = connect(t.database.url);
    const restarted = await buildTestApp(database);
    try {
      const response = await restarted.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: session.cookie } });
      expect(response.statusCode).toBe(200);
      expect(response.json().user.id).toBe(owner.userId);
      const write = await restarted.inject({
        method: 'POST',
        url: '/api/v1/projects',
        payload: { name: 'After restart', startDate: '2027-01-04', endDate: '2027-02-01' },
        headers: { cookie: session.cookie, 'x-csrf-token': session.csrf },
      });
      expect(write.statusCode).toBe(201);
    } finally {
      await restarted.close();
      await database.close();
    }
  });

  it('ends the session at logout (which needs the CSRF header like any write)', async () => {
    const session = await loginSession(t.app, owner.email);
    const noCsrf = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: session.cookie } });
    expect(noCsrf.statusCode).toBe(403);
    expect((await me(session.cookie)).statusCode).toBe(200);
    const response = await session.request('POST', '/auth/logout');
    expect(response.statusCode).toBe(204);
    const cleared = setCookies(response);
    expect(cleared.qd_session).toMatch(/^qd_session=;/);
    expect(cleared.qd_session.toLowerCase()).toContain('expires=thu, 01 jan 1970');
    expect((await me(session.cookie)).statusCode).toBe(401);
    expect((await session.request('POST', '/projects', { name: 'x', startDate: '2027-01-04', endDate: '2027-01-05' })).statusCode).toBe(
      401,
    );
  });

  it('refuses cookie-authenticated writes without the right X-CSRF-Token (403) and changes nothing', async () => {
    const project = await buildProject(owner, { name: 'CSRF target' });
    const before = await countRows(t.database.db, 'projects');
    const body = { name: 'Forged', startDate: '2027-01-04', endDate: '2027-02-01' };
    const attempts: [string, string, Record<string, unknown> | undefined, Record<string, string>][] = [
      ['POST', '/api/v1/projects', body, { cookie: owner.cookie }],
      ['POST', '/api/v1/projects', body, { cookie: owner.cookie, 'x-csrf-token': 'wrong' }],
      ['POST', '/api/v1/projects', body, { cookie: owner.cookie, 'x-csrf-token': '' }],
      // An attacker who can plant a qd_csrf cookie still does not know the session's token.
      ['POST', '/api/v1/projects', body, { cookie: `${owner.cookie.split(';')[0]}; qd_csrf=planted`, 'x-csrf-token': 'planted' }],
      ['PATCH', `/api/v1/projects/${project.id}`, { name: 'Forged' }, { cookie: owner.cookie }],
      ['PATCH', `/api/v1/projects/${project.id}`, { name: 'Forged' }, { cookie: owner.cookie, 'x-csrf-token': owner.csrf.slice(1) }],
      ['DELETE', `/api/v1/projects/${project.id}`, undefined, { cookie: owner.cookie }],
      ['DELETE', `/api/v1/projects/${project.id}`, undefined, { cookie: owner.cookie, 'x-csrf-token': `${owner.csrf}x` }],
    ];
    for (const [method, url, payload, headers] of attempts) {
      const response = await t.app.inject({ method: method as 'POST', url, payload, headers });
      expect({ method, url, status: response.statusCode, code: response.json().error.code }).toEqual({
        method,
        url,
        status: 403,
        code: 'CSRF',
      });
    }
    expect(await countRows(t.database.db, 'projects')).toBe(before);
    const read = await t.app.inject({ method: 'GET', url: `/api/v1/projects/${project.id}`, headers: { cookie: owner.cookie } });
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ name: 'CSRF target', version: 1 });
  });

  it('lets bearer-token requests write without any CSRF header', async () => {
    const token = (await owner.request('POST', '/tokens', { name: 'CI' })).json().token;
    const response = await bearerRequester(t.app, token)('POST', '/projects', {
      name: 'By token',
      startDate: '2027-01-04',
      endDate: '2027-02-01',
    });
    expect(response.statusCode).toBe(201);
    expect(response.json().name).toBe('By token');
  });
});

describe.each(testDialects())('sign-in rate limits on %s', (dialect) => {
  let t: TestApp;
  let owner: Session;
  let victim: string;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    owner = await signupOwner(t.app);
    victim = (await signupOwner(t.app, { workspaceName: 'Victim Co' })).email;
  });
  afterAll(() => t?.close());

  it('blocks an account after 5 failures with 429 and Retry-After, even with the right password and from another IP', async () => {
    for (let i = 0; i < 5; i++) {
      const response = await login(t.app, victim, `Wrong-Password-${i}`, { remoteAddress: `10.1.0.${i + 1}` });
      expect(response.statusCode).toBe(401);
    }
    const blocked = await login(t.app, victim, PASSWORD, { remoteAddress: '10.1.0.99' });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe('RATE_LIMITED');
    const retryAfter = Number(blocked.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(880);
    expect(retryAfter).toBeLessThanOrEqual(900);
    expect(blocked.json().error.details).toEqual({ retryAfter });
    expect(blocked.headers['set-cookie']).toBeUndefined();
    // Other accounts are not affected.
    expect((await login(t.app, owner.email, PASSWORD, { remoteAddress: '10.1.0.99' })).statusCode).toBe(200);
  });

  it('forgets an account’s failures after a successful sign-in', async () => {
    const email = owner.email;
    for (let i = 0; i < 4; i++) expect((await login(t.app, email, 'Wrong-Password-x', { remoteAddress: '10.2.0.1' })).statusCode).toBe(401);
    expect((await login(t.app, email, PASSWORD, { remoteAddress: '10.2.0.1' })).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) expect((await login(t.app, email, 'Wrong-Password-y', { remoteAddress: '10.2.0.2' })).statusCode).toBe(401);
    expect((await login(t.app, email, PASSWORD, { remoteAddress: '10.2.0.2' })).statusCode).toBe(200);
  });

  it('checks at most 5 passwords of an account even when the guesses arrive all at once', async () => {
    const target = (await signupOwner(t.app, { workspaceName: 'Parallel target' })).email;
    const guesses = await Promise.all(
      Array.from({ length: 12 }, (_, i) => login(t.app, target, `Parallel-Guess-${i}`, { remoteAddress: `10.4.0.${i + 1}` })),
    );
    const codes = guesses.map((r) => r.statusCode).sort();
    expect(codes).toEqual([...Array(5).fill(401), ...Array(7).fill(429)]);
    expect((await login(t.app, target, PASSWORD, { remoteAddress: '10.4.1.1' })).statusCode).toBe(429);
  });

  it('blocks an IP address after 30 failures across accounts, while other addresses still sign in', async () => {
    const ip = '10.3.0.7';
    for (let i = 0; i < 30; i++) {
      const response = await login(t.app, `stranger.${i}@example.com`, 'Wrong-Password-z', { remoteAddress: ip });
      expect(response.statusCode).toBe(401);
    }
    const blocked = await login(t.app, owner.email, PASSWORD, { remoteAddress: ip });
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(880);
    expect((await login(t.app, owner.email, PASSWORD, { remoteAddress: '10.3.0.8' })).statusCode).toBe(200);
  });
});

describe.each(testDialects())('the signed-in user (/me) on %s', (dialect) => {
  let t: TestApp;
  let owner: Session;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    owner = await signupOwner(t.app, { name: 'Mei Zhang' });
  });
  afterAll(() => t?.close());

  it('answers 401 without a session', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/me' });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('changes language and time zone, bumps the version and writes one audit row', async () => {
    const response = await owner.request('PATCH', '/me', { locale: 'zh-CN', timeZone: 'Asia/Shanghai', version: 1 });
    expect(response.statusCode).toBe(200);
    expect(response.json().user).toEqual({
      id: owner.userId,
      email: owner.email,
      name: 'Mei Zhang',
      locale: 'zh-CN',
      timeZone: 'Asia/Shanghai',
      version: 2,
    });
    const audit = (await auditRowsFor(t.database.db, owner.userId)).filter((row) => row.action === 'update');
    expect(audit).toEqual([
      {
        workspace_id: owner.workspaceId,
        actor_id: owner.userId,
        entity_type: 'user',
        entity_id: owner.userId,
        project_id: null,
        action: 'update',
        before: { name: 'Mei Zhang', locale: 'en', timeZone: 'UTC' },
        after: { name: 'Mei Zhang', locale: 'zh-CN', timeZone: 'Asia/Shanghai' },
      },
    ]);
  });

  it('does not bump the version for a change that changes nothing', async () => {
    const response = await owner.request('PATCH', '/me', { locale: 'zh-CN' });
    expect(response.statusCode).toBe(200);
    expect(response.json().user.version).toBe(2);
    expect(await auditRowsFor(t.database.db, owner.userId).then((rows) => rows.length)).toBe(1);
  });

  it('refuses an unknown time zone (400) and a stale version (409), changing nothing', async () => {
    const bad = await owner.request('PATCH', '/me', { timeZone: 'Mars/Olympus_Mons' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details).toEqual([{ in: 'body', path: 'timeZone', message: 'unknown time zone' }]);
    const stale = await owner.request('PATCH', '/me', { name: 'Someone Else', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toEqual({ code: 'STALE_VERSION', message: expect.any(String), details: { currentVersion: 2 } });
    const now = (await owner.request('GET', '/me')).json();
    expect(now.user).toMatchObject({ name: 'Mei Zhang', timeZone: 'Asia/Shanghai', version: 2 });
    expect((await auditRowsFor(t.database.db, owner.userId)).length).toBe(1);
  });

  it('changes the password: checks the current one, refuses a weak one, ends the other sessions', async () => {
    const other = await loginSession(t.app, owner.email);
    const wrongCurrent = await owner.request('POST', '/me/password', {
      currentPassword: 'Not-It-At-All-9',
      newPassword: 'Harbour-Lights-77',
    });
    expect(wrongCurrent.statusCode).toBe(422);
    expect(wrongCurrent.json().error.code).toBe('RULE_VIOLATION');
    const weak = await owner.request('POST', '/me/password', { currentPassword: PASSWORD, newPassword: 'qwertyuiop' });
    expect(weak.statusCode).toBe(422);
    expect(weak.json().error).toMatchObject({ code: 'WEAK_PASSWORD', details: { rule: 'common' } });
    expect((await other.request('GET', '/me')).statusCode).toBe(200);

    const changed = await owner.request('POST', '/me/password', { currentPassword: PASSWORD, newPassword: 'Harbour-Lights-77' });
    expect(changed.statusCode).toBe(204);
    expect((await owner.request('GET', '/me')).statusCode).toBe(200);
    expect((await other.request('GET', '/me')).statusCode).toBe(401);
    expect((await login(t.app, owner.email, PASSWORD)).statusCode).toBe(401);
    expect((await login(t.app, owner.email, 'Harbour-Lights-77')).statusCode).toBe(200);
    const audit = (await auditRowsFor(t.database.db, owner.userId)).at(-1);
    expect(audit).toMatchObject({ action: 'update', actor_id: owner.userId, after: { password: 'changed' } });
    expect(JSON.stringify(await auditRowsFor(t.database.db, owner.userId))).not.toContain('Harbour-Lights-77');
  });
});
