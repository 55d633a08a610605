import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deal, StageHistoryEntry } from '../../../core/deals/schemas.js';
import type { Stage } from '../../../core/stages/schemas.js';
import { testDialects } from '../../test/databases.js';
import { auditRowsFor } from '../../test/db-inspect.js';
import { buildProject, inviteUser, type Session, signupOwner, startTestApp, type TestApp } from '../../test/harness.js';
import { failAuditWrites, salesDigest } from '../deals/test-support.js';

describe.each(testDialects())('stages on %s', (dialect) => {
  let t: TestApp;
  let owner: Session;
  let member: Session;
  let projectId: string;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    owner = await signupOwner(t.app, { locale: 'zh-CN' });
    member = await inviteUser(t.app, owner, 'member');
    projectId = (await buildProject(owner)).id;
  });
  afterAll(() => t?.close());

  const stages = async () => (await owner.request('GET', '/stages')).json().items as Stage[];
  const byKey = async (key: string) => (await stages()).find((s) => s.key === key) as Stage;

  it('gives a new workspace the default stages of SPEC §4.1 in the owner’s language', async () => {
    expect((await stages()).map((s) => [s.key, s.name, s.probability, s.position, s.kind])).toEqual([
      ['lead', '线索', 0.1, 0, 'open'],
      ['qualified', '需求确认', 0.2, 1, 'open'],
      ['proposal', '方案报价', 0.4, 2, 'open'],
      ['negotiation', '商务谈判', 0.6, 3, 'open'],
      ['contract', '合同签署', 0.8, 4, 'open'],
      ['won', '赢单', 1, 5, 'won'],
      ['lost', '输单', 0, 6, 'lost'],
    ]);
    const one = await owner.request('GET', `/stages/${(await byKey('proposal')).id}`);
    expect(one.headers.etag).toBe('"1"');
  });

  it('seeds the defaults lazily for a workspace made before stages existed', async () => {
    const other = await signupOwner(t.app, { workspaceName: 'Old Co', locale: 'en' });
    await t.database.db.deleteFrom('stages').where('workspace_id', '=', other.workspaceId).execute();
    const list = (await other.request('GET', '/stages')).json().items as Stage[];
    expect(list.map((s) => s.name)).toEqual(['Lead', 'Qualified', 'Proposal', 'Negotiation', 'Contract', 'Won', 'Lost']);
    expect((await other.request('GET', '/stages')).json().items).toEqual(list);
  });

  it('adds a stage (key from the name, unique), places it, and renames, re-weights and reorders with versions', async () => {
    const created = await owner.request('POST', '/stages', { name: 'Technical review', probability: 0.5, position: 3 });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ key: 'technical-review', position: 3, kind: 'open', version: 1 });
    const chinese = await owner.request('POST', '/stages', { name: '样品测试', probability: 0.3 });
    expect(chinese.json()).toMatchObject({ key: 'stage', position: 6 });
    expect((await owner.request('POST', '/stages', { name: 'Dup', probability: 0.3, key: 'lead' })).statusCode).toBe(409);
    expect((await stages()).map((s) => s.key)).toEqual([
      'lead',
      'qualified',
      'proposal',
      'technical-review',
      'negotiation',
      'contract',
      'stage',
      'won',
      'lost',
    ]);
    const id = created.json().id;
    const renamed = await owner.request('PATCH', `/stages/${id}`, { name: 'Tech review', probability: 0.55, position: 0, version: 1 });
    expect(renamed.json()).toMatchObject({ name: 'Tech review', probability: 0.55, position: 0, version: 2 });
    expect((await stages()).map((s) => [s.key, s.position])).toEqual([
      ['technical-review', 0],
      ['lead', 1],
      ['qualified', 2],
      ['proposal', 3],
      ['negotiation', 4],
      ['contract', 5],
      ['stage', 6],
      ['won', 7],
      ['lost', 8],
    ]);
    const before = await salesDigest(t.database.db);
    expect((await owner.request('PATCH', `/stages/${id}`, { name: 'Stale', version: 1 })).statusCode).toBe(409);
    expect((await owner.request('PATCH', `/stages/${id}`, { name: 'Stale' }, { 'if-match': '"1"' })).statusCode).toBe(412);
    const won = await byKey('won');
    expect((await owner.request('PATCH', `/stages/${won.id}`, { probability: 0.9 })).statusCode).toBe(422);
    expect((await owner.request('PATCH', `/stages/${won.id}`, { position: 0 })).statusCode).toBe(422);
    expect((await owner.request('DELETE', `/stages/${won.id}`)).statusCode).toBe(422);
    expect((await owner.request('PATCH', `/stages/${id}`, { probability: 1.5 })).json().error.details[0].path).toBe('probability');
    expect((await owner.request('POST', '/stages', { name: 'x', probability: 0.1, key: 'Bad Key' })).json().error.details[0].path).toBe(
      'key',
    );
    expect(await salesDigest(t.database.db)).toEqual(before);
    expect((await owner.request('PATCH', `/stages/${won.id}`, { name: 'Signed' })).json()).toMatchObject({ name: 'Signed', version: 2 });
  });

  it('lets only owners and admins change stages (403); everyone reads them', async () => {
    expect((await member.request('GET', '/stages')).statusCode).toBe(200);
    const lead = await byKey('lead');
    expect((await member.request('POST', '/stages', { name: 'Mine', probability: 0.1 })).statusCode).toBe(403);
    expect((await member.request('PATCH', `/stages/${lead.id}`, { name: 'Mine' })).statusCode).toBe(403);
    expect((await member.request('DELETE', `/stages/${lead.id}`)).statusCode).toBe(403);
  });

  it('deletes an open stage and moves its deals (to moveTo, or the stage before it) with history, in one transaction', async () => {
    const deal = async (title: string, stage: string) =>
      (await owner.request('POST', `/projects/${projectId}/deals`, { title, stage })).json() as Deal;
    const a = await deal('Moved A', 'stage');
    const b = await deal('Moved B', 'stage');
    const target = await deal('Already there', 'contract');
    const doomed = await byKey('stage');
    expect((await owner.request('DELETE', `/stages/${doomed.id}?moveTo=won`)).statusCode).toBe(422);
    expect((await owner.request('DELETE', `/stages/${doomed.id}?moveTo=${doomed.key}`)).statusCode).toBe(422);
    expect((await owner.request('DELETE', `/stages/${doomed.id}`, undefined, { 'if-match': '"7"' })).statusCode).toBe(412);
    const removed = await owner.request('DELETE', `/stages/${doomed.id}?moveTo=contract`);
    expect(removed.statusCode).toBe(204);
    expect((await stages()).some((s) => s.key === 'stage')).toBe(false);
    for (const moved of [a, b]) {
      const now = (await owner.request('GET', `/deals/${moved.id}`)).json() as Deal;
      expect(now).toMatchObject({ stage: 'contract', version: 2 });
      const stays = (await owner.request('GET', `/deals/${moved.id}/stage-history`)).json().items as StageHistoryEntry[];
      expect(stays.map((s) => [s.stage, s.leftAt === null])).toEqual([
        ['stage', false],
        ['contract', true],
      ]);
    }
    const column = (await owner.request('GET', `/projects/${projectId}/pipeline`))
      .json()
      .columns.find((c: { stage: string }) => c.stage === 'contract');
    expect(column.cards.map((c: { title: string }) => c.title)).toEqual([target.title, 'Moved A', 'Moved B']);
    expect((await auditRowsFor(t.database.db, doomed.id)).at(-1)).toMatchObject({
      action: 'delete',
      after: { movedDealsTo: 'contract', deals: 2 },
    });
    // Default target: the open stage before it.
    const review = await byKey('technical-review');
    const c = await deal('In review', 'technical-review');
    const first = await owner.request('DELETE', `/stages/${review.id}`);
    expect(first.statusCode).toBe(204);
    expect(((await owner.request('GET', `/deals/${c.id}`)).json() as Deal).stage).toBe('lead');
    expect((await stages()).map((s) => s.position)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('answers the median days per stage from the stage history', async () => {
    const durations = await owner.request('GET', '/stages/durations');
    expect(durations.statusCode).toBe(200);
    expect(durations.json().items.map((d: { stage: string }) => d.stage)).toEqual(['stage', 'technical-review']);
  });

  it('keeps nothing of a stage change whose audit row cannot be written', async () => {
    const lead = await byKey('lead');
    const qualified = await byKey('qualified');
    await owner.request('POST', `/projects/${projectId}/deals`, { title: 'Sits in qualified', stage: 'qualified' });
    await failAuditWrites(t.database.db, dialect, true);
    try {
      const before = await salesDigest(t.database.db);
      expect((await owner.request('POST', '/stages', { name: 'Never', probability: 0.1 })).statusCode).toBe(500);
      expect((await owner.request('PATCH', `/stages/${lead.id}`, { name: 'Never' })).statusCode).toBe(500);
      expect((await owner.request('DELETE', `/stages/${qualified.id}`)).statusCode).toBe(500);
      expect(await salesDigest(t.database.db)).toEqual(before);
    } finally {
      await failAuditWrites(t.database.db, dialect, false);
    }
  });
});
