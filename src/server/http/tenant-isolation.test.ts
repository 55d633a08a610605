import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../test/databases.js';
import { digestTables, idsOfWorkspace, sampleIds, tablesOf } from '../test/db-inspect.js';
import { buildProject, inviteUser, type Session, signupOwner, startTestApp, type TestApp } from '../test/harness.js';
import { populateWorkspace } from '../test/populate.js';
import { bodyFor } from '../test/route-hints.js';
import { fillPath, loadRouteTable, pathParams } from '../test/route-table.js';
import { inputJsonSchema, isZodSchema, type Json, validValue } from '../test/schema-values.js';
import type { RouteEntry } from './access.js';

/**
 * SPEC §5 "every route is tested against a user of another workspace (0 leaks)", generated from the
 * app's own route table and the database's own tables: a new route that takes an id, or a new table of
 * workspace objects, is covered without anyone listing it here.
 */
const routes = await loadRouteTable();
/** Routes that take an id in the path (the docs' static-file wildcard is not one of them). */
const routesWithParams = routes.filter((r) => pathParams(r.url).some((name) => name !== '*'));
const getRoutes = routes.filter((r) => r.method === 'GET' && r.url.startsWith('/api/v1/'));

const schemaPart = (route: RouteEntry, part: 'body' | 'querystring' | 'params') => {
  const value = (route.schema as Record<string, unknown> | undefined)?.[part];
  return isZodSchema(value) ? value : undefined;
};

/** A request to `route` that passes its validation: a minimal valid body and query derived from its schemas. */
function validRequest(
  route: RouteEntry,
  path: string,
  overrides?: Record<string, Json>,
): { url: string; payload: string | undefined; contentType?: string } {
  const body = schemaPart(route, 'body');
  const query = schemaPart(route, 'querystring');
  const search = query ? new URLSearchParams(validValue(query, { stringify: true }) as Record<string, string>).toString() : '';
  const { payload, contentType } = bodyFor(
    `${route.method} ${route.url}`,
    body ? JSON.stringify(validValue(body, { overrides })) : undefined,
  );
  return { url: search ? `${path}?${search}` : path, payload, contentType };
}

describe.each(testDialects())('another workspace on %s', (dialect) => {
  let t: TestApp;
  let ownerA: Session;
  let ownerB: Session;
  /** Every id workspace A owns, and a few of each kind for the checks that send a request per id. */
  let idsA: Map<string, string>;
  let someIdsA: Map<string, string>;
  let someIdsB: Map<string, string>;
  const secretsA: string[] = [];

  const asB = (route: RouteEntry, request: { url: string; payload?: string; contentType?: string }) =>
    t.app.inject({
      method: route.method as InjectOptions['method'],
      url: request.url,
      payload: request.payload,
      headers: {
        cookie: ownerB.cookie,
        'x-csrf-token': ownerB.csrf,
        ...(request.payload ? { 'content-type': request.contentType ?? 'application/json' } : {}),
      },
    });

  beforeAll(async () => {
    t = await startTestApp(dialect);
    // Workspace A: one object of every kind (the demo project brings a team of users and members).
    ownerA = await signupOwner(t.app, { workspaceName: 'Alpha Trading', demo: true });
    const adminA = await inviteUser(t.app, ownerA, 'admin', 'Alma Admin');
    const memberA = await inviteUser(t.app, ownerA, 'member', 'Mats Member');
    const guestA = await inviteUser(t.app, ownerA, 'guest', 'Gita Guest');
    const calendars = (await ownerA.request('GET', '/calendars')).json().items as { id: string }[];
    const projectA = await buildProject(ownerA, { name: 'Alpha secret push', calendarId: calendars[0].id });
    await ownerA.request('POST', `/projects/${projectA.id}/members`, { userId: memberA.userId, role: 'sales' });
    await ownerA.request('POST', `/projects/${projectA.id}/members`, { userId: guestA.userId, role: 'viewer' });
    await ownerA.request('PATCH', `/projects/${projectA.id}`, { description: 'changed once' });
    secretsA.push((await ownerA.request('POST', '/tokens', { name: 'A owner token' })).json().token);
    secretsA.push((await adminA.request('POST', '/tokens', { name: 'A admin token' })).json().token);
    secretsA.push((await ownerA.request('POST', '/invitations', { role: 'member', email: 'pending@alpha.example' })).json().token);
    const revoked = (await ownerA.request('POST', '/invitations', { role: 'guest' })).json();
    await ownerA.request('DELETE', `/invitations/${revoked.id}`);
    const archived = await buildProject(memberA, { name: 'Alpha archived' });
    await memberA.request('PATCH', `/projects/${archived.id}`, { archived: true });

    // …and one of every other kind the API can create, found from the route table.
    await populateWorkspace(t, ownerA, routes, { passes: 1 });

    // Workspace B: an owner with a demo project and objects of their own.
    ownerB = await signupOwner(t.app, { workspaceName: 'Bravo Imports', demo: true });
    await buildProject(ownerB, { name: 'Bravo push' });
    await populateWorkspace(t, ownerB, routes, { passes: 1 });

    idsA = await idsOfWorkspace(t.database.db, ownerA.workspaceId);
    someIdsA = sampleIds(idsA);
    someIdsB = sampleIds(await idsOfWorkspace(t.database.db, ownerB.workspaceId));
  });
  afterAll(() => t?.close());

  it('has an object of every kind in workspace A (every table with workspace_id and id)', async () => {
    const tables = (await tablesOf(t.database.db)).filter(
      (table) => table.columns.includes('workspace_id') && table.columns.includes('id'),
    );
    expect(tables.length).toBeGreaterThanOrEqual(7);
    const kinds = new Set(idsA.values());
    const missing = tables.map((table) => table.name).filter((name) => !kinds.has(name));
    // A failure here means a new kind of workspace object: create one in beforeAll above.
    expect(missing).toEqual([]);
    expect(kinds.has('users')).toBe(true);
    expect(kinds.has('workspaces')).toBe(true);
    expect([...idsA.keys()].filter((id) => someIdsB.has(id))).toEqual([]);
  });

  it("answers 404 on every route with a path parameter for ids of every kind of A's, and writes nothing", async () => {
    expect(routesWithParams.length).toBeGreaterThanOrEqual(15);
    const before = await digestTables(t.database.db);
    const leaks: string[] = [];
    let calls = 0;
    for (const route of routesWithParams) {
      for (const [id, table] of someIdsA) {
        const response = await asB(route, validRequest(route, fillPath(route.url, encodeURIComponent(id))));
        calls++;
        const routedToHandler = route.method === 'HEAD' || !response.body.includes('"message":"No route');
        if (response.statusCode !== 404 || !routedToHandler) {
          leaks.push(`${route.method} ${route.url} with A's ${table} id → ${response.statusCode} ${response.body.slice(0, 160)}`);
        }
      }
    }
    expect(leaks).toEqual([]);
    expect(calls).toBe(routesWithParams.length * someIdsA.size);
    expect(await digestTables(t.database.db)).toEqual(before);
  });

  it("reaches real objects with those same requests when A's owner sends them (the 404s above are not a harness mistake)", async () => {
    for (const route of routesWithParams.filter((r) => r.method === 'GET' && r.url.startsWith('/api/v1/'))) {
      const statuses = new Set<number>();
      for (const id of someIdsA.keys()) {
        const response = await ownerA.request(
          'GET',
          validRequest(route, fillPath(route.url, encodeURIComponent(id))).url.replace('/api/v1', ''),
        );
        statuses.add(response.statusCode);
      }
      expect({ route: route.url, found: statuses.has(200) }).toEqual({ route: route.url, found: true });
    }
  });

  it("refuses A's ids wherever a body refers to another object (…Id fields), and writes nothing", async () => {
    const before = await digestTables(t.database.db);
    const leaks: string[] = [];
    let checked = 0;
    const oneIdPerKindA = sampleIds(idsA, 1);
    for (const route of routes) {
      const body = schemaPart(route, 'body');
      if (!body) continue;
      const properties = inputJsonSchema(body).properties ?? {};
      const idFields = Object.entries(properties).filter(([name]) => /(^id|Id|Ids)$/.test(name));
      if (idFields.length === 0) continue;
      // Path parameters: B's own objects that this route's GET sibling finds (else: every id of B).
      let paths = [route.url];
      if (pathParams(route.url).length > 0) {
        const sibling = routes.find((r) => r.method === 'GET' && r.url === route.url);
        const candidates: string[] = [];
        for (const id of someIdsB.keys()) {
          const path = fillPath(route.url, encodeURIComponent(id));
          if (!sibling || (await asB(sibling, validRequest(sibling, path))).statusCode === 200) candidates.push(path);
        }
        // One of B's own objects is enough: the question is the id in the body.
        paths = candidates.slice(0, 1);
      }
      expect({ route: `${route.method} ${route.url}`, paths: paths.length > 0 }).toEqual({
        route: `${route.method} ${route.url}`,
        paths: true,
      });
      for (const [field, fieldSchema] of idFields) {
        const isArray = fieldSchema.type === 'array';
        for (const path of paths) {
          for (const [id, table] of oneIdPerKindA) {
            const response = await asB(route, validRequest(route, path, { [field]: isArray ? [id] : id }));
            checked++;
            if (response.statusCode !== 404 && response.statusCode !== 422) {
              leaks.push(`${route.method} ${path} with ${field} = A's ${table} id → ${response.statusCode} ${response.body.slice(0, 160)}`);
            }
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(0);
    expect(leaks).toEqual([]);
    expect(await digestTables(t.database.db)).toEqual(before);
  });

  it("never shows A's objects in anything B can read", async () => {
    const words = [...idsA.keys(), ...secretsA, ownerA.email, 'Alpha Trading', 'Alpha secret push', 'Alpha archived'];
    const found: string[] = [];
    let readable = 0;
    const check = (label: string, text: string) => {
      readable++;
      for (const word of words) if (text.includes(word)) found.push(`${label} shows ${idsA.get(word) ?? 'text'} ${word}`);
    };
    for (const route of getRoutes) {
      const targets =
        pathParams(route.url).length === 0 ? [route.url] : [...someIdsB.keys()].map((id) => fillPath(route.url, encodeURIComponent(id)));
      for (const path of targets) {
        const response = await asB(route, validRequest(route, path));
        expect(response.statusCode, `${route.url}: ${response.body.slice(0, 200)}`).toBeLessThan(500);
        if (response.statusCode === 200) check(path, response.body);
        // Lists: every filter value the schema allows (archived=all shows the most).
        if (pathParams(route.url).length === 0 && response.statusCode === 200 && route.url === '/api/v1/projects') {
          check(`${path}?archived=all`, (await asB(route, { url: `${path}?archived=all&limit=200` })).body);
        }
      }
    }
    expect(found).toEqual([]);
    // B really read its own workspace through those routes (users, projects, calendars, tokens, members …).
    expect(readable).toBeGreaterThanOrEqual(12);
  });
});
