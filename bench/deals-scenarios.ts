import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { PostgresAdapter, sql } from 'kysely';
import { ranksAfter } from '../src/core/deals/rank.js';
import { loadConfig } from '../src/server/config.js';
import { prepareBulkWrite } from '../src/server/db/bulk.js';
import { connect } from '../src/server/db/connect.js';
import type { Db, DealStageHistoryTable, DealTable } from '../src/server/db/database.js';
import { insertDefaultStages } from '../src/server/features/stages/queries.js';
import { type BenchData, prng } from './generate.js';
import { load, singleReadBar, startServer, stopServer } from './load.js';
import { type BenchRow, runStandalone } from './standalone.js';

/**
 * Bench scenarios of the sales pipeline (issue 3, SPEC §5): the board of 1,000 open deals, creating
 * 10,000 deals through the API at 10 connections, moving a deal, a filtered sorted page of 50 of 100,000
 * deals and text search over them, and a 100,000-row CSV import. `dealScenarios` runs them against one
 * database URL (SQLite file or PostgreSQL) on a workspace made by `generateWorkspace`; run this file
 * directly (`npx tsx bench/deals-scenarios.ts`) for a table of its own on SQLite and PostgreSQL.
 */

const OPEN = ['lead', 'qualified', 'proposal', 'negotiation', 'contract'];
const WORDS = [
  'Widgets',
  'Rollout',
  'Renewal',
  'Expansion',
  'Pilot',
  'MES',
  '云平台',
  '数字化',
  'Framework',
  'Upgrade',
  '巡检',
  'Licenses',
];
const CITIES = ['Shanghai', 'Hangzhou', 'Suzhou', 'Nanjing', '上海', '杭州', '苏州', '南京', 'Ningbo', 'Wuxi'];
const pad = (n: number, w: number) => String(n).padStart(w, '0');
const fmt = (n: number) => (n >= 100 ? Math.round(n).toLocaleString('en') : n.toFixed(2));
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

export type DealBenchData = {
  boardProjectId: string;
  bigProjectId: string;
  importProjectId: string;
  createProjectId: string;
  moveDealIds: string[];
};

/** Writes the deal data straight to the database: 1,000 open deals on one board, 100,000 deals in another project. */
export async function generateDeals(db: Db, data: BenchData): Promise<DealBenchData> {
  const random = prng(7);
  const ws = data.workspaceId;
  const [boardProjectId, bigProjectId, importProjectId, createProjectId] = data.projectIds;
  await insertDefaultStages(db, ws, 'en');
  const now = new Date().toISOString();
  const accounts = Array.from({ length: 5_000 }, (_, i) => ({
    workspace_id: ws,
    id: `acc${pad(i, 6)}`,
    name: `${CITIES[i % CITIES.length]} ${WORDS[i % WORDS.length]} Co ${pad(i, 5)}`,
    name_key: `${CITIES[i % CITIES.length]} ${WORDS[i % WORDS.length]} co ${pad(i, 5)}`.toLowerCase(),
    industry: 'Manufacturing',
    region: CITIES[i % CITIES.length],
    size: '200-500',
    owner_id: data.userId,
    notes: '',
    created_at: now,
    updated_at: now,
    version: 1,
  }));
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < accounts.length; i += 500)
      await trx
        .insertInto('accounts')
        .values(accounts.slice(i, i + 500))
        .execute();
  });
  const makeDeals = async (projectId: string, count: number, openOnly: boolean, prefix: string) => {
    const stages = Array.from({ length: count }, () =>
      openOnly || random() < 0.7 ? OPEN[Math.floor(random() * OPEN.length)] : random() < 0.6 ? 'won' : 'lost',
    );
    const perStage = new Map<string, number>();
    for (const s of stages) perStage.set(s, (perStage.get(s) ?? 0) + 1);
    const ranks = new Map([...perStage].map(([s, n]) => [s, ranksAfter(null, n)]));
    const ids: string[] = [];
    await db.transaction().execute(async (trx) => {
      await prepareBulkWrite(trx);
      let deals: DealTable[] = [];
      let history: DealStageHistoryTable[] = [];
      for (let i = 0; i < count; i++) {
        const stage = stages[i];
        const closed = stage === 'won' || stage === 'lost';
        const id = `${prefix}${pad(i, 6)}`;
        ids.push(id);
        const entered = new Date(Date.UTC(2026, 0, 1) + Math.floor(random() * 300) * 86_400_000).toISOString();
        const day = new Date(Date.UTC(2026, 6, 1) + Math.floor(random() * 365) * 86_400_000).toISOString().slice(0, 10);
        deals.push({
          workspace_id: ws,
          id,
          project_id: projectId,
          title: `${CITIES[i % CITIES.length]} ${WORDS[Math.floor(random() * WORDS.length)]} ${pad(i, 6)}`,
          account_id: accounts[Math.floor(random() * accounts.length)].id,
          contact_id: null,
          amount: Math.floor(random() * 5_000_000) * 100,
          currency: 'CNY',
          stage,
          probability: random() < 0.2 ? Math.round(random() * 100) / 100 : null,
          expected_close_date: day,
          close_date: closed ? day : null,
          status: closed ? stage : 'open',
          owner_id: data.userId,
          source: 'Bench',
          lost_reason: stage === 'lost' ? 'Price' : '',
          rank: (ranks.get(stage) as string[]).shift() as string,
          stage_entered_at: entered,
          contract_number: null,
          contract_value: null,
          contract_signed_date: null,
          contract_term_months: null,
          created_at: entered,
          updated_at: entered,
          version: 1,
        });
        history.push({
          workspace_id: ws,
          id: `h${id}`,
          deal_id: id,
          project_id: projectId,
          stage,
          entered_at: entered,
          left_at: null,
          entered_by: data.userId,
          left_by: null,
        });
        if (deals.length === 400) {
          await trx.insertInto('deals').values(deals).execute();
          await trx.insertInto('deal_stage_history').values(history).execute();
          deals = [];
          history = [];
        }
      }
      if (deals.length) {
        await trx.insertInto('deals').values(deals).execute();
        await trx.insertInto('deal_stage_history').values(history).execute();
      }
    });
    return ids;
  };
  const boardIds = await makeDeals(boardProjectId, 1_000, true, 'bd');
  await makeDeals(bigProjectId, 100_000, false, 'bg');
  // Fresh planner statistics after a bulk load, as autovacuum's analyze would give a live database.
  if (db.getExecutor().adapter instanceof PostgresAdapter) await sql`analyze`.execute(db);
  return { boardProjectId, bigProjectId, importProjectId, createProjectId, moveDealIds: boardIds.slice(0, 20) };
}

/** A CSV of `rows` deals in Pipedrive's export format (written to a temporary file). */
export function writeImportCsv(rows: number): string {
  const file = path.join(os.tmpdir(), `qd-bench-import-${rows}.csv`);
  const out = fs.openSync(file, 'w');
  fs.writeSync(
    out,
    'Deal - Title,Deal - Value,Deal - Currency,Deal - Organization,Deal - Stage,Deal - Status,Deal - Expected close date,Deal - Owner\n',
  );
  const stages = ['Lead In', 'Contact Made', 'Proposal Made', 'Negotiations Started'];
  let chunk = '';
  for (let i = 0; i < rows; i++) {
    const status = i % 10 === 0 ? 'Won' : i % 10 === 1 ? 'Lost' : 'Open';
    chunk += `Imported deal ${i},"${(1000 + (i % 997) * 13).toLocaleString('en')}.50",CNY,Org ${i % 2000},${stages[i % 4]},${status},2027-0${1 + (i % 9)}-1${i % 9},Bench\n`;
    if (chunk.length > 1 << 20) {
      fs.writeSync(out, chunk);
      chunk = '';
    }
  }
  fs.writeSync(out, chunk);
  fs.closeSync(out);
  return file;
}

/** POSTs `amount` JSON bodies at `connections` (autocannon), counting errors and non-2xx answers. */
async function postLoad(
  port: number,
  urlPath: string,
  amount: number,
  connections: number,
  headers: Record<string, string>,
  body: (i: number) => string,
) {
  let i = 0;
  const started = performance.now();
  let lastAnswer = started;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const run = autocannon(
      {
        url: `http://127.0.0.1:${port}`,
        connections,
        amount,
        headers: { ...headers, 'content-type': 'application/json' },
        requests: [{ method: 'POST', path: urlPath, setupRequest: (request) => ({ ...request, body: body(i++) }) }],
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    // Timed to the last answer: autocannon notices that `amount` is reached only at its next one-second
    // tick, which added up to a second to a run of 8–12 s (the rate came out as 10,000 over a whole number).
    run.on('response', () => {
      lastAnswer = performance.now();
    });
  });
  const seconds = (lastAnswer - started) / 1000;
  return {
    perSecond: result.requests.total / seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

export type ScenarioContext = {
  label: string;
  url: string;
  port: number;
  seconds: number;
  data: BenchData;
  /** The same run's bare Fastify route (req/s), when one was measured. */
  bareRps?: number;
  sqlite?: Record<string, number> | null;
};

/** Every deal scenario against the application on `url` (its data generated first); rows for the bench table. */
export async function dealScenarios(ctx: ScenarioContext): Promise<{ rows: BenchRow[]; measured: Record<string, number> }> {
  const database = connect(ctx.url);
  const deals = await generateDeals(database.db, ctx.data);
  await database.close();
  execFileSync('sync'); // written out before measuring (see run.ts)
  const server = await startServer('server.ts', { DATABASE_URL: ctx.url, PORT: String(ctx.port) });
  const rows: BenchRow[] = [];
  const measured: Record<string, number> = {};
  const headers = { authorization: `Bearer ${ctx.data.token}` };
  const api = `http://127.0.0.1:${ctx.port}/api/v1`;
  const relative = (name: string, value: number, factor: number) =>
    ctx.sqlite?.[name]
      ? { target: `≥ ${factor}× SQLite (${fmt(factor * ctx.sqlite[name])})`, ok: value >= factor * ctx.sqlite[name] }
      : null;
  try {
    // The board of 1,000 open deals.
    const boardPath = `/api/v1/projects/${deals.boardProjectId}/pipeline?closedCards=0`;
    const board1 = await load(ctx.port, [boardPath], { connections: 1, seconds: ctx.seconds, headers });
    const board10 = await load(ctx.port, [boardPath], { connections: 10, seconds: ctx.seconds, headers });
    const boardBody = await (await fetch(`http://127.0.0.1:${ctx.port}${boardPath}`, { headers })).text();
    const cards = (JSON.parse(boardBody) as { columns: { cards: unknown[] }[] }).columns.reduce((n, c) => n + c.cards.length, 0);
    const perCard = Buffer.byteLength(boardBody) / cards;
    measured.board = board1.rps;
    const rel = relative('board', board1.rps, 0.5);
    rows.push({
      scenario: `${ctx.label}: pipeline board of ${cards.toLocaleString('en')} open deals, 1 conn`,
      value: `${fmt(board1.rps)} req/s`,
      p50: board1.p50,
      p99: board1.p99,
      target: rel?.target ?? '≥ 125 req/s, p50 ≤ 8 ms',
      ok: (rel?.ok ?? (board1.rps >= 125 && board1.p50 <= 8)) && board1.errors === 0 && board1.non2xx === 0,
    });
    rows.push({
      scenario: `${ctx.label}: pipeline board, 10 conn`,
      value: `${fmt(board10.rps)} req/s`,
      p50: board10.p50,
      p99: board10.p99,
      target: 'p99 ≤ 30 ms',
      ok: board10.p99 <= 30 && board10.errors === 0 && board10.non2xx === 0,
    });
    // Boards are reused while nothing changes (board-routes.ts): a distinct filter on every request (all of
    // them let every deal through) builds each board afresh, as every first look after a change does.
    const coldPaths = Array.from({ length: 1_000 }, (_, i) => `${boardPath}&amountMax=${1_000_000_000_000 + i}`);
    const cold = await load(ctx.port, coldPaths, { connections: 1, seconds: ctx.seconds, headers });
    measured.boardCold = cold.rps;
    const coldRel = relative('boardCold', cold.rps, 0.5);
    rows.push({
      scenario: `${ctx.label}: pipeline board built afresh (no reuse), 1 conn`,
      value: `${fmt(cold.rps)} req/s`,
      p50: cold.p50,
      p99: cold.p99,
      target: coldRel?.target ?? '≥ 125 req/s, p50 ≤ 8 ms',
      ok: (coldRel?.ok ?? (cold.rps >= 125 && cold.p50 <= 8)) && cold.errors === 0 && cold.non2xx === 0,
    });
    rows.push({
      scenario: `${ctx.label}: pipeline board bytes per card`,
      value: `${perCard.toFixed(0)} B`,
      target: '≤ 250 B',
      ok: perCard <= 250,
    });

    // One deal by id (SPEC §5: ≥ 15,000 req/s at 10 connections, ≥ 25 % of bare; PostgreSQL ≥ 0.35× SQLite).
    const dealPaths = deals.moveDealIds.map((id) => `/api/v1/deals/${id}`);
    const deal = await load(ctx.port, dealPaths, { connections: 10, seconds: ctx.seconds, headers });
    measured.deal = deal.rps;
    const dealRel = relative('deal', deal.rps, 0.35);
    const dealBar = singleReadBar(deal.rps, ctx.bareRps);
    rows.push({
      scenario: `${ctx.label}: authenticated GET /deals/{id}, 10 conn`,
      value: `${fmt(deal.rps)} req/s`,
      p50: deal.p50,
      p99: deal.p99,
      ratio: dealBar.ratio,
      target: dealRel?.target ?? dealBar.target,
      ok: (dealRel?.ok ?? dealBar.ok) && deal.errors === 0 && deal.non2xx === 0,
    });

    // Creating 10,000 deals through the API at 10 connections, after 1,000 into another project (unmeasured,
    // as load.ts warms up every load: the create route's code compiled, as in a server that has run a while).
    const createBody = (i: number) =>
      JSON.stringify({ title: `Created ${i}`, amount: 100_000 + i, stage: OPEN[i % OPEN.length], expectedCloseDate: '2027-03-31' });
    await postLoad(ctx.port, `/api/v1/projects/${ctx.data.projectIds[5]}/deals`, 1_000, 10, headers, createBody);
    const create = await postLoad(ctx.port, `/api/v1/projects/${deals.createProjectId}/deals`, 10_000, 10, headers, createBody);
    const check = connect(ctx.url);
    const created = await check.db
      .selectFrom('deals')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('project_id', '=', deals.createProjectId)
      .executeTakeFirstOrThrow();
    await check.close();
    measured.create = create.perSecond;
    const stored = create.errors === 0 && create.non2xx === 0 && Number(created.n) === 10_000;
    rows.push({
      scenario: `${ctx.label}: create 10,000 deals via the API, 10 conn (${Number(created.n).toLocaleString('en')} stored)`,
      value: `${fmt(create.perSecond)} deals/s`,
      p50: create.p50,
      p99: create.p99,
      // SPEC §5's bar is SQLite mode's; PostgreSQL mode's writes are reported beside it (issue 3), and must not fail.
      target: ctx.sqlite ? '0 errors, all stored (reported beside SQLite)' : '≥ 1,000/s, p99 ≤ 50 ms, 0 errors',
      ok: ctx.sqlite ? stored : stored && create.perSecond >= 1000 && create.p99 <= 50,
    });

    // Moving a deal between stages (sequential drops, each with the version it saw).
    const latencies: number[] = [];
    const versions = new Map(deals.moveDealIds.map((id) => [id, 1]));
    for (let i = 0; i < 400; i++) {
      const id = deals.moveDealIds[i % deals.moveDealIds.length];
      const started = performance.now();
      const response = await fetch(`${api}/deals/${id}/move`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({ stage: OPEN[(i + 1) % OPEN.length], index: i % 7, version: versions.get(id) }),
      });
      const moved = (await response.json()) as { version: number };
      latencies.push(performance.now() - started);
      if (response.status !== 200) throw new Error(`move answered ${response.status}`);
      versions.set(id, moved.version);
    }
    latencies.sort((a, b) => a - b);
    rows.push({
      scenario: `${ctx.label}: move a deal between stages (400 sequential drops)`,
      value: `${fmt(1000 / (latencies.reduce((a, b) => a + b, 0) / latencies.length))} moves/s`,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      target: 'p50 ≤ 5 ms, p99 ≤ 20 ms',
      ok: percentile(latencies, 50) <= 5 && percentile(latencies, 99) <= 20,
    });

    // A filtered, sorted page of 50 of 100,000 deals, and text search over them.
    // On SQLite the server answers lists from reader threads (SQLITE_READERS, by default one per core up to 4).
    const readerThreads = ctx.label === 'SQLite' ? ` (${loadConfig().sqliteReaders} reader threads)` : '';
    const big = `/api/v1/projects/${deals.bigProjectId}/deals`;
    const listPaths = [
      `${big}?status=open&sort=-amount&limit=50`,
      `${big}?stage=proposal,negotiation&sort=expectedCloseDate&limit=50`,
      `${big}?amountMin=100000000&amountMax=300000000&sort=-updatedAt&limit=50`,
      `${big}?status=won&sort=-closeDate&limit=50`,
      `${big}?ownerId=${ctx.data.userId}&expectedCloseFrom=2027-01-01&expectedCloseTo=2027-03-31&sort=title&limit=50`,
    ];
    const list = await load(ctx.port, listPaths, { connections: 10, seconds: ctx.seconds, headers });
    measured.list = list.rps;
    const listRel = relative('list', list.rps, 0.5);
    rows.push({
      scenario: `${ctx.label}: filtered, sorted page of 50 of 100,000 deals, 10 conn${readerThreads}`,
      value: `${fmt(list.rps)} req/s`,
      p50: list.p50,
      p99: list.p99,
      target: listRel?.target ?? '≥ 1,500 req/s, p99 ≤ 20 ms',
      ok: (listRel?.ok ?? (list.rps >= 1500 && list.p99 <= 20)) && list.errors === 0 && list.non2xx === 0,
    });
    const searchPaths = ['Renewal', 'Hangzhou Pilot', '云平台', '数字化', 'Upgrade 0001', 'Suzhou', 'Co 0042'].map(
      (q) => `${big}?q=${encodeURIComponent(q)}&limit=50&sort=-updatedAt`,
    );
    const search = await load(ctx.port, searchPaths, { connections: 10, seconds: ctx.seconds, headers });
    measured.search = search.rps;
    // SPEC §5 holds PostgreSQL mode to ≥ 0.5× SQLite mode on lists (a search answers a list); p99 is printed.
    const searchRel = relative('search', search.rps, 0.5);
    rows.push({
      scenario: `${ctx.label}: text search over 100,000 deals (titles and account names), 10 conn${readerThreads}`,
      value: `${fmt(search.rps)} req/s`,
      p50: search.p50,
      p99: search.p99,
      target: searchRel?.target ?? 'p99 ≤ 50 ms',
      ok: (searchRel?.ok ?? search.p99 <= 50) && search.errors === 0 && search.non2xx === 0,
    });

    // A 100,000-row CSV import (Pipedrive format), one request, one transaction.
    const file = writeImportCsv(100_000);
    const started = performance.now();
    const response = await fetch(`${api}/projects/${deals.importProjectId}/deals/import?preset=pipedrive`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'text/csv' },
      body: fs.readFileSync(file),
    });
    const result = (await response.json()) as { created?: number; rejectedTotal?: number };
    const seconds = (performance.now() - started) / 1000;
    fs.rmSync(file, { force: true });
    measured.import = seconds;
    rows.push({
      scenario: `${ctx.label}: import a 100,000-row CSV (${(result.created ?? 0).toLocaleString('en')} created, ${result.rejectedTotal ?? '?'} rejected)`,
      value: `${seconds.toFixed(2)} s`,
      target: ctx.sqlite ? 'reported beside SQLite' : '≤ 5 s',
      ok: ctx.sqlite ? null : seconds <= 5 && result.created === 100_000,
    });
  } finally {
    await stopServer(server);
  }
  return { rows, measured };
}

if (import.meta.url === `file://${process.argv[1]}`)
  await runStandalone('deals', 10, (ctx, sqlite) => dealScenarios({ ...ctx, port: ctx.label === 'SQLite' ? 3921 : 3922, sqlite }));
