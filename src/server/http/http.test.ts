import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../test/databases.js';
import { countRows } from '../test/db-inspect.js';
import { projectInput, type Session, signupOwner, startTestApp, type TestApp } from '../test/harness.js';

/** SPEC §4 error bodies and §5 headers for what reaches the server before any feature code. */
describe.each(testDialects())('HTTP edges on %s', (dialect) => {
  let t: TestApp;
  let owner: Session;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    owner = await signupOwner(t.app);
  });
  afterAll(() => t?.close());

  it("sends the security headers on every answer: the strict API set on the API, helmet's on pages", async () => {
    const api = await t.app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(
      Object.keys(api.headers)
        .filter((name) => !['content-type', 'content-length', 'date', 'connection'].includes(name))
        .sort(),
    ).toEqual(['content-security-policy', 'x-content-type-options', 'x-frame-options']);
    const post = (url: string, payload: string, contentType: string) =>
      t.app.inject({
        method: 'POST',
        url,
        payload,
        headers: { cookie: owner.cookie, 'x-csrf-token': owner.csrf, 'content-type': contentType },
      });
    // Answers made by the handler, by a hook (401, CSRF 403), by validation, by the body parser, by the router, and by nobody (404).
    const answers = {
      ok: api,
      unauthenticated: await t.app.inject({ method: 'GET', url: '/api/v1/projects' }),
      csrf: await t.app.inject({ method: 'POST', url: '/api/v1/projects', payload: {}, headers: { cookie: owner.cookie } }),
      invalid: await post('/api/v1/projects', '{}', 'application/json'),
      unsupported: await post('/api/v1/projects', '<project/>', 'application/xml'),
      malformedUrl: await owner.request('GET', '/projects/%'),
      noRoute: await owner.request('GET', '/no-such-thing'),
    };
    expect(Object.fromEntries(Object.entries(answers).map(([name, r]) => [name, r.statusCode]))).toEqual({
      ok: 200,
      unauthenticated: 401,
      csrf: 403,
      invalid: 400,
      unsupported: 415,
      malformedUrl: 400,
      noRoute: 404,
    });
    for (const [name, response] of Object.entries(answers)) {
      expect([name, response.headers['x-content-type-options']]).toEqual([name, 'nosniff']);
      expect([name, response.headers['content-security-policy']]).toEqual([name, "default-src 'none'; frame-ancestors 'none'"]);
      expect([name, response.headers['x-frame-options']]).toEqual([name, 'DENY']);
    }
    for (const url of ['/projects', '/api/docs', '/api/openapi.json', '/no-such-page']) {
      const page = await t.app.inject({ method: 'GET', url });
      expect([url, page.headers['x-content-type-options']]).toEqual([url, 'nosniff']);
      expect([url, page.headers['content-security-policy']]).toEqual([url, expect.stringContaining("default-src 'self'")]);
      expect([url, page.headers['referrer-policy']]).toEqual([url, 'no-referrer']);
    }
    const page = await t.app.inject({ method: 'GET', url: '/projects' });
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('answers an unknown API path with 404 in the error shape', async () => {
    const response = await owner.request('GET', '/no-such-thing');
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'No route GET /api/v1/no-such-thing' } });
  });

  it('answers malformed and over-long path parameters in the error shape (400, 414)', async () => {
    const malformed = await owner.request('GET', '/projects/%');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toEqual({ error: { code: 'BAD_REQUEST', message: 'The URL is malformed.' } });
    const long = await owner.request('GET', `/projects/${'x'.repeat(101)}`);
    expect(long.statusCode).toBe(414);
    expect(long.json()).toEqual({ error: { code: 'BAD_REQUEST', message: 'A path parameter is too long.' } });
    const tooLongForSchema = await owner.request('GET', `/projects/${'x'.repeat(65)}`);
    expect(tooLongForSchema.statusCode).toBe(400);
    expect(tooLongForSchema.json().error.details).toEqual([
      { in: 'params', path: 'id', message: 'Too big: expected string to have <=64 characters' },
    ]);
  });

  it('answers bad JSON 400, a wrong content type 415 and a body over 1 MiB 413, in the error shape', async () => {
    const send = (payload: string, contentType: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/projects',
        payload,
        headers: { cookie: owner.cookie, 'x-csrf-token': owner.csrf, 'content-type': contentType },
      });
    const broken = await send('{"name": ', 'application/json');
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.code).toBe('BAD_REQUEST');
    const polluted = await send('{"__proto__": {"admin": true}, "name": "x"}', 'application/json');
    expect(polluted.statusCode).toBe(400);
    expect(polluted.json().error.code).toBe('BAD_REQUEST');
    const text = await send('<project name="x"/>', 'application/xml');
    expect(text.statusCode).toBe(415);
    expect(text.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const huge = await send(JSON.stringify(projectInput({ description: 'd'.repeat(1024 * 1024) })), 'application/json');
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('refuses the NUL character anywhere in the input with 400 on every database (PostgreSQL cannot store it)', async () => {
    const before = await countRows(t.database.db, 'projects');
    const inBody = await owner.request('POST', '/projects', projectInput({ name: 'Spring\u0000push' }));
    expect(inBody.statusCode).toBe(400);
    expect(inBody.json().error).toEqual({
      code: 'VALIDATION',
      message: 'Invalid body field "name": must not contain the character U+0000',
      details: [{ in: 'body', path: 'name', message: 'must not contain the character U+0000' }],
    });
    const inParam = await owner.request('GET', '/projects/ab%00cd');
    expect(inParam.statusCode).toBe(400);
    expect(inParam.json().error.details).toEqual([{ in: 'params', path: 'id', message: 'must not contain the character U+0000' }]);
    const inQuery = await owner.request('GET', '/projects?q=%00');
    expect(inQuery.statusCode).toBe(400);
    expect(inQuery.json().error.details[0]).toMatchObject({ in: 'querystring', path: 'q' });
    const nested = await owner.request('PATCH', '/me', { name: 'Ok', 'weird\u0000key': 1 });
    expect(nested.statusCode).toBe(400);
    expect(await countRows(t.database.db, 'projects')).toBe(before);
    // Other control characters and any other Unicode text are stored as sent.
    const odd = await owner.request('POST', '/projects', projectInput({ name: 'Tab\there 😀 \u0001 中文' }));
    expect(odd.statusCode).toBe(201);
    expect((await owner.request('GET', `/projects/${odd.json().id}`)).json().name).toBe('Tab\there 😀 \u0001 中文');
  });
});
