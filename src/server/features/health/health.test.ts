import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../../db/connect.js';
import { testDialects } from '../../test/databases.js';
import { buildTestApp, startTestApp, type TestApp } from '../../test/harness.js';

describe.each(testDialects())('health and the API document on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(() => t?.close());

  it('reports the server and database without authentication', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', version: '0.1.0', database: { dialect, ok: true } });
  });

  it('publishes an OpenAPI 3.1 document with every /api/v1 route of the route table', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const document = response.json() as { openapi: string; info: { version: string }; paths: Record<string, Record<string, unknown>> };
    expect(document.openapi).toBe('3.1.0');
    expect(document.info.version).toBe('0.1.0');
    const routes = t.app.routeTable.filter((r) => r.url.startsWith('/api/v1/') && r.method !== 'HEAD');
    expect(routes.length).toBeGreaterThanOrEqual(25);
    const missing = routes
      .map((r) => ({ path: r.url.replace(/:([A-Za-z0-9_]+)/g, '{$1}'), method: r.method.toLowerCase() }))
      .filter(({ path, method }) => !document.paths[path]?.[method])
      .map(({ path, method }) => `${method} ${path}`);
    expect(missing).toEqual([]);
    // …and nothing else: the docs and the document itself are hidden.
    const documented = Object.entries(document.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m} ${path}`));
    expect(documented.length).toBe(routes.length);
    expect(Object.keys(document.paths).every((p) => p.startsWith('/api/v1/'))).toBe(true);
  });

  it('serves the browsable docs', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/docs' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
  });
});

describe('health of an unreachable database', () => {
  it('reports 503 degraded', async () => {
    // Nothing listens on port 1: every query fails to connect.
    const database = connect('postgres://postgres@127.0.0.1:1/nowhere');
    const app = await buildTestApp(database);
    try {
      const response = await app.inject({ method: 'GET', url: '/api/v1/health' });
      expect(response.statusCode).toBe(503);
      expect(response.json()).toEqual({ status: 'degraded', version: '0.1.0', database: { dialect: 'postgres', ok: false } });
    } finally {
      await app.close();
      await database.close();
    }
  });
});
