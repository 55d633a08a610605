import fc from 'fast-check';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../test/databases.js';
import { idsOfWorkspace } from '../test/db-inspect.js';
import { buildProject, inviteUser, type Session, signupOwner, startTestApp, type TestApp } from '../test/harness.js';
import { fillPath, loadRouteTable } from '../test/route-table.js';
import {
  ALWAYS_TRIED,
  encodeParam,
  encodeQuery,
  expandMarkers,
  type FuzzBody,
  type FuzzParam,
  type FuzzQuery,
  fuzzBody,
  fuzzParam,
  fuzzQuery,
  inputJsonSchema,
  isZodSchema,
  validOrNull,
  withEveryString,
} from '../test/schema-values.js';
import type { RouteEntry } from './access.js';

/**
 * SPEC §5: every route, fuzzed with malformed input, answers 0 server errors. The routes come from the
 * app's own route table, so a new route is fuzzed without anyone adding it here. Reproduce a failure
 * with the seed fast-check prints (FUZZ_SEED=<seed> runs every route from that base seed).
 */
const routes = await loadRouteTable();
const BASE_SEED = Number(process.env.FUZZ_SEED ?? 20_261_128);
/** Random runs per route and caller (after the fixed examples); anonymous callers of signed-in routes stop at 401, so fewer. */
const RUNS = { sqlite: Number(process.env.FUZZ_RUNS ?? 20), postgres: Number(process.env.FUZZ_RUNS ?? 10) };
const ANONYMOUS_RUNS = Number(process.env.FUZZ_RUNS ?? 6);

const seedOf = (text: string) => {
  let h = BASE_SEED | 0;
  for (const c of text) h = Math.imul(h ^ c.charCodeAt(0), 16_777_619);
  return h;
};

const printable = fc.stringMatching(/^[\x21-\x7e]{0,60}$/);

type Credentials =
  | { kind: 'bearer' }
  | { kind: 'cookie'; csrf: string | null }
  | { kind: 'none' | 'bad-cookie' | 'bad-bearer' | 'odd-header'; value: string };

type FuzzInput = { credentials: Credentials; params: FuzzParam[]; query: FuzzQuery | null; body: FuzzBody; ifMatch: string | null };

describe.each(testDialects())('fuzzing every route on %s', (dialect) => {
  let t: TestApp;
  let owner: Session;
  let token: string;
  let realIds: string[] = [];

  beforeAll(async () => {
    t = await startTestApp(dialect);
    owner = await signupOwner(t.app, { demo: true });
    const project = await buildProject(owner, { name: 'Fuzz target' });
    const member = await inviteUser(t.app, owner, 'member', 'Fuzz Member');
    await owner.request('POST', `/projects/${project.id}/members`, { userId: member.userId });
    await owner.request('POST', '/invitations', { role: 'guest', email: 'fuzz.guest@example.com' });
    await owner.request('POST', '/tokens', { name: 'Other token' });
    const created = await owner.request('POST', '/tokens', { name: 'Fuzzer' });
    token = created.json().token;
    const ids = await idsOfWorkspace(t.database.db, owner.workspaceId);
    // The fuzzer may delete and change what it finds, but not its own account and credential.
    realIds = [...ids.keys()].filter((id) => id !== owner.userId && id !== created.json().id);
  });
  afterAll(() => t?.close());

  const headersFor = (credentials: Credentials): Record<string, string> => {
    switch (credentials.kind) {
      case 'bearer':
        return { authorization: `Bearer ${token}` };
      case 'cookie':
        return credentials.csrf === null ? { cookie: owner.cookie } : { cookie: owner.cookie, 'x-csrf-token': credentials.csrf };
      case 'none':
        return {};
      case 'bad-cookie':
        return { cookie: `qd_session=${credentials.value}; qd_csrf=${credentials.value}`, 'x-csrf-token': credentials.value };
      case 'bad-bearer':
        return { authorization: `Bearer ${credentials.value}` };
      case 'odd-header':
        return { authorization: credentials.value, 'if-match': credentials.value };
    }
  };

  const signedIn: fc.Arbitrary<Credentials> = fc.oneof(
    { weight: 4, arbitrary: fc.constant<Credentials>({ kind: 'bearer' }) },
    { weight: 1, arbitrary: fc.option(printable, { nil: null }).map((csrf): Credentials => ({ kind: 'cookie', csrf })) },
  );
  const anonymous: fc.Arbitrary<Credentials> = fc
    .tuple(fc.constantFrom('none', 'bad-cookie', 'bad-bearer', 'odd-header'), printable)
    .map(([kind, value]) => ({ kind, value }) as Credentials);

  function requestArbitrary(route: RouteEntry, credentials: fc.Arbitrary<Credentials>): fc.Arbitrary<FuzzInput> {
    const schema = (route.schema ?? {}) as Record<string, unknown>;
    const body = isZodSchema(schema.body) ? schema.body : undefined;
    const query = isZodSchema(schema.querystring) ? schema.querystring : undefined;
    const hasBody = !['GET', 'HEAD'].includes(route.method);
    return fc.record({
      credentials,
      params: fc.array(fuzzParam(realIds), { minLength: 3, maxLength: 3 }),
      query: fc.option(fuzzQuery(query), { freq: 3 }),
      body: hasBody ? fuzzBody(body) : fc.constant<FuzzBody>({ kind: 'none' }),
      ifMatch: fc.option(fc.oneof(printable, fc.constantFrom('"1"', 'W/"1"', '*', '"999999999999999999999"', '"-1"')), { freq: 4 }),
    });
  }

  /** Known-bad texts in every slot at once (path, query, every string of a valid body), tried before the random runs. */
  function examplesFor(route: RouteEntry, credentials: Credentials): [FuzzInput][] {
    const schema = (route.schema ?? {}) as Record<string, unknown>;
    const body = isZodSchema(schema.body) ? validOrNull(schema.body) : null;
    const queryKeys = isZodSchema(schema.querystring) ? Object.keys(inputJsonSchema(schema.querystring).properties ?? {}) : [];
    return ALWAYS_TRIED.map((text) => [
      {
        credentials,
        params: [{ value: text }],
        query: { pairs: queryKeys.map((key): [string, string] => [key, text]), raw: null },
        body:
          body === null || ['GET', 'HEAD'].includes(route.method) ? { kind: 'none' } : { kind: 'json', value: withEveryString(body, text) },
        ifMatch: null,
      },
    ]);
  }

  async function send(route: RouteEntry, input: FuzzInput): Promise<LightMyRequestResponse> {
    let n = 0;
    const path = fillPath(route.url, () => encodeParam(input.params[n++ % input.params.length]));
    const headers: Record<string, string> = { ...headersFor(input.credentials) };
    if (input.ifMatch !== null) headers['if-match'] = input.ifMatch;
    const options: InjectOptions = {
      method: route.method as InjectOptions['method'],
      url: input.query ? `${path}?${encodeQuery(input.query)}` : path,
      headers,
    };
    if (input.body.kind === 'json') {
      options.payload = expandMarkers(JSON.stringify(input.body.value));
      headers['content-type'] = 'application/json';
    } else if (input.body.kind === 'raw') {
      options.payload = expandMarkers(input.body.text);
      headers['content-type'] = input.body.contentType;
    }
    return t.app.inject(options);
  }

  const describeInput = (input: unknown) => {
    const text = JSON.stringify(input);
    return text.length > 600 ? `${text.slice(0, 600)}… (${text.length} chars)` : text;
  };

  for (const route of routes) {
    it(`${route.method} ${route.url} never answers 5xx`, async () => {
      for (const [who, credentials, example] of [
        ['signed in', signedIn, { kind: 'bearer' }],
        ['anonymous', anonymous, { kind: 'none', value: '' }],
      ] as const) {
        const seed = seedOf(`${route.method} ${route.url} ${who}`);
        await fc.assert(
          fc.asyncProperty(requestArbitrary(route, credentials), async (input) => {
            const response = await send(route, input);
            const context = `${who} ${route.method} ${route.url} (seed ${seed}) → ${response.statusCode} ${response.body.slice(0, 300)}\ninput: ${describeInput(input)}`;
            expect(response.statusCode, context).toBeLessThan(500);
            if (route.url.startsWith('/api/v1/') && route.method !== 'HEAD' && response.statusCode >= 400) {
              const error = (response.json() as { error?: { code?: unknown; message?: unknown } }).error;
              expect(typeof error?.code, context).toBe('string');
              expect(typeof error?.message, context).toBe('string');
            }
            expect(({} as Record<string, unknown>).polluted, context).toBeUndefined();
            expect(({} as Record<string, unknown>).isAdmin, context).toBeUndefined();
          }),
          {
            seed,
            numRuns: who === 'anonymous' && route.access !== 'public' ? Math.min(ANONYMOUS_RUNS, RUNS[dialect]) : RUNS[dialect],
            examples: examplesFor(route, example),
          },
        );
      }
    });
  }

  it('is still healthy and signed in after the fuzzing', async () => {
    const health = await t.app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(health.json()).toEqual({ status: 'ok', version: '0.1.0', database: { dialect, ok: true } });
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
    expect(me.statusCode).toBe(200);
    expect(me.json().role).toBe('owner');
  });
});
