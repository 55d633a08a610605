import type { InjectOptions } from 'fastify';
import type { RouteEntry } from '../http/access.js';
import { idsOfWorkspace } from './db-inspect.js';
import type { Session, TestApp } from './harness.js';
import { bodyFor } from './route-hints.js';
import { fillPath, pathParams } from './route-table.js';
import { inputJsonSchema, isZodSchema, type Json, validValue } from './schema-values.js';

/** Creation routes a workspace filler must not call: they sign in, out, or change the caller's secrets. */
const NOT_CREATORS = new Set(['/api/v1/auth/logout', '/api/v1/me/password']);
const ID_FIELD = /(^id|Id|Ids)$/;
/** Per route and pass: enough to find a body that works, bounded for routes that cannot create (e.g. all users already members). */
const MAX_ATTEMPTS = 60;

/**
 * Creates objects of every kind the API can create in `session`'s workspace, without knowing the
 * kinds: every signed-in POST route of the route table is called with bodies derived from its schema,
 * its path parameters and `…Id` fields filled with ids the workspace already has, until one succeeds.
 * Several passes, so that objects needing others (a dependency needs two tasks) come after them.
 * Answers the routes that created nothing (to be covered by a fixture or a hint).
 */
export async function populateWorkspace(
  t: TestApp,
  session: Session,
  routes: RouteEntry[],
  options: { passes?: number; hints?: Record<string, Record<string, Json>> } = {},
): Promise<string[]> {
  const creators = routes.filter(
    (r) => r.method === 'POST' && r.url.startsWith('/api/v1/') && r.access !== 'public' && !NOT_CREATORS.has(r.url),
  );
  const created = new Set<string>();
  for (let pass = 0; pass < (options.passes ?? 3); pass++) {
    for (const route of creators) {
      // Read afresh for every route: what the previous route created can be used at once.
      const byTable = new Map<string, string[]>();
      for (const [id, table] of await idsOfWorkspace(t.database.db, session.workspaceId)) {
        if (table === 'audit_log' || table === 'sessions') continue;
        byTable.set(table, [...(byTable.get(table) ?? []), id]);
      }
      // The oldest and the newest of each kind: children keep going to the same parent (two tasks of one project).
      const sample = [...new Set([...byTable.values()].flatMap((list) => [list[0], list[list.length - 1]]))];
      const targets = (await pathTargets(session, routes, route, sample)).slice(0, 3);
      const payloads = bodies(route, byTable, sample, options.hints?.[route.url] ?? {});
      let attempts = 0;
      search: for (const path of targets) {
        for (const payload of payloads) {
          if (++attempts > MAX_ATTEMPTS) break search;
          const { payload: body, contentType } = bodyFor(
            `${route.method} ${route.url}`,
            payload === undefined ? undefined : JSON.stringify(payload),
          );
          const response = await session.request(
            route.method as InjectOptions['method'],
            path.replace('/api/v1', ''),
            body,
            contentType ? { 'content-type': contentType } : {},
          );
          if (response.statusCode < 300) {
            created.add(route.url);
            break search;
          }
        }
      }
    }
  }
  return creators.map((r) => r.url).filter((url) => !created.has(url));
}

/** The route's URL with its parameters filled by ids that its GET sibling finds (else by every sampled id). */
async function pathTargets(session: Session, routes: RouteEntry[], route: RouteEntry, sample: string[]): Promise<string[]> {
  if (pathParams(route.url).length === 0) return [route.url];
  const sibling = routes.find((r) => r.method === 'GET' && r.url === route.url);
  const targets: string[] = [];
  for (const id of sample) {
    const path = fillPath(route.url, encodeURIComponent(id));
    if (!sibling || (await session.request('GET', path.replace('/api/v1', ''))).statusCode === 200) targets.push(path);
  }
  return targets;
}

/** Minimal valid bodies: as derived, with every `…Id` field taken from one table, or one field at a time. */
function bodies(route: RouteEntry, byTable: Map<string, string[]>, sample: string[], hint: Record<string, Json>): (Json | undefined)[] {
  const schema = (route.schema as Record<string, unknown> | undefined)?.body;
  if (!isZodSchema(schema)) return [undefined];
  const properties = inputJsonSchema(schema).properties ?? {};
  const idFields = Object.keys(properties).filter((name) => ID_FIELD.test(name));
  const value = (field: string, id: string): Json => (properties[field]?.type === 'array' ? [id] : id);
  const variants: Record<string, Json>[] = [{}];
  for (const list of byTable.values()) {
    if (idFields.length > 0 && list.length >= idFields.length) {
      variants.push(Object.fromEntries(idFields.map((field, i) => [field, value(field, list[i])])));
    }
  }
  for (const field of idFields) for (const id of sample) variants.push({ [field]: value(field, id) });
  const out: Json[] = [];
  const seen = new Set<string>();
  for (const overrides of variants) {
    try {
      const body = validValue(schema, { overrides: { ...overrides, ...hint } });
      const key = JSON.stringify(body);
      if (!seen.has(key)) {
        seen.add(key);
        out.push(body);
      }
    } catch {
      // no valid body with these ids
    }
  }
  return out;
}
