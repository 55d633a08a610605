import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deal } from '../../../core/deals/schemas.js';
import type { DealTable } from '../../db/database.js';
import { testDialectsAndReaders } from '../../test/databases.js';
import { buildProject, type Session, signupOwner, startTestApp, type TestApp } from '../../test/harness.js';
import { likeFoldsFully } from './search.js';

const pad = (n: number) => String(n).padStart(5, '0');

describe('likeFoldsFully', () => {
  it('says whether LIKE (ASCII folding) matches exactly what full case folding matches', () => {
    expect(likeFoldsFully('Suzhou 0042')).toBe(true);
    expect(likeFoldsFully('云平台')).toBe(true);
    expect(likeFoldsFully('100%_')).toBe(true);
    expect(likeFoldsFully('Übung')).toBe(false);
    expect(likeFoldsFully('straße')).toBe(false);
  });
});

/**
 * Text search has two plans on SQLite: the FTS index (matches read, then sorted) and, for a text in many
 * titles, a walk through the first candidates in page order. Both must answer exactly what the definition
 * says — every deal whose title or account name contains the text, in the page order — on every page.
 */
describe.each(testDialectsAndReaders())('deal text search over many deals on %s with %i reader threads', (dialect, readers) => {
  let t: TestApp;
  let owner: Session;
  let busy: string;
  let quiet: string;
  let steel: string;
  const rows: (DealTable & { account_name: string | null })[] = [];

  beforeAll(async () => {
    t = await startTestApp(dialect, 'open', { readers });
    owner = await signupOwner(t.app);
    busy = (await buildProject(owner, { name: 'Busy' })).id;
    quiet = (await buildProject(owner, { name: 'Quiet' })).id;
    steel = (await owner.request('POST', '/accounts', { name: 'Suzhou Steel' })).json().id;
    const workspaceId = (await owner.request('GET', '/me')).json().workspace.id as string;
    // Busy: 2,400 deals, every other one "Suzhou …" (the text is common), every tenth other one at Suzhou Steel.
    // Quiet: 600 deals, three of them matching (common in the workspace, rare here).
    const make = (project: string, i: number, title: string, accountId: string | null): DealTable => ({
      workspace_id: workspaceId,
      id: `${project.slice(-4)}-${pad(i)}`,
      project_id: project,
      title,
      account_id: accountId,
      contact_id: null,
      amount: ((i * 7919) % 1000) * 100,
      currency: 'CNY',
      stage: 'lead',
      probability: null,
      expected_close_date: null,
      close_date: null,
      status: 'open',
      owner_id: owner.userId,
      source: '',
      lost_reason: '',
      rank: `a${pad(i)}`,
      stage_entered_at: '2026-01-01T00:00:00.000Z',
      contract_number: null,
      contract_value: null,
      contract_signed_date: null,
      contract_term_months: null,
      created_at: '2026-01-01T00:00:00.000Z',
      updated_at: new Date(Date.UTC(2026, 0, 1) + ((i * 104729) % 3000) * 60_000).toISOString(),
      version: 1,
    });
    const deals: DealTable[] = [];
    for (let i = 0; i < 2400; i++) {
      const title = i % 2 === 0 ? `Suzhou order ${pad(i)}` : `Plain deal ${pad(i)}`;
      deals.push(make(busy, i, title, i % 20 === 1 ? steel : null));
    }
    for (let i = 0; i < 600; i++) deals.push(make(quiet, i, i % 200 === 7 ? `SUZHOU rare ${pad(i)}` : `Quiet deal ${pad(i)}`, null));
    for (let i = 0; i < deals.length; i += 200)
      await t.database.db
        .insertInto('deals')
        .values(deals.slice(i, i + 200))
        .execute();
    for (const deal of deals) rows.push({ ...deal, account_name: deal.account_id ? 'Suzhou Steel' : null });
  }, 120_000);
  afterAll(() => t?.close());

  /** Every page of the answer, by cursor. */
  const search = async (project: string, query: string): Promise<string[]> => {
    const titles: string[] = [];
    let cursor: string | null = null;
    do {
      const r = await owner.request('GET', `/projects/${project}/deals?${query}&limit=50${cursor ? `&cursor=${cursor}` : ''}`);
      expect(r.statusCode, r.body).toBe(200);
      titles.push(...(r.json().items as Deal[]).map((d) => d.title));
      cursor = r.json().nextCursor;
    } while (cursor);
    return titles;
  };

  /** The definition, worked out here: contains the text (folded) in the title or the account's name, page order. */
  const expected = (project: string, text: string, key: 'updated_at' | 'amount' | 'title', desc: boolean) =>
    rows
      .filter((r) => r.project_id === project)
      .filter((r) => r.title.toLowerCase().includes(text) || (r.account_name ?? '').toLowerCase().includes(text))
      .sort((a, b) => {
        const order = a[key] < b[key] ? -1 : a[key] > b[key] ? 1 : a.id < b.id ? -1 : 1;
        return desc ? -order : order;
      })
      .map((r) => r.title);

  type Sort = readonly [string, 'updated_at' | 'amount' | 'title', boolean];
  const SORTS: Sort[] = [
    ['-updatedAt', 'updated_at', true],
    ['amount', 'amount', false],
    ['-title', 'title', true],
    ['title', 'title', false],
  ];
  /** The search of `q` in each sort, every page, against the definition; `count` matches in all. */
  const expectEverySort = async (q: string, count: number) => {
    for (const [sort, key, desc] of SORTS) {
      const want = expected(busy, q.toLowerCase(), key, desc);
      expect(want.length).toBe(count);
      expect({ sort, got: await search(busy, `q=${q}&sort=${sort}`) }).toEqual({ sort, got: want });
    }
  };

  it('answers a common text (the walk in page order) exactly, on every page and in every sort', async () => {
    await expectEverySort('suzhou', 1200 + 120);
  });

  it('answers a text of a few hundred matches (the walk through the sort index, testing membership) exactly, on every page', async () => {
    await expectEverySort('order 00', 500);
    // In a project where they are few, and with a range filter beside the text.
    expect(await search(quiet, 'q=order 00&sort=-updatedAt')).toEqual([]);
    const want = expected(busy, 'order 00', 'amount', false).filter(
      (title) => (rows.find((r) => r.title === title)?.amount ?? 0) >= 50_000,
    );
    expect(await search(busy, 'q=order 00&amountMin=50000&sort=amount')).toEqual(want);
  });

  it('answers a text common in the workspace but rare in the project (the walk finds too few; the index decides)', async () => {
    const want = expected(quiet, 'suzhou', 'updated_at', true);
    expect(want).toHaveLength(3);
    expect(await search(quiet, 'q=Suzhou&sort=-updatedAt')).toEqual(want);
  });

  it('answers a text matched by account names only, too sparse for the walk, on every page and in every sort', async () => {
    // "steel": the account of every twentieth deal; the first candidates in page order hold too few for a page.
    await expectEverySort('Steel', 120);
  });

  it('answers a rare text and combines the text with other filters', async () => {
    expect(await search(busy, `q=order 00042&sort=title`)).toEqual(['Suzhou order 00042']);
    const want = expected(busy, 'suzhou', 'amount', false).filter((title) => {
      const row = rows.find((r) => r.title === title);
      return row !== undefined && row.amount >= 50_000;
    });
    expect(await search(busy, 'q=suzhou&amountMin=50000&sort=amount')).toEqual(want);
  });

  it('finds a deal in the answer that follows its creation (readers read the last committed state)', async () => {
    expect(t.database.reads !== undefined).toBe(readers > 0);
    for (let i = 0; i < 5; i++) {
      const title = `Fresh Suzhou ${i}`;
      const created = await owner.request('POST', `/projects/${quiet}/deals`, { title, amount: 100 + i });
      expect(created.statusCode, created.body).toBe(201);
      expect(await search(quiet, `q=${encodeURIComponent(title)}&sort=-updatedAt`)).toEqual([title]);
    }
  });
});
