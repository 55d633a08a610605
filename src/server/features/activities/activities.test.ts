import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Activity } from '../../../core/activities/schemas.js';
import { testDialects } from '../../test/databases.js';
import { auditRowsFor } from '../../test/db-inspect.js';
import { buildProject, inviteUser, type Session, signupOwner, startTestApp, type TestApp } from '../../test/harness.js';
import { failAuditWrites, salesDigest } from '../deals/test-support.js';

describe.each(testDialects())('activities on %s', (dialect) => {
  let t: TestApp;
  let owner: Session;
  let sam: Session;
  let outsider: Session;
  let dealId: string;
  let contactId: string;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    owner = await signupOwner(t.app);
    sam = await inviteUser(t.app, owner, 'member', 'Sam Sales');
    outsider = await signupOwner(t.app, { workspaceName: 'Elsewhere Ltd' });
    const projectId = (await buildProject(owner)).id;
    dealId = (await owner.request('POST', `/projects/${projectId}/deals`, { title: 'Timeline deal' })).json().id;
    contactId = (await owner.request('POST', '/contacts', { name: 'Anna' })).json().id;
  });
  afterAll(() => t?.close());

  it('logs activities (by the caller, now, unless given) and answers the timeline newest first', async () => {
    const call = await owner.request('POST', `/deals/${dealId}/activities`, {
      type: 'call',
      outcome: 'Budget confirmed',
      nextStep: 'Send quote',
    });
    expect(call.statusCode).toBe(201);
    expect(call.json()).toMatchObject({
      dealId,
      type: 'call',
      userId: owner.userId,
      userName: 'Olivia Owner',
      contactId: null,
      version: 1,
    });
    const visit = await owner.request('POST', `/deals/${dealId}/activities`, {
      type: 'visit',
      at: '2027-01-04T09:30:00+08:00',
      userId: sam.userId,
      contactId,
      outcome: '现场调研',
    });
    expect(visit.json()).toMatchObject({ at: '2027-01-04T01:30:00.000Z', userName: 'Sam Sales', contactId });
    const { userName: _u, ...audited } = visit.json() as Activity;
    expect(await auditRowsFor(t.database.db, visit.json().id)).toEqual([expect.objectContaining({ action: 'create', after: audited })]);
    const list = (await owner.request('GET', `/deals/${dealId}/activities`)).json().items as Activity[];
    expect(list.map((a) => a.type)).toEqual(['visit', 'call']);
    expect(
      ((await owner.request('GET', `/deals/${dealId}/activities?sort=at&type=visit`)).json().items as Activity[]).map((a) => a.type),
    ).toEqual(['visit']);
    for (const [body, path] of [
      [{ type: 'lunch' }, 'type'],
      [{ type: 'call', at: 'yesterday' }, 'at'],
      [{ type: 'call', outcome: 'o'.repeat(10_001) }, 'outcome'],
    ] as const) {
      expect((await owner.request('POST', `/deals/${dealId}/activities`, body)).json().error.details[0].path).toBe(path);
    }
    expect((await owner.request('POST', `/deals/${dealId}/activities`, { type: 'call', userId: outsider.userId })).statusCode).toBe(422);
    expect((await owner.request('POST', `/deals/${dealId}/activities`, { type: 'call', contactId: 'nope' })).statusCode).toBe(422);
  });

  it('changes and deletes an activity with versions; another workspace gets 404', async () => {
    const activity = (await owner.request('POST', `/deals/${dealId}/activities`, { type: 'note', outcome: 'draft' })).json() as Activity;
    const changed = await owner.request('PATCH', `/activities/${activity.id}`, { outcome: 'final', type: 'email', version: 1 });
    expect(changed.json()).toMatchObject({ outcome: 'final', type: 'email', version: 2 });
    const before = await salesDigest(t.database.db);
    expect((await owner.request('PATCH', `/activities/${activity.id}`, { outcome: 'x', version: 1 })).statusCode).toBe(409);
    expect((await owner.request('PATCH', `/activities/${activity.id}`, { outcome: 'x' }, { 'if-match': '"1"' })).statusCode).toBe(412);
    expect((await outsider.request('GET', `/activities/${activity.id}`)).statusCode).toBe(404);
    expect((await outsider.request('DELETE', `/activities/${activity.id}`)).statusCode).toBe(404);
    expect((await outsider.request('GET', `/deals/${dealId}/activities`)).statusCode).toBe(404);
    expect(await salesDigest(t.database.db)).toEqual(before);
    expect((await owner.request('GET', `/activities/${activity.id}`)).headers.etag).toBe('"2"');
    expect((await owner.request('DELETE', `/activities/${activity.id}`)).statusCode).toBe(204);
    expect((await owner.request('GET', `/activities/${activity.id}`)).statusCode).toBe(404);
  });

  it('keeps nothing of an activity write whose audit row cannot be written', async () => {
    const activity = (await owner.request('POST', `/deals/${dealId}/activities`, { type: 'note' })).json() as Activity;
    await failAuditWrites(t.database.db, dialect, true);
    try {
      const before = await salesDigest(t.database.db);
      expect((await owner.request('POST', `/deals/${dealId}/activities`, { type: 'call' })).statusCode).toBe(500);
      expect((await owner.request('PATCH', `/activities/${activity.id}`, { outcome: 'x' })).statusCode).toBe(500);
      expect((await owner.request('DELETE', `/activities/${activity.id}`)).statusCode).toBe(500);
      expect(await salesDigest(t.database.db)).toEqual(before);
    } finally {
      await failAuditWrites(t.database.db, dialect, false);
    }
  });
});
