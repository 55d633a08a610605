import { connect } from '../db/connect.js';
import type { RouteEntry } from '../http/access.js';
import { buildTestApp } from './harness.js';

/**
 * The app's route table, read from an app built on an empty in-memory database, so that test files can
 * declare one test per route while they are collected (before any suite's database exists).
 */
export async function loadRouteTable(): Promise<RouteEntry[]> {
  const database = connect(':memory:');
  const app = await buildTestApp(database);
  const routes = [...app.routeTable];
  await app.close();
  await database.close();
  return routes;
}

/** `/api/v1/projects/:id/members` → `['id']`; a wildcard counts as the parameter `*`. */
export function pathParams(url: string): string[] {
  const names = [...url.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1]);
  return url.includes('*') ? [...names, '*'] : names;
}

/** Fills every `:param` (and `*`) of a route URL with `value` (already URL-encoded). */
export function fillPath(url: string, value: string | ((name: string) => string)): string {
  const of = typeof value === 'string' ? () => value : value;
  return url.replace(/:([A-Za-z0-9_]+)/g, (_m, name: string) => of(name)).replace('*', () => of('*'));
}
