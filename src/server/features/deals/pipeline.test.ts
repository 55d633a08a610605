import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daysSince } from '../../../core/deals/rules.js';
import type { Deal, Pipeline, PipelineCard } from '../../../core/deals/schemas.js';
import { testDialects } from '../../test/databases.js';
import { buildProject, inviteUser, type Session, signupOwner, startTestApp, type TestApp } from '../../test/harness.js';
import { boardCards } from './board-cards.js';
import { projectDeals } from './queries.js';

const DAY = 86_400_000;

/**
 * The board's cards are written as JSON by the database (board-cards.ts): every field is checked here
 * against values worked out by hand — whole days in the stage, owners by name, closed cards newest first,
 * a currency only where it differs from the board's, weighted totals.
 */
describe.each(testDialects())('pipeline board on %s', (dialect) => {
  let t: TestApp;
  let owner: Session;
  let projectId: string;
  let zoe: Session;
  let amy: Session;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    owner = await signupOwner(t.app);
    // Owners sort by name: Amy, Olivia (the owner's default name), Zoe.
    zoe = await inviteUser(t.app, owner, 'member', 'Zoe Zhang');
    amy = await inviteUser(t.app, owner, 'member', 'Amy An');
    projectId = (await buildProject(owner, { name: 'Board', currency: 'CNY' })).id;
    for (const s of [zoe, amy]) await owner.request('POST', `/projects/${projectId}/members`, { userId: s.userId, role: 'sales' });
  });
  afterAll(() => t?.close());

  const create = async (body: Record<string, unknown>) => {
    const response = await owner.request('POST', `/projects/${projectId}/deals`, body);
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as Deal;
  };
  const enteredAt = (id: string, at: Date) =>
    t.database.db.updateTable('deals').set({ stage_entered_at: at.toISOString() }).where('id', '=', id).execute();

  it('writes every card field: days in stage, owner places, close dates, order, other currencies, totals', async () => {
    const now = Date.now();
    const a = await create({ title: 'A', stage: 'proposal', amount: 10_000, ownerId: zoe.userId, expectedCloseDate: '2027-01-15' });
    const b = await create({ title: 'B', stage: 'proposal', amount: 30_000, probability: 0.9, ownerId: amy.userId });
    const c = await create({ title: 'C', stage: 'proposal', amount: 5_000, currency: 'USD', ownerId: null });
    const w1 = await create({ title: 'W1', stage: 'won', amount: 7_000, closeDate: '2026-10-01' });
    const w2 = await create({ title: 'W2', stage: 'won', amount: 8_000, closeDate: '2026-11-01' });
    const w3 = await create({ title: 'W3', stage: 'won', amount: 9_000, closeDate: '2026-09-01' });
    await enteredAt(a.id, new Date(now - 3.5 * DAY)); // 3 whole days
    await enteredAt(b.id, new Date(now - 10.25 * DAY)); // 10
    await enteredAt(c.id, new Date(now + DAY)); // in the future: 0

    const response = await owner.request('GET', `/projects/${projectId}/pipeline?closedCards=2`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    const board = response.json() as Pipeline;
    expect(board.owners.map((o) => o.id)).toEqual([amy.userId, owner.userId, zoe.userId]);
    const proposal = board.columns.find((column) => column.stage === 'proposal');
    expect(proposal?.cards).toEqual([
      { id: a.id, title: 'A', account: null, amount: 10_000, owner: 2, close: '2027-01-15', days: 3, rank: a.rank, version: 1 },
      { id: b.id, title: 'B', account: null, amount: 30_000, owner: 0, close: null, days: 10, rank: b.rank, version: 1 },
      { id: c.id, title: 'C', account: null, amount: 5_000, owner: null, close: null, days: 0, rank: c.rank, version: 1, currency: 'USD' },
    ]);
    // Proposal is 40 %: A weighs 4,000 by the stage, B 27,000 by its own 90 %; C is summed apart in USD.
    expect(proposal).toMatchObject({ count: 3, amount: 40_000, weightedAmount: 31_000 });
    expect(proposal?.otherCurrencies).toEqual([{ currency: 'USD', count: 1, amount: 5_000, weightedAmount: 2_000 }]);
    const won = board.columns.find((column) => column.stage === 'won');
    // The two most recently closed, newest first; the totals count all three.
    expect(won?.cards.map((card) => [card.title, card.close, card.owner])).toEqual([
      ['W2', '2026-11-01', 1],
      ['W1', '2026-10-01', 1],
    ]);
    expect(won).toMatchObject({ count: 3, amount: 24_000, weightedAmount: 24_000 });
    expect([w1.id, w2.id, w3.id]).toContain(won?.cards[0].id);

    // Without closed cards, the owners are those of the open cards only, and the won column keeps its totals.
    const open = (await owner.request('GET', `/projects/${projectId}/pipeline?closedCards=0`)).json() as Pipeline;
    expect(open.owners.map((o) => o.id)).toEqual([amy.userId, zoe.userId]);
    expect(open.columns.find((column) => column.stage === 'proposal')?.cards.map((card) => card.owner)).toEqual([1, 0, null]);
    expect(open.columns.find((column) => column.stage === 'won')).toMatchObject({ count: 3, cards: [] });
  });

  it('counts days in stage as daysSince does, at day boundaries and for any written form of the time', async () => {
    const project = (await buildProject(owner, { name: 'Days', currency: 'CNY' })).id;
    const now = Date.parse('2026-11-29T12:34:56.789Z');
    const entered = [
      '2026-11-29T12:34:56.789Z', // now: 0
      '2026-11-27T12:34:56.789Z', // exactly 2 days
      '2026-11-27T12:34:56.790Z', // 1 ms short of 2 days: 1
      '2026-11-27T12:34:56.788Z', // 1 ms past: 2
      '2026-11-28T23:59:59.999Z', // the day before, later in the day than now: 0
      '2025-11-29T00:00:00.000Z', // a year: 365
      '2024-02-29T12:34:56.789Z', // across a leap day
      '2026-11-30T00:00:00.000Z', // in the future: 0
      '2026-11-27T12:34:56Z', // no milliseconds: exactly 2 days
      '2026-11-27T20:34:56.789+08:00', // an offset: exactly 2 days
      '2026-11-27T20:34:57+08:00', // an offset, 1 ms short of 2 days: 1
      '2000-02-29T00:00:00.000Z', // a leap day of a year divisible by 400
      '1970-01-01T00:00:00.000Z', // the epoch
      '2026-01-01T12:34:56.789Z', // January and February count with the year before in the civil-day arithmetic
      '2026-03-01T12:34:56.790Z', // March, 1 ms short of 273 days
      '1900-03-01T00:00:00.000Z', // after 1900's Feb 28 (no leap day)
    ];
    const deals: Deal[] = [];
    for (const [i, at] of entered.entries()) {
      const response = await owner.request('POST', `/projects/${project}/deals`, { title: `D${i}`, stage: 'lead', amount: 100 });
      deals.push(response.json());
      await t.database.db.updateTable('deals').set({ stage_entered_at: at }).where('id', '=', deals[i].id).execute();
    }
    const condition = projectDeals(t.database.db, owner.workspaceId, project, {});
    const { cards } = await boardCards(t.database.db, owner.workspaceId, condition, 0, 'CNY', now);
    const lead = JSON.parse(String(cards.get('lead') ?? '[]')) as PipelineCard[];
    const days = new Map(lead.map((card) => [card.id, card.days]));
    expect(deals.map((deal) => days.get(deal.id))).toEqual(entered.map((at) => daysSince(at, now)));
    // Worked out by hand, so that the rule itself is held too.
    expect(entered.map((at) => daysSince(at, now))).toEqual([0, 2, 1, 2, 0, 365, 1004, 0, 2, 2, 1, 9770, 20786, 332, 272, 46294]);
  });

  it('keeps stage_entered_ms on PostgreSQL equal to the instant of stage_entered_at (1900–2100, every month end, leap days)', async () => {
    if (dialect !== 'postgres') {
      // SQLite's board reads the text itself; the column is PostgreSQL's alone.
      const columns = await sql<{ name: string }>`select name from pragma_table_info('deals')`.execute(t.database.db);
      expect(columns.rows.map((c) => c.name)).not.toContain('stage_entered_ms');
      return;
    }
    const project = (await buildProject(owner, { name: 'Instants', currency: 'CNY' })).id;
    const deal = (await owner.request('POST', `/projects/${project}/deals`, { title: 'I', stage: 'lead', amount: 1 })).json() as Deal;
    const instants: string[] = [];
    for (let year = 1900; year <= 2100; year += 7)
      for (let month = 0; month < 12; month++) {
        // The last millisecond of the month and the first of the next: day counts across every month length.
        const next = Date.UTC(year, month + 1, 1);
        instants.push(new Date(next - 1).toISOString(), new Date(next).toISOString());
      }
    instants.push('2000-02-29T12:00:00.000Z', '2024-02-29T23:59:59.999Z', '1900-02-28T23:59:59.999Z');
    const read = async (at: string) => {
      await t.database.db.updateTable('deals').set({ stage_entered_at: at }).where('id', '=', deal.id).execute();
      const row = await sql<{ ms: string | null }>`select stage_entered_ms as ms from deals where id = ${deal.id}`.execute(t.database.db);
      return row.rows[0].ms === null ? null : Number(row.rows[0].ms);
    };
    const got: (number | null)[] = [];
    for (const at of instants) got.push(await read(at));
    expect(got).toEqual(instants.map((at) => Date.parse(at)));
    // Other written forms get none (the board parses them).
    for (const at of ['2026-11-27T12:34:56Z', '2026-11-27T20:34:56.789+08:00', '2026-11-27 12:34:56.789Z'])
      expect(await read(at)).toBeNull();
  });

  it('writes any text of a card as a JSON string: quotes, backslashes, control characters, Chinese, emoji', async () => {
    const project = (await buildProject(owner, { name: 'Texts', currency: 'CNY' })).id;
    const title = 'A "quoted" \\ back\\slash, tab\t, 杭州云平台 🚀 </script>';
    const accountName = 'Acme "北京" \\ Co\u0001';
    const accountId = (await owner.request('POST', '/accounts', { name: accountName })).json().id;
    const created = await owner.request('POST', `/projects/${project}/deals`, { title, stage: 'lead', amount: 1, accountId });
    expect(created.statusCode, created.body).toBe(201);
    const board = (await owner.request('GET', `/projects/${project}/pipeline`)).json() as Pipeline;
    const card = board.columns.find((column) => column.stage === 'lead')?.cards[0];
    expect(card).toMatchObject({ title, account: accountName });
  });

  it('shows every change at once although boards are reused while nothing changes', async () => {
    const accountId = (await owner.request('POST', '/accounts', { name: 'Old name' })).json().id;
    const deal = await create({ title: 'Cached', stage: 'lead', amount: 1_000, accountId });
    const lead = async () =>
      ((await owner.request('GET', `/projects/${projectId}/pipeline?closedCards=0`)).json() as Pipeline).columns[0].cards.find(
        (card) => card.id === deal.id,
      );
    expect((await lead())?.account).toBe('Old name');
    expect((await lead())?.account).toBe('Old name');
    // A write to another table (the account's name) changes the board.
    const account = (await owner.request('GET', `/accounts/${accountId}`)).json();
    expect((await owner.request('PATCH', `/accounts/${accountId}`, { name: 'New name', version: account.version })).statusCode).toBe(200);
    expect((await lead())?.account).toBe('New name');
    // Another workspace's user asking for the same board gets nothing from the cache.
    const stranger = await signupOwner(t.app, { workspaceName: 'Elsewhere' });
    expect((await stranger.request('GET', `/projects/${projectId}/pipeline?closedCards=0`)).statusCode).toBe(404);
  });

  it('answers an empty board with every column and no cards', async () => {
    const empty = (await buildProject(owner, { name: 'Empty' })).id;
    const board = (await owner.request('GET', `/projects/${empty}/pipeline`)).json() as Pipeline;
    expect(board.owners).toEqual([]);
    expect(board.columns.map((column) => [column.count, column.amount, column.cards.length])).toEqual(board.columns.map(() => [0, 0, 0]));
    expect(board.columns.length).toBeGreaterThan(0);
  });
});
