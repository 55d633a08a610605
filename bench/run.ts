import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { connect } from '../src/server/db/connect.js';
import { migrateToLatest } from '../src/server/db/migrate.js';
import { browserScenarios } from './browser-scenarios.js';
import { coreScenarios } from './core-scenarios.js';
import { dealScenarios } from './deals-scenarios.js';
import { generateWorkspace } from './generate.js';
import { forecastComputeRows, goalScenarios } from './goals-scenarios.js';
import { type LoadResult, load, loadGenerator, rssMb, singleReadBar, startServer, stopServer } from './load.js';
import { scheduleScenario } from './schedule-scenario.js';
import { freshBenchDatabase } from './standalone.js';

/** `npm run bench`: every scenario beside a same-run baseline, printed as a table (SPEC §5). */
type Row = { scenario: string; value: string; p50?: number; p99?: number; ratio?: string; target: string; ok: boolean | null };
const rows: Row[] = [];
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const PROJECTS = 10_000;
/** `BENCH_ONLY=deals,core` runs a subset; the foundation scenarios (and their baselines) always run. */
const ONLY = new Set((process.env.BENCH_ONLY ?? 'deals,schedule,goals,core,browser').split(','));
/** Pairs of fresh processes (bare and health) whose median ratio counts, and the one-second turns each takes. */
const HEALTH_PAIRS = 5;
const HEALTH_TURNS = 5;
const meanRps = (turns: LoadResult[]) => turns.reduce((sum, t) => sum + t.rps, 0) / turns.length;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
/** Turns of one load as one result: the mean rate, the median turn's percentiles, every error. */
const combined = (turns: LoadResult[]): LoadResult => ({
  rps: meanRps(turns),
  p50: median(turns.map((t) => t.p50)),
  p99: median(turns.map((t) => t.p99)),
  errors: turns.reduce((sum, t) => sum + t.errors, 0),
  non2xx: turns.reduce((sum, t) => sum + t.non2xx, 0),
  bytesPerReq: median(turns.map((t) => t.bytesPerReq)),
});
const fmt = (n: number) => (n >= 100 ? Math.round(n).toLocaleString('en') : n.toFixed(2));

async function baselines(port: number) {
  const bare = await startServer('bare-server.ts', { PORT: String(port) });
  const result = await load(port, ['/'], { connections: 10, seconds: SECONDS });
  await stopServer(bare);
  rows.push({
    scenario: 'baseline: bare Fastify JSON route, 10 conn',
    value: `${fmt(result.rps)} req/s`,
    p50: result.p50,
    p99: result.p99,
    ratio: '1.00×',
    target: '—',
    ok: null,
  });
  return result.rps;
}

function sqliteReadBaseline(file: string, ids: string[]): number {
  const db = new SQLite(file, { readonly: true });
  const statement = db.prepare('select * from projects where workspace_id = ? and id = ?');
  const until = performance.now() + 1000;
  let n = 0;
  while (performance.now() < until) {
    for (let k = 0; k < 100; k++) statement.get('bench-ws', ids[n++ % ids.length]);
  }
  db.close();
  rows.push({ scenario: 'baseline: in-process SQLite read by key', value: `${fmt(n)} reads/s`, ratio: '1.00×', target: '—', ok: null });
  return n;
}

async function appScenarios(label: string, url: string, port: number, bareRps: number, sqlite: Record<string, number> | null) {
  const server = await startServer('server.ts', { DATABASE_URL: url, PORT: String(port) });
  await new Promise((r) => setTimeout(r, 1500));
  const idle = rssMb(server.pid as number);
  const { token, projectIds } = JSON.parse(fs.readFileSync(path.join(os.tmpdir(), 'qd-bench-data.json'), 'utf8'));
  const headers = { authorization: `Bearer ${token}` };
  const measured: Record<string, number> = {};

  // The health route against the bare route, in HEALTH_PAIRS pairs of fresh processes: on this VM one process
  // of the same server can run faster than another, so one pair alone decides nothing; the median pair counts.
  // In a pair both processes run side by side and take the load in turns of a second (bare, health, five times
  // each, after a warm-up of each), so that the host's speed, which drifts over seconds here, weighs on both.
  const pairs: { bare: number; health: LoadResult }[] = [];
  for (let i = 0; i < HEALTH_PAIRS; i++) {
    const bare = await startServer('bare-server.ts', { PORT: String(port + 100) });
    const fresh = i === 0 ? server : await startServer('server.ts', { DATABASE_URL: url, PORT: String(port + 200) });
    const healthPort = i === 0 ? port : port + 200;
    const bareTurns: LoadResult[] = [];
    const healthTurns: LoadResult[] = [];
    for (let turn = 0; turn < HEALTH_TURNS; turn++) {
      const warmup = turn === 0 ? undefined : 0;
      bareTurns.push(await load(port + 100, ['/'], { connections: 10, seconds: 1, warmup }));
      healthTurns.push(await load(healthPort, ['/api/v1/health'], { connections: 10, seconds: 1, warmup }));
    }
    await stopServer(bare);
    if (fresh !== server) await stopServer(fresh);
    pairs.push({ bare: meanRps(bareTurns), health: combined(healthTurns) });
  }
  pairs.sort((a, b) => a.health.rps / a.bare - b.health.rps / b.bare);
  const { health, bare: bareTurnRps } = pairs[Math.floor(HEALTH_PAIRS / 2)];
  const ratio = health.rps / bareTurnRps;
  measured.health = health.rps;
  rows.push({
    scenario: `${label}: GET /health, full plugin stack, 10 conn (median of ${HEALTH_PAIRS} pairs of fresh processes, turns of 1 s)`,
    value: `${fmt(health.rps)} req/s`,
    p50: health.p50,
    p99: health.p99,
    ratio: `${ratio.toFixed(2)}× bare (${pairs.map((p) => (p.health.rps / p.bare).toFixed(2)).join(', ')})`,
    // On PostgreSQL every answer waits for a database round trip (health pings the database): SPEC §5's
    // PostgreSQL rule for single reads applies, as for the item below.
    target: sqlite ? `≥ 0.35× SQLite (${fmt(0.35 * sqlite.health)})` : '≥ 0.8× bare',
    ok: (sqlite ? health.rps >= 0.35 * sqlite.health : ratio >= 0.8) && pairs.every((p) => p.health.errors === 0 && p.health.non2xx === 0),
  });

  const itemPaths = projectIds.filter((_: string, i: number) => i % 7 === 0).map((id: string) => `/api/v1/projects/${id}`);
  const item = await load(port, itemPaths, { connections: 10, seconds: SECONDS, headers });
  measured.item = item.rps;
  const bar = singleReadBar(item.rps, bareRps);
  const itemTarget = sqlite ? `≥ 0.35× SQLite (${fmt(0.35 * sqlite.item)})` : bar.target;
  const itemOk = sqlite ? item.rps >= 0.35 * sqlite.item : bar.ok;
  rows.push({
    scenario: `${label}: authenticated GET /projects/{id}, 10 conn`,
    value: `${fmt(item.rps)} req/s`,
    p50: item.p50,
    p99: item.p99,
    ratio: `${(item.rps / bareRps).toFixed(2)}× bare`,
    target: itemTarget,
    ok: itemOk && item.errors === 0 && item.non2xx === 0,
  });

  const listPaths = ['active', 'planning,on_hold', 'completed'].flatMap((status) =>
    ['name', '-updatedAt', 'startDate'].map((sort) => `/api/v1/projects?status=${status}&sort=${sort}&q=push&limit=50`),
  );
  const list = await load(port, listPaths, { connections: 10, seconds: SECONDS, headers });
  measured.list = list.rps;
  const listTarget = sqlite ? `≥ 0.5× SQLite (${fmt(0.5 * sqlite.list)})` : 'p99 ≤ 20 ms';
  const listOk = sqlite ? list.rps >= 0.5 * sqlite.list : list.p99 <= 20;
  rows.push({
    scenario: `${label}: filtered, sorted page of 50 of ${PROJECTS.toLocaleString('en')} projects, 10 conn`,
    value: `${fmt(list.rps)} req/s`,
    p50: list.p50,
    p99: list.p99,
    ratio: `${(list.rps / bareRps).toFixed(2)}× bare`,
    target: listTarget,
    ok: listOk && list.errors === 0 && list.non2xx === 0,
  });

  rows.push({
    scenario: `${label}: server idle memory (RSS after start)`,
    value: `${idle.toFixed(0)} MB`,
    target: '≤ 150 MB',
    ok: idle <= 150,
  });
  await stopServer(server);
  return measured;
}

async function prepare(url: string) {
  const database = connect(url);
  await migrateToLatest(database.db);
  const data = await generateWorkspace(database.db, PROJECTS);
  // Fresh planner statistics after a bulk load, as autovacuum's analyze would give a live database.
  if (database.dialect === 'postgres') await sql`analyze`.execute(database.db);
  await database.close();
  fs.writeFileSync(path.join(os.tmpdir(), 'qd-bench-data.json'), JSON.stringify(data));
  // The generated data on disk before anything is measured, so that the kernel's write-back of it cannot
  // run during the first measurements.
  execFileSync('sync');
  return data;
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qd-bench-'));
  const sqliteFile = path.join(dir, 'bench.sqlite');
  const data = await prepare(sqliteFile);
  const bareRps = await baselines(3911);
  sqliteReadBaseline(sqliteFile, data.projectIds);
  const sqlite = await appScenarios('SQLite', sqliteFile, 3912, bareRps, null);
  const sqliteDeals = ONLY.has('deals')
    ? await dealScenarios({ label: 'SQLite', url: sqliteFile, port: 3914, seconds: SECONDS, data, bareRps })
    : null;
  if (sqliteDeals) rows.push(...sqliteDeals.rows);
  if (ONLY.has('schedule')) rows.push(await scheduleScenario('SQLite', path.join(dir, 'schedule.sqlite'), 3916, SECONDS));
  if (ONLY.has('goals'))
    rows.push(
      ...(await forecastComputeRows()),
      ...(await goalScenarios({ label: 'SQLite', url: sqliteFile, port: 3918, seconds: SECONDS, data })),
    );

  try {
    const database = await freshBenchDatabase(`qd_bench_${Date.now()}`);
    const pgData = await prepare(database.url);
    await appScenarios('PostgreSQL', database.url, 3913, bareRps, sqlite);
    if (sqliteDeals) {
      const pgDeals = await dealScenarios({
        label: 'PostgreSQL',
        url: database.url,
        port: 3915,
        seconds: SECONDS,
        data: pgData,
        bareRps,
        sqlite: sqliteDeals.measured,
      });
      rows.push(...pgDeals.rows);
    }
    if (ONLY.has('goals'))
      rows.push(...(await goalScenarios({ label: 'PostgreSQL', url: database.url, port: 3919, seconds: SECONDS, data: pgData })));
    await database.drop();
    if (ONLY.has('schedule')) {
      const plan = await freshBenchDatabase(`qd_bench_${Date.now()}_plan`);
      rows.push(await scheduleScenario('PostgreSQL', plan.url, 3917, SECONDS));
      await plan.drop();
    }
  } catch (error) {
    rows.push({ scenario: `PostgreSQL scenarios skipped: ${(error as Error).message}`, value: '—', target: '—', ok: null });
  }

  if (ONLY.has('core')) rows.push(...(await coreScenarios()));
  if (ONLY.has('browser')) rows.push(...(await browserScenarios()));
  fs.rmSync(dir, { recursive: true, force: true });
  print();
}

function print() {
  const header = ['scenario', 'result', 'p50 ms', 'p99 ms', 'ratio', 'target', 'ok'];
  const lines = rows.map((r) => [
    r.scenario,
    r.value,
    r.p50?.toFixed(1) ?? '',
    r.p99?.toFixed(1) ?? '',
    r.ratio ?? '',
    r.target,
    r.ok === null ? '' : r.ok ? 'yes' : 'NO',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const show = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  console.log(
    `\nQuarterdeck bench — ${new Date().toISOString()} — ${os.cpus().length} cores, Node ${process.version}, ${loadGenerator}, ${SECONDS}s per load\n`,
  );
  console.log(show(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const line of lines) console.log(show(line));
  fs.mkdirSync(path.resolve(import.meta.dirname, 'out'), { recursive: true });
  fs.writeFileSync(path.resolve(import.meta.dirname, 'out/results.json'), JSON.stringify(rows, null, 2));
}

await main();
