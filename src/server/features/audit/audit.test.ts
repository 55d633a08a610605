import type { InjectOptions } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../core/audit/schemas.js';
import type { Db, Dialect } from '../../db/database.js';
import type { RouteEntry } from '../../http/access.js';
import { testDialects } from '../../test/databases.js';
import { countRows, digestTables, idsOfWorkspace, sampleIds } from '../../test/db-inspect.js';
import { buildProject, inviteUser, PASSWORD, type Session, signupOwner, startTestApp, type TestApp } from '../../test/harness.js';
import { bodyFor } from '../../test/route-hints.js';
import { fillPath, loadRouteTable, pathParams } from '../../test/route-table.js';
import { inputJsonSchema, isZodSchema, type Json, validValue } from '../../test/schema-values.js';

describe.each(testDialects())('project history on %s', (dialect) => {
  let t: TestApp;
  let owner: Session;
  let mia: Session;
  let gus: Session;
  let max: Session;
  let projectId: string;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    owner = await signupOwner(t.app);
    mia = await inviteUser(t.app, owner, 'member', 'Mia Member');
    gus = await inviteUser(t.app, owner, 'guest', 'Gus Guest');
    max = await inviteUser(t.app, owner, 'member', 'Max Manager');
    projectId = (await buildProject(owner, { name: 'Watched' })).id;
    await owner.request('PATCH', `/projects/${projectId}`, { name: 'Watched closely' });
    const miaMember = (await owner.request('POST', `/projects/${projectId}/members`, { userId: mia.userId })).json();
    await owner.request('POST', `/projects/${projectId}/members`, { userId: max.userId, role: 'manager' });
    await owner.request('PATCH', `/members/${miaMember.id}`, { role: 'finance' });
    await owner.request('DELETE', `/members/${miaMember.id}`);
    await owner.request('POST', `/projects/${projectId}/members`, { userId: mia.userId, role: 'sales' });
  });
  afterAll(() => t?.close());

  const history = async (session: Session, query = '') => session.request('GET', `/projects/${projectId}/history${query}`);

  it('lists every change of the project, newest first, with actor, before and after', async () => {
    const response = await history(owner);
    expect(response.statusCode).toBe(200);
    const items = response.json().items as AuditEntry[];
    expect(response.json().nextCursor).toBeNull();
    expect(items.map((i) => `${i.entityType} ${i.action}`).sort()).toEqual(
      [
        'project create',
        'member create',
        'project update',
        'member create',
        'member create',
        'member update',
        'member delete',
        'member create',
      ].sort(),
    );
    expect(items.map((i) => i.id)).toEqual(
      items
        .map((i) => i.id)
        .sort()
        .reverse(),
    );
    for (const item of items) expect(item).toMatchObject({ actorId: owner.userId, actorName: 'Olivia Owner' });
    const rename = items.find((i) => i.entityType === 'project' && i.action === 'update')!;
    expect(rename.before).toMatchObject({ name: 'Watched', version: 1 });
    expect(rename.after).toMatchObject({ name: 'Watched closely', version: 2 });
    const roleChange = items.find((i) => i.action === 'update' && i.entityType === 'member')!;
    expect([roleChange.before?.role, roleChange.after?.role]).toEqual(['sales', 'finance']);
    const removal = items.find((i) => i.action === 'delete')!;
    expect(removal).toMatchObject({ before: { userId: mia.userId, role: 'finance' }, after: null });
    // The route shows exactly what the database holds.
    const rows = (await t.database.db.selectFrom('audit_log').select('id').where('project_id', '=', projectId).execute()).map((r) => r.id);
    expect(items.map((i) => i.id).sort()).toEqual(rows.sort());
  });

  it('puts the changes of one transaction in the order they happened (newest first)', async () => {
    for (let i = 0; i < 5; i++) {
      const { id } = await buildProject(owner, { name: `Ordered ${i}` });
      const items = (await owner.request('GET', `/projects/${id}/history`)).json().items as AuditEntry[];
      // The project is created, then its creator joins it as manager, in one transaction (often one millisecond).
      expect(items.map((item) => `${item.entityType} ${item.action}`)).toEqual(['member create', 'project create']);
    }
  });

  it('pages by cursor without gaps or repeats and filters by entity type', async () => {
    const all = ((await history(owner)).json().items as AuditEntry[]).map((i) => i.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    const sizes: number[] = [];
    do {
      const page: { items: AuditEntry[]; nextCursor: string | null } = (
        await history(owner, `?limit=3${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      sizes.push(page.items.length);
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor && sizes.length < 10);
    expect(sizes).toEqual([3, 3, 2]);
    expect(seen).toEqual(all);
    const members = (await history(owner, '?entityType=member')).json().items as AuditEntry[];
    expect(members.map((i) => i.entityType)).toEqual(Array(6).fill('member'));
  });

  it('writes no history for refused changes (409, 412, 403, 422, 400)', async () => {
    const before = await countRows(t.database.db, 'audit_log');
    expect((await owner.request('PATCH', `/projects/${projectId}`, { name: 'Stale', version: 1 })).statusCode).toBe(409);
    expect((await owner.request('PATCH', `/projects/${projectId}`, { name: 'Stale' }, { 'if-match': '"1"' })).statusCode).toBe(412);
    expect((await mia.request('PATCH', `/projects/${projectId}`, { name: 'Not mine' })).statusCode).toBe(403);
    expect((await owner.request('PATCH', `/projects/${projectId}`, { endDate: '2000-01-01' })).statusCode).toBe(422);
    expect((await owner.request('PATCH', `/projects/${projectId}`, { name: '' })).statusCode).toBe(400);
    expect((await owner.request('POST', `/projects/${projectId}/members`, { userId: mia.userId })).statusCode).toBe(409);
    expect(await countRows(t.database.db, 'audit_log')).toBe(before);
  });

  it('shows the history to managers and admins only: 403 for other members, 404 for guests off the project', async () => {
    expect((await history(max)).statusCode).toBe(200);
    const member = await history(mia);
    expect(member.statusCode).toBe(403);
    expect(member.json().error.code).toBe('FORBIDDEN');
    expect((await history(gus)).statusCode).toBe(404);
    expect((await owner.request('GET', '/projects/unknown/history')).statusCode).toBe(404);
  });
});

// ---------------------------------------------------------------------------------------------------

const routes = await loadRouteTable();
const WRITES = routes.filter((r) => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(r.method) && r.url.startsWith('/api/v1/'));

/** Bounds of the search for a request that writes, per route (enough for every route so far; raise with care). */
const MAX_TARGETS = 6;
const MAX_ATTEMPTS = 120;

/** Tables of bookkeeping, not of things users see: a plan's revision counter (bumped to lock the plan), sign-in counters, sessions. */
const BOOKKEEPING = new Set(['plan_revisions', 'rate_limits', 'sessions']);

/** Writes that change no workspace object and so record nothing (sessions and rate-limit counters; a check of an unsaved draft). */
const NOT_AUDITED = new Set(['POST /api/v1/auth/login', 'POST /api/v1/auth/logout', 'POST /api/v1/goals/smart']);

async function failAuditWrites(db: Db, dialect: Dialect, on: boolean): Promise<void> {
  if (dialect === 'sqlite') {
    await sql`drop trigger if exists audit_unavailable`.execute(db);
    if (on)
      await sql`create trigger audit_unavailable before insert on audit_log begin select raise(abort, 'audit unavailable'); end`.execute(
        db,
      );
    return;
  }
  await sql`drop trigger if exists audit_unavailable on audit_log`.execute(db);
  if (!on) return;
  await sql`create or replace function audit_unavailable() returns trigger language plpgsql as $$ begin raise exception 'audit unavailable'; end $$`.execute(
    db,
  );
  await sql`create trigger audit_unavailable before insert on audit_log for each row execute function audit_unavailable()`.execute(db);
}

describe.each(testDialects())('every write and its audit row, one transaction, on %s', (dialect) => {
  let t: TestApp;
  let owner: Session;
  const hints: Record<string, Record<string, Json>> = {};

  beforeAll(async () => {
    t = await startTestApp(dialect);
    owner = await signupOwner(t.app, { demo: true });
    const mia = await inviteUser(t.app, owner, 'member', 'Mia Member');
    await inviteUser(t.app, owner, 'guest', 'Gus Guest');
    const inviteToken = (await owner.request('POST', '/invitations', {})).json().token;
    for (const name of ['First', 'Second', 'Third']) {
      const project = await buildProject(owner, { name });
      await owner.request('POST', `/projects/${project.id}/members`, { userId: mia.userId });
    }
    await owner.request('POST', '/tokens', { name: 'One' });
    await owner.request('POST', '/tokens', { name: 'Two' });
    await owner.request('POST', '/invitations', {});
    await owner.request('POST', '/invitations', {});
    // Inputs no schema can tell: secrets that must be right for the write to happen.
    hints['POST /api/v1/auth/signup'] = { password: PASSWORD };
    hints['POST /api/v1/auth/accept-invitation'] = { token: inviteToken, password: PASSWORD, email: 'invited.person@example.com' };
    hints['POST /api/v1/me/password'] = { currentPassword: PASSWORD, newPassword: 'Brand-New-Secret-99' };
  });
  afterAll(() => t?.close());

  /** Valid bodies likely to change something: minimal, full, one field at a time, ids of the workspace in `…Id` fields. */
  function bodies(route: RouteEntry, ids: Map<string, string>, version: number | null): (string | undefined)[] {
    const schema = (route.schema as Record<string, unknown> | undefined)?.body;
    if (!isZodSchema(schema)) return [undefined];
    const byTable = new Map<string, string[]>();
    for (const [id, table] of ids) byTable.set(table, [...(byTable.get(table) ?? []), id]);
    const properties = inputJsonSchema(schema).properties ?? {};
    const hint: Record<string, Json> = { ...(hints[`${route.method} ${route.url}`] ?? {}) };
    if (version !== null && 'version' in properties) hint.version = version;
    const out: (string | undefined)[] = [];
    const add = (make: () => Json) => {
      try {
        const value = make();
        if (schema.safeParse(value).success) out.push(JSON.stringify(value));
      } catch {
        // no valid body of this shape
      }
    };
    add(() => validValue(schema, { overrides: hint }));
    const idFields = Object.keys(properties).filter((name) => /(^id|Id|Ids)$/.test(name));
    let full: Record<string, Json> = {};
    try {
      full = validValue(schema, { full: true, overrides: hint }) as Record<string, Json>;
    } catch {
      // no full body
    }
    add(() => full);
    add(() => Object.fromEntries(Object.entries(full).filter(([field]) => !idFields.includes(field))));
    for (const [field, value] of Object.entries(full)) {
      if (!idFields.includes(field) && field !== 'version') add(() => validValue(schema, { overrides: { ...hint, [field]: value } }));
    }
    // Several `…Id` fields (a dependency's two tasks): ids of one kind in all of them; then one field at a time.
    if (idFields.length === 2) {
      for (const list of byTable.values()) {
        for (const a of list)
          for (const b of list) if (a !== b) add(() => validValue(schema, { overrides: { ...hint, [idFields[0]]: a, [idFields[1]]: b } }));
      }
    }
    add(() => validValue(schema, { overrides: { ...hint, ...Object.fromEntries(idFields.map((f) => [f, null])) } }));
    for (const field of idFields) for (const id of ids.keys()) add(() => validValue(schema, { overrides: { ...hint, [field]: id } }));
    return [...new Set(out)];
  }

  it('keeps nothing of a write whose audit row cannot be written, and every write route writes one', async () => {
    // A few ids of every kind (not every row of the demo data): enough to reach each route's write.
    const ids = sampleIds(await idsOfWorkspace(t.database.db, owner.workspaceId), 3);
    ids.delete(owner.userId);
    const send = (route: RouteEntry, url: string, payload: string | undefined) => {
      const { payload: body, contentType } = bodyFor(`${route.method} ${route.url}`, payload);
      return t.app.inject({
        method: route.method as InjectOptions['method'],
        url,
        payload: body,
        headers: { cookie: owner.cookie, 'x-csrf-token': owner.csrf, ...(contentType ? { 'content-type': contentType } : {}) },
      });
    };
    const unaudited: string[] = [];
    const notKept: string[] = [];
    // Deletions last, newest object first: a replayed deletion must not take the other routes' objects with it.
    const ordered = [...WRITES.filter((r) => r.method !== 'DELETE'), ...WRITES.filter((r) => r.method === 'DELETE')];
    for (const route of ordered) {
      const key = `${route.method} ${route.url}`;
      if (NOT_AUDITED.has(key)) continue;
      const targets: { url: string; version: number | null }[] = [];
      // Which ids fit the path: those the item's GET finds (`/deals/:id` for `/deals/:id/win`), else those its list shows.
      const itemUrl = route.url.replace(/(\/:[A-Za-z]+).*$/, '$1');
      const sibling = routes.find((r) => r.method === 'GET' && r.url === itemUrl);
      const list = routes.find((r) => r.method === 'GET' && r.url === route.url.replace(/\/:[A-Za-z]+.*$/, ''));
      let candidates = [...ids.keys()];
      if (!sibling && list && pathParams(route.url).length > 0) {
        const listed = JSON.stringify((await owner.request('GET', list.url.replace('/api/v1', ''))).json());
        candidates = candidates.filter((id) => listed.includes(`"${id}"`));
      }
      for (const id of pathParams(route.url).length > 0 ? candidates : ['']) {
        if (targets.length >= MAX_TARGETS) break;
        const url = id ? fillPath(route.url, encodeURIComponent(id)) : route.url;
        if (!sibling || !id) {
          targets.push({ url, version: null });
          continue;
        }
        const current = await owner.request('GET', fillPath(itemUrl, encodeURIComponent(id)).replace('/api/v1', ''));
        if (current.statusCode === 200)
          targets.push({ url, version: typeof current.json().version === 'number' ? current.json().version : null });
      }
      if (route.method === 'DELETE') targets.reverse();
      let attempts = 0;
      await failAuditWrites(t.database.db, dialect, true);
      const before = await digestTables(t.database.db);
      let reached: { url: string; payload: string | undefined } | null = null;
      search: for (const { url, version } of targets) {
        for (const payload of bodies(route, ids, version)) {
          if (++attempts > MAX_ATTEMPTS) break search;
          const response = await send(route, url, payload);
          if (response.statusCode === 500) {
            reached = { url, payload };
            break search;
          }
        }
      }
      const after = await digestTables(t.database.db);
      await failAuditWrites(t.database.db, dialect, false);
      if (!reached) {
        unaudited.push(key);
        continue;
      }
      // A success that changes nothing (a no-op PATCH, a move to where it is) needs no audit row: only changes count.
      const changed = Object.keys(after).filter((table) => after[table] !== before[table] && !BOOKKEEPING.has(table));
      if (changed.length > 0) notKept.push(`${key} changed ${changed.join(', ')} while the audit log refused writes`);
      // The same request goes through once the audit log takes writes again: it was the audit row that failed.
      const replay = await send(route, reached.url, reached.payload);
      expect({ key, status: replay.statusCode < 300 ? 'ok' : replay.body }).toEqual({ key, status: 'ok' });
    }
    // A write route listed here changed something without an audit row (or could not be driven to a write: add a hint).
    expect(unaudited).toEqual([]);
    expect(notKept).toEqual([]);
    // Drives every write route of the app several times: minutes on a loaded two-core machine, not seconds.
  }, 180_000);
});
