import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { connect } from '../src/server/db/connect.js';
import { migrateToLatest } from '../src/server/db/migrate.js';
import { type BenchData, generateWorkspace } from './generate.js';

export type BenchRow = { scenario: string; value: string; p50?: number; p99?: number; ratio?: string; target: string; ok: boolean | null };

/** One database's run of a group of scenarios: its rows, and figures the PostgreSQL run is compared with. */
export type GroupRun = (
  ctx: { label: 'SQLite' | 'PostgreSQL'; url: string; seconds: number; data: BenchData },
  sqlite: Record<string, number> | null,
) => Promise<{ rows: BenchRow[]; measured?: Record<string, number> }>;

/**
 * A scenario file run on its own (`npx tsx bench/<group>-scenarios.ts`): a fresh SQLite file with a
 * workspace of `projects` projects, then a fresh PostgreSQL database when one answers; prints a table.
 */
export async function runStandalone(group: string, projects: number, run: GroupRun, first: BenchRow[] = []): Promise<void> {
  const seconds = Number(process.env.BENCH_SECONDS ?? 5);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `qd-${group}-bench-`));
  const prepare = async (url: string) => {
    const database = connect(url);
    await migrateToLatest(database.db);
    const data = await generateWorkspace(database.db, projects);
    await database.close();
    return data;
  };
  const rows: BenchRow[] = [...first];
  const sqliteUrl = path.join(dir, 'bench.sqlite');
  const sqlite = await run({ label: 'SQLite', url: sqliteUrl, seconds, data: await prepare(sqliteUrl) }, null);
  rows.push(...sqlite.rows);
  try {
    const database = await freshBenchDatabase(`qd_${group}_bench_${Date.now()}`);
    rows.push(
      ...(await run({ label: 'PostgreSQL', url: database.url, seconds, data: await prepare(database.url) }, sqlite.measured ?? null)).rows,
    );
    await database.drop();
  } catch (error) {
    rows.push({ scenario: `PostgreSQL ${group} scenarios skipped: ${(error as Error).message}`, value: '—', target: '—', ok: null });
  }
  fs.rmSync(dir, { recursive: true, force: true });
  printRows(rows);
}

/** A new PostgreSQL database for a bench run (on BENCH_DATABASE_URL, TEST_DATABASE_URL or the local server), and how to drop it. */
export async function freshBenchDatabase(name: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const onAdmin = async (statement: string) => {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    try {
      await admin.query(statement);
    } finally {
      await admin.end().catch(() => undefined);
    }
  };
  await onAdmin(`create database "${name}"`);
  const target = new URL(adminUrl);
  target.pathname = `/${name}`;
  return { url: target.toString(), drop: () => onAdmin(`drop database if exists "${name}" with (force)`) };
}

/** The rows as a table (scenario, result, p50, p99, target, ok). */
export function printRows(rows: BenchRow[]): void {
  const header = ['scenario', 'result', 'p50 ms', 'p99 ms', 'target', 'ok'];
  const lines = rows.map((r) => [
    r.scenario,
    r.value,
    r.p50?.toFixed(1) ?? '',
    r.p99?.toFixed(1) ?? '',
    r.target,
    r.ok === null ? '' : r.ok ? 'yes' : 'NO',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const show = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  console.log(show(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const line of lines) console.log(show(line));
}
