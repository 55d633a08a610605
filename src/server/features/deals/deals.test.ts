import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageOf } from '../../../core/common/schemas.js';
import { Deal, type Pipeline, type StageHistoryEntry } from '../../../core/deals/schemas.js';
import { todayIn } from '../../clock.js';
import { testDialects } from '../../test/databases.js';
import { auditRowsFor } from '../../test/db-inspect.js';
import { buildProject, inviteUser, type Session, signupOwner, startTestApp, type TestApp } from '../../test/harness.js';
import { failAuditWrites, salesDigest } from './test-support.js';

const DealPage = pageOf(Deal);

describe.each(testDialects())('deals on %s', (dialect) => {
  let t: TestApp;
  let owner: Session;
  let sam: Session;
  let viewer: Session;
  let outsider: Session;
  let projectId: string;
  let accountId: string;
  let outsiderAccountId: string;
  const TZ = 'Pacific/Kiritimati';

  beforeAll(async () => {
    t = await startTestApp(dialect);
    owner = await signupOwner(t.app, { timeZone: TZ });
    sam = await inviteUser(t.app, owner, 'member', 'Sam Sales');
    viewer = await inviteUser(t.app, owner, 'member', 'Vic Viewer');
    outsider = await signupOwner(t.app, { workspaceName: 'Elsewhere Ltd' });
    projectId = (await buildProject(owner, { name: 'Deals project' })).id;
    await owner.request('POST', `/projects/${projectId}/members`, { userId: sam.userId, role: 'sales' });
    await owner.request('POST', `/projects/${projectId}/members`, { userId: viewer.userId, role: 'viewer' });
    accountId = (await owner.request('POST', '/accounts', { name: 'Acme 上海' })).json().id;
    outsiderAccountId = (await outsider.request('POST', '/accounts', { name: 'Hidden' })).json().id;
  });
  afterAll(() => t?.close());

  const create = async (body: Record<string, unknown>, session = owner) => {
    const response = await session.request('POST', `/projects/${projectId}/deals`, body);
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as Deal;
  };
  const read = async (id: string) => (await owner.request('GET', `/deals/${id}`)).json() as Deal;
  const history = async (id: string) => (await owner.request('GET', `/deals/${id}/stage-history`)).json().items as StageHistoryEntry[];
  const board = async (query = '') => (await owner.request('GET', `/projects/${projectId}/pipeline${query}`)).json() as Pipeline;

  it('creates a deal with defaults (first open stage, project currency, caller as owner), its first stay and audit row', async () => {
    const response = await owner.request('POST', `/projects/${projectId}/deals`, { title: 'Widgets', accountId, amount: 1_250_000 });
    expect(response.statusCode).toBe(201);
    expect(response.headers.etag).toBe('"1"');
    const deal = response.json() as Deal;
    expect(deal).toEqual({
      id: expect.any(String),
      projectId,
      title: 'Widgets',
      accountId,
      accountName: 'Acme 上海',
      contactId: null,
      amount: 1_250_000,
      currency: 'CNY',
      stage: 'lead',
      probability: null,
      expectedCloseDate: null,
      closeDate: null,
      status: 'open',
      ownerId: owner.userId,
      source: '',
      lostReason: '',
      contract: null,
      rank: expect.any(String),
      stageEnteredAt: expect.stringMatching(/Z$/),
      createdAt: deal.stageEnteredAt,
      updatedAt: deal.stageEnteredAt,
      version: 1,
    });
    expect(await read(deal.id)).toEqual(deal);
    expect(await history(deal.id)).toEqual([
      {
        id: expect.any(String),
        stage: 'lead',
        stageName: 'Lead',
        enteredAt: deal.stageEnteredAt,
        leftAt: null,
        enteredBy: owner.userId,
        enteredByName: 'Olivia Owner',
        leftBy: null,
      },
    ]);
    const { accountName: _a, ...audited } = deal;
    expect(await auditRowsFor(t.database.db, deal.id)).toEqual([
      expect.objectContaining({ entity_type: 'deal', action: 'create', project_id: projectId, actor_id: owner.userId, after: audited }),
    ]);
  });

  it('creates won and lost deals directly (close date today in the caller’s time zone; a lost one needs its reason)', async () => {
    const won = await create({ title: 'Signed', stage: 'won', amount: 100, contract: { number: 'HT-1', termMonths: 12 } });
    expect(won).toMatchObject({ status: 'won', stage: 'won', closeDate: todayIn(TZ) });
    expect(won.contract).toEqual({ number: 'HT-1', value: null, signedDate: null, termMonths: 12 });
    const noReason = await owner.request('POST', `/projects/${projectId}/deals`, { title: 'Gone', stage: 'lost' });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.json().error.details).toEqual({ field: 'lostReason' });
    const lost = await create({ title: 'Gone', stage: 'lost', lostReason: 'Budget cut', closeDate: '2027-01-05' });
    expect(lost).toMatchObject({ status: 'lost', closeDate: '2027-01-05', lostReason: 'Budget cut' });
    for (const body of [
      { title: 'Open with close date', closeDate: '2027-01-01' },
      { title: 'Open with contract', contract: { number: 'X' } },
      { title: 'Open with reason', lostReason: 'why' },
    ]) {
      expect((await owner.request('POST', `/projects/${projectId}/deals`, body)).statusCode).toBe(422);
    }
  });

  it('validates input (400 naming the field) and references (422), writing nothing', async () => {
    const before = await salesDigest(t.database.db);
    const cases: [Record<string, unknown>, string][] = [
      [{ title: '' }, 'title'],
      [{ title: 'x', amount: -1 }, 'amount'],
      [{ title: 'x', amount: 1.5 }, 'amount'],
      [{ title: 'x', amount: 9_000_000_000_001 }, 'amount'],
      [{ title: 'x', currency: 'yuan' }, 'currency'],
      [{ title: 'x', probability: 1.2 }, 'probability'],
      [{ title: 'x', stage: 'Not A Key' }, 'stage'],
      [{ title: 'x', expectedCloseDate: '2027-02-30' }, 'expectedCloseDate'],
      [{ title: 'x', contract: { termMonths: -1 } }, 'contract.termMonths'],
    ];
    for (const [body, path] of cases) {
      const response = await owner.request('POST', `/projects/${projectId}/deals`, body);
      expect({ body, status: response.statusCode, path: response.json().error.details?.[0]?.path }).toEqual({ body, status: 400, path });
    }
    const rules: [Record<string, unknown>, Record<string, unknown>][] = [
      [{ title: 'x', stage: 'nosuchstage' }, { stage: 'nosuchstage' }],
      [{ title: 'x', accountId: outsiderAccountId }, { accountId: outsiderAccountId }],
      [{ title: 'x', ownerId: outsider.userId }, { ownerId: outsider.userId }],
      [{ title: 'x', contactId: 'nope' }, { contactId: 'nope' }],
    ];
    for (const [body, details] of rules) {
      const response = await owner.request('POST', `/projects/${projectId}/deals`, body);
      expect(response.statusCode).toBe(422);
      expect(response.json().error.details).toMatchObject(details);
    }
    expect(await salesDigest(t.database.db)).toEqual(before);
  });

  it('changes a deal; a stale version (409) or If-Match (412) changes nothing; a no-op keeps the version', async () => {
    const deal = await create({ title: 'Patchable', amount: 500 });
    const patched = await owner.request('PATCH', `/deals/${deal.id}`, {
      title: 'Patched',
      amount: 700,
      probability: 0.35,
      expectedCloseDate: '2027-03-31',
      source: 'Referral',
      version: 1,
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.headers.etag).toBe('"2"');
    expect(patched.json()).toMatchObject({ title: 'Patched', amount: 700, probability: 0.35, expectedCloseDate: '2027-03-31', version: 2 });
    const before = await salesDigest(t.database.db);
    expect((await owner.request('PATCH', `/deals/${deal.id}`, { title: 'Lost update', version: 1 })).statusCode).toBe(409);
    expect((await owner.request('PATCH', `/deals/${deal.id}`, { title: 'Lost update' }, { 'if-match': '"1"' })).statusCode).toBe(412);
    const noop = await owner.request('PATCH', `/deals/${deal.id}`, { title: 'Patched', amount: 700 });
    expect(noop.json().version).toBe(2);
    expect(await salesDigest(t.database.db)).toEqual(before);
    // Closing goes through the actions, not PATCH.
    expect((await owner.request('PATCH', `/deals/${deal.id}`, { stage: 'won' })).statusCode).toBe(422);
    expect((await owner.request('PATCH', `/deals/${deal.id}`, { contract: { number: 'C-1' } })).statusCode).toBe(422);
    expect((await owner.request('PATCH', `/deals/${deal.id}`, { accountId: outsiderAccountId })).statusCode).toBe(422);
    // An open stage through PATCH: a new stay at the end of that column.
    const moved = await owner.request('PATCH', `/deals/${deal.id}`, { stage: 'proposal' }, { 'if-match': '"2"' });
    expect(moved.json()).toMatchObject({ stage: 'proposal', version: 3 });
    expect((await history(deal.id)).map((h) => [h.stage, h.leftAt === null])).toEqual([
      ['lead', false],
      ['proposal', true],
    ]);
  });

  it('wins with today in the user’s time zone and a contract, loses with a reason, reopens into the last open stage', async () => {
    const deal = await create({ title: 'Lifecycle', amount: 9_900 });
    await owner.request('POST', `/deals/${deal.id}/move`, { stage: 'negotiation', version: 1 });
    const won = await owner.request('POST', `/deals/${deal.id}/win`, {
      contract: { number: 'HT-2027-001', value: 9_900, signedDate: '2027-01-04', termMonths: 24 },
    });
    expect(won.statusCode).toBe(200);
    expect(won.json()).toMatchObject({
      status: 'won',
      stage: 'won',
      closeDate: todayIn(TZ),
      contract: { number: 'HT-2027-001', value: 9_900, signedDate: '2027-01-04', termMonths: 24 },
      version: 3,
    });
    expect((await owner.request('POST', `/deals/${deal.id}/win`, {})).statusCode).toBe(422);
    expect((await owner.request('POST', `/deals/${deal.id}/lose`, { lostReason: 'x' })).statusCode).toBe(422);
    const reopened = await owner.request('POST', `/deals/${deal.id}/reopen`, { version: 3 });
    expect(reopened.json()).toMatchObject({ status: 'open', stage: 'negotiation', closeDate: null, contract: null, version: 4 });
    expect((await owner.request('POST', `/deals/${deal.id}/lose`, {})).json().error.details[0].path).toBe('lostReason');
    const lost = await owner.request('POST', `/deals/${deal.id}/lose`, { lostReason: 'Went with a competitor', closeDate: '2027-02-01' });
    expect(lost.json()).toMatchObject({ status: 'lost', stage: 'lost', closeDate: '2027-02-01', lostReason: 'Went with a competitor' });
    expect((await owner.request('POST', `/deals/${deal.id}/reopen`, { stage: 'lost' })).statusCode).toBe(422);
    const again = await owner.request('POST', `/deals/${deal.id}/reopen`, { stage: 'qualified' });
    expect(again.json()).toMatchObject({ status: 'open', stage: 'qualified', lostReason: '' });
    expect((await history(deal.id)).map((h) => h.stage)).toEqual(['lead', 'negotiation', 'won', 'negotiation', 'lost', 'qualified']);
    expect((await owner.request('POST', `/deals/${deal.id}/win`, { version: 1 })).statusCode).toBe(409);
  });

  it('moves cards across stages and within a column; the order persists and the stage history records each move', async () => {
    const ids: string[] = [];
    for (const title of ['M1', 'M2', 'M3']) ids.push((await create({ title, stage: 'qualified', amount: 1000 })).id);
    const column = async (stage: string) =>
      (await board()).columns
        .find((c) => c.stage === stage)!
        .cards.filter((c) => c.title.startsWith('M'))
        .map((c) => c.title);
    expect(await column('qualified')).toEqual(['M1', 'M2', 'M3']);
    // M3 to the top of its own column (index 0), then M1 before M2 by id: M3, M1, M2 → M3, M1, M2.
    expect((await owner.request('POST', `/deals/${ids[2]}/move`, { index: 0, version: 1 })).statusCode).toBe(200);
    expect(await column('qualified')).toEqual(['M3', 'M1', 'M2']);
    expect((await owner.request('POST', `/deals/${ids[1]}/move`, { beforeId: ids[2], version: 1 })).statusCode).toBe(200);
    expect(await column('qualified')).toEqual(['M2', 'M3', 'M1']);
    expect((await history(ids[1])).length).toBe(1);
    // Across two stages, by key and then by stage id.
    const proposalId = (await board()).columns.find((c) => c.stage === 'proposal')!.stageId;
    const first = await sam.request('POST', `/deals/${ids[0]}/move`, { stage: 'proposal', version: 1 });
    expect(first.json()).toMatchObject({ stage: 'proposal', version: 2 });
    const second = await sam.request('POST', `/deals/${ids[0]}/move`, { stage: 'negotiation', index: 0, version: 2 });
    expect(second.json()).toMatchObject({ stage: 'negotiation', version: 3 });
    const third = await owner.request('POST', `/deals/${ids[2]}/move`, { stageId: proposalId, index: 5, version: 2 });
    expect(third.json()).toMatchObject({ stage: 'proposal' });
    const stays = await history(ids[0]);
    expect(stays.map((h) => [h.stage, h.enteredByName])).toEqual([
      ['qualified', 'Olivia Owner'],
      ['proposal', 'Sam Sales'],
      ['negotiation', 'Sam Sales'],
    ]);
    expect(stays[0].leftAt).toBe(stays[1].enteredAt);
    expect(stays[1].leftAt).toBe(stays[2].enteredAt);
    expect(stays[2].leftAt).toBeNull();
    expect(stays[1].leftBy).toBe(sam.userId);
    expect(await column('qualified')).toEqual(['M2']);
    // A drop that lost the race: 409, nothing changed.
    const before = await salesDigest(t.database.db);
    const stale = await owner.request('POST', `/deals/${ids[0]}/move`, { stage: 'contract', version: 2 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'STALE_VERSION', details: { currentVersion: 3 } });
    expect(
      (await owner.request('POST', `/deals/${ids[0]}/move`, { stage: 'contract', version: 3 }, { 'if-match': '"2"' })).statusCode,
    ).toBe(412);
    expect((await owner.request('POST', `/deals/${ids[0]}/move`, { stage: 'lost', version: 3 })).statusCode).toBe(422);
    expect((await owner.request('POST', `/deals/${ids[0]}/move`, { beforeId: ids[1], version: 3 })).statusCode).toBe(422);
    expect((await owner.request('POST', `/deals/${ids[0]}/move`, { beforeId: ids[1], index: 1, version: 3 })).statusCode).toBe(400);
    expect((await owner.request('POST', `/deals/${ids[0]}/move`, { stage: 'nosuch', version: 3 })).statusCode).toBe(422);
    expect(await salesDigest(t.database.db)).toEqual(before);
    // Dropping on won wins (close date today); on lost with a reason loses; back on an open stage reopens.
    const won = await owner.request('POST', `/deals/${ids[0]}/move`, { stage: 'won', version: 3 });
    expect(won.json()).toMatchObject({ status: 'won', closeDate: todayIn(TZ) });
    const lost = await owner.request('POST', `/deals/${ids[0]}/move`, { stage: 'lost', lostReason: 'Price', version: 4 });
    expect(lost.json()).toMatchObject({ status: 'lost', lostReason: 'Price' });
    const back = await owner.request('POST', `/deals/${ids[0]}/move`, { stage: 'lead', version: 5 });
    expect(back.json()).toMatchObject({ status: 'open', closeDate: null, lostReason: '', stage: 'lead' });
    expect((await history(ids[0])).map((h) => h.stage)).toEqual(['qualified', 'proposal', 'negotiation', 'won', 'lost', 'lead']);
  });

  it('answers the board: columns in stage order with counts, totals and weighted amounts, compact cards', async () => {
    const other = (await buildProject(owner, { name: 'Board project', currency: 'USD' })).id;
    const make = (body: Record<string, unknown>) => owner.request('POST', `/projects/${other}/deals`, body);
    await make({ title: 'B1', stage: 'lead', amount: 1000, accountId, expectedCloseDate: '2027-03-01' });
    await make({ title: 'B2', stage: 'lead', amount: 3000, probability: 0.5 });
    await make({ title: 'B3', stage: 'proposal', amount: 2000, currency: 'EUR' });
    await make({ title: 'B4', stage: 'won', amount: 5000 });
    await make({ title: 'B5', stage: 'lost', amount: 700, lostReason: 'No budget' });
    const response = await owner.request('GET', `/projects/${other}/pipeline`);
    expect(response.statusCode).toBe(200);
    const pipeline = response.json() as Pipeline;
    expect(pipeline.currency).toBe('USD');
    expect(pipeline.columns.map((c) => [c.stage, c.count, c.amount, c.weightedAmount])).toEqual([
      ['lead', 2, 4000, 1600],
      ['qualified', 0, 0, 0],
      ['proposal', 1, 0, 0],
      ['negotiation', 0, 0, 0],
      ['contract', 0, 0, 0],
      ['won', 1, 5000, 5000],
      ['lost', 1, 700, 0],
    ]);
    expect(pipeline.columns[2].otherCurrencies).toEqual([{ currency: 'EUR', count: 1, amount: 2000, weightedAmount: 800 }]);
    const [b1, b2] = pipeline.columns[0].cards;
    expect(b1).toEqual({
      id: expect.any(String),
      title: 'B1',
      account: 'Acme 上海',
      amount: 1000,
      owner: 0,
      close: '2027-03-01',
      days: 0,
      rank: expect.any(String),
      version: 1,
    });
    expect(b2.title).toBe('B2');
    expect(pipeline.columns[2].cards[0].currency).toBe('EUR');
    expect(pipeline.owners).toEqual([{ id: owner.userId, name: 'Olivia Owner' }]);
    for (const column of pipeline.columns)
      for (const card of column.cards) expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThanOrEqual(250);
    // Filters and the closed-card limit.
    const filtered = (await owner.request('GET', `/projects/${other}/pipeline?amountMin=2000&closedCards=0`)).json() as Pipeline;
    expect(filtered.columns.map((c) => c.count)).toEqual([1, 0, 1, 0, 0, 1, 0]);
    expect(filtered.columns[5].cards).toEqual([]);
    const text = (await owner.request('GET', `/projects/${other}/pipeline?q=acme`)).json() as Pipeline;
    expect(text.columns[0].cards.map((c) => c.title)).toEqual(['B1']);
  });

  it('lists with filters, text search (titles and account names, any script), allow-listed sort and cursor paging', async () => {
    const list = (await buildProject(owner, { name: 'List project' })).id;
    const titles = ['华为云扩容项目', 'Alpha Widgets', 'Beta 华为 pilot', 'Gamma', 'Delta Große Übung'];
    for (const [i, title] of titles.entries()) {
      const r = await owner.request('POST', `/projects/${list}/deals`, {
        title,
        amount: (i + 1) * 1000,
        expectedCloseDate: `2027-0${i + 1}-15`,
        ownerId: i % 2 ? sam.userId : owner.userId,
        accountId: i === 3 ? accountId : null,
      });
      expect(r.statusCode).toBe(201);
    }
    const q = async (query: string) => {
      const r = await owner.request('GET', `/projects/${list}/deals?${query}`);
      expect(r.statusCode, r.body).toBe(200);
      return (r.json().items as Deal[]).map((d) => d.title);
    };
    expect(await q('sort=amount')).toEqual(titles);
    expect(await q('sort=-amount&amountMin=2000&amountMax=4000')).toEqual([titles[3], titles[2], titles[1]]);
    expect(await q(`ownerId=${sam.userId}&sort=title`)).toEqual(['Alpha Widgets', 'Gamma']);
    expect(await q('expectedCloseFrom=2027-02-01&expectedCloseTo=2027-03-31&sort=expectedCloseDate')).toEqual([titles[1], titles[2]]);
    expect(await q('q=华为&sort=amount')).toEqual([titles[0], titles[2]]);
    expect(await q('q=华为云&sort=amount')).toEqual([titles[0]]);
    expect(await q('q=widg')).toEqual(['Alpha Widgets']);
    expect(await q('q=übung')).toEqual([titles[4]]);
    expect(await q('q=acme')).toEqual(['Gamma']);
    expect(await q('q=100%25')).toEqual([]);
    expect(await q('status=won,lost')).toEqual([]);
    expect(await q('stage=lead&sort=-expectedCloseDate')).toEqual([...titles].reverse());
    // Paging by cursor: no gaps, no repeats, in every sort.
    for (const sort of ['title', '-amount', 'expectedCloseDate', '-closeDate', 'createdAt', '-updatedAt']) {
      const all = await q(`sort=${sort}&limit=200`);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const r = await owner.request('GET', `/projects/${list}/deals?sort=${sort}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        seen.push(...(r.json().items as Deal[]).map((d) => d.title));
        cursor = r.json().nextCursor;
      } while (cursor);
      expect({ sort, seen }).toEqual({ sort, seen: all });
    }
    const forged = (v: unknown) => Buffer.from(JSON.stringify({ v, id: 'x' })).toString('base64url');
    for (const bad of [
      'sort=rank',
      'amountMin=-1',
      'status=open,maybe',
      'limit=201',
      'expectedCloseFrom=2027-13-01',
      'cursor=garbage',
      `sort=amount&cursor=${forged('abc')}`,
      `sort=title&cursor=${forged(5)}`,
    ]) {
      expect((await owner.request('GET', `/projects/${list}/deals?${bad}`)).statusCode).toBe(400);
    }
  });

  it('writes each deal of a page as the deal alone is written (the database writes a page, toDeal one deal)', async () => {
    const shapes = (await buildProject(owner, { name: 'Shapes project' })).id;
    const made: Deal[] = [];
    for (const body of [
      { title: 'Plain', amount: 0 },
      { title: 'Quotes "x" \\ back\nslash\t</script> 🚀 上海', accountId, amount: 9_000_000_000_000, probability: 1 / 3 },
      { title: 'Tricky float', amount: 1, probability: 0.1 + 0.2, expectedCloseDate: '2027-02-28', ownerId: null },
      { title: 'Whole probability', amount: 2, probability: 1, currency: 'USD', stage: 'proposal' },
      { title: 'Lost one', amount: 3, stage: 'lost', lostReason: 'Price\n"too high"' },
    ]) {
      const r = await owner.request('POST', `/projects/${shapes}/deals`, body);
      expect(r.statusCode, r.body).toBe(201);
      made.push(r.json());
    }
    const won = await owner.request('POST', `/deals/${made[0].id}/win`, {
      closeDate: '2026-11-02',
      contract: { number: 'HT-2026-001 “甲”', value: 1_234_500, signedDate: '2026-11-01', termMonths: 12 },
    });
    expect(won.statusCode, won.body).toBe(200);
    const bare = await owner.request('POST', `/deals/${made[2].id}/win`, { contract: { number: 'N-2' } });
    expect(bare.statusCode, bare.body).toBe(200);
    const alone = new Map<string, unknown>();
    for (const deal of made) alone.set(deal.id, await read(deal.id));
    // Every path a page is read by: no text, a text (window of candidates, then matches), each sort.
    for (const query of [
      'sort=title',
      'sort=-amount',
      'sort=-closeDate',
      'q=o&sort=title',
      'q=上海',
      'q=acme&sort=-updatedAt',
      'limit=2',
    ]) {
      const r = await owner.request('GET', `/projects/${shapes}/deals?${query}`);
      expect(r.statusCode, r.body).toBe(200);
      expect(r.headers['content-type']).toBe('application/json; charset=utf-8');
      const page = r.json() as { items: Deal[]; nextCursor: string | null };
      expect(page.items.length, query).toBeGreaterThan(0);
      for (const item of page.items) expect(item, query).toEqual(alone.get(item.id));
      // Schema-valid, nothing more than the schema: zod's parse (which strips unknown keys) changes nothing.
      expect(DealPage.parse(page)).toEqual(page);
    }
    expect((await owner.request('GET', `/projects/${shapes}/deals?limit=2`)).json().nextCursor).toEqual(expect.any(String));
  });

  it('reads a deal afresh after any change, though unchanged reads are reused (its own change, its account renamed)', async () => {
    const account = (await owner.request('POST', '/accounts', { name: 'Renamed Later' })).json();
    const deal = await create({ title: 'Read twice', accountId: account.id });
    expect((await read(deal.id)).title).toBe('Read twice');
    expect((await read(deal.id)).title).toBe('Read twice');
    const changed = await owner.request('PATCH', `/deals/${deal.id}`, { title: 'Read thrice', version: deal.version });
    expect(changed.statusCode, changed.body).toBe(200);
    expect((await read(deal.id)).title).toBe('Read thrice');
    const renamed = await owner.request('PATCH', `/accounts/${account.id}`, { name: 'Renamed Now', version: account.version });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect((await read(deal.id)).accountName).toBe('Renamed Now');
  });

  it('lets the project team change deals: a viewer reads only (403), another workspace sees nothing (404)', async () => {
    const deal = await create({ title: 'Guarded' });
    expect((await viewer.request('GET', `/deals/${deal.id}`)).statusCode).toBe(200);
    expect((await viewer.request('POST', `/projects/${projectId}/deals`, { title: 'No' })).statusCode).toBe(403);
    expect((await viewer.request('PATCH', `/deals/${deal.id}`, { title: 'No' })).statusCode).toBe(403);
    expect((await viewer.request('POST', `/deals/${deal.id}/move`, { stage: 'proposal', version: 1 })).statusCode).toBe(403);
    for (const [method, url] of [
      ['GET', `/deals/${deal.id}`],
      ['GET', `/deals/${deal.id}/stage-history`],
      ['GET', `/projects/${projectId}/pipeline`],
      ['GET', `/projects/${projectId}/deals`],
      ['DELETE', `/deals/${deal.id}`],
    ] as const) {
      expect((await outsider.request(method, url)).statusCode).toBe(404);
    }
    expect((await owner.request('GET', '/deals/no-such-deal')).statusCode).toBe(404);
  });

  it('deletes a deal with its stage history and activities (204), after which it is gone', async () => {
    const deal = await create({ title: 'Doomed' });
    await owner.request('POST', `/deals/${deal.id}/activities`, { type: 'call', outcome: 'x' });
    expect((await owner.request('DELETE', `/deals/${deal.id}`, undefined, { 'if-match': '"9"' })).statusCode).toBe(412);
    expect((await owner.request('DELETE', `/deals/${deal.id}`)).statusCode).toBe(204);
    expect((await owner.request('GET', `/deals/${deal.id}`)).statusCode).toBe(404);
    const left = await t.database.db.selectFrom('deal_stage_history').select('id').where('deal_id', '=', deal.id).execute();
    expect(left).toEqual([]);
    expect((await auditRowsFor(t.database.db, deal.id)).at(-1)).toMatchObject({ action: 'delete', after: null });
  });

  it('keeps nothing of a deal write whose audit row cannot be written (one transaction)', async () => {
    const deal = await create({ title: 'Atomic', stage: 'proposal' });
    const won = await create({ title: 'Atomic won', stage: 'won' });
    const writes: [string, string, Record<string, unknown> | undefined][] = [
      ['POST', `/projects/${projectId}/deals`, { title: 'Never' }],
      ['PATCH', `/deals/${deal.id}`, { title: 'Never', stage: 'contract' }],
      ['POST', `/deals/${deal.id}/move`, { stage: 'negotiation', version: 1 }],
      ['POST', `/deals/${deal.id}/win`, {}],
      ['POST', `/deals/${deal.id}/lose`, { lostReason: 'x' }],
      ['POST', `/deals/${won.id}/reopen`, {}],
      ['DELETE', `/deals/${deal.id}`, undefined],
    ];
    await failAuditWrites(t.database.db, dialect, true);
    try {
      const before = await salesDigest(t.database.db);
      for (const [method, url, body] of writes) {
        expect({ url, status: (await owner.request(method as 'POST', url, body)).statusCode }).toEqual({ url, status: 500 });
      }
      expect(await salesDigest(t.database.db)).toEqual(before);
    } finally {
      await failAuditWrites(t.database.db, dialect, false);
    }
  });
});
