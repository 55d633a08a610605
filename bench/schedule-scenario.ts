import { pathToFileURL } from 'node:url';
import { buildBenchNetwork } from '../src/core/schedule/schedule.bench';
import { connect } from '../src/server/db/connect.js';
import type { Db } from '../src/server/db/database.js';
import { migrateToLatest } from '../src/server/db/migrate.js';
import { type BenchData, generateWorkspace } from './generate.js';
import { load, startServer, stopServer } from './load.js';

/**
 * Issue 5's route benchmark: `GET /api/v1/projects/{id}/schedule` of a 2,000-task project (one in
 * twenty a summary, ~4,000 dependencies of all four types, start-no-earlier-than dates, the
 * mainland-China calendar) at 16 connections; target p99 ≤ 50 ms. The schedule is computed on every
 * read (nothing cached), so this measures the queries, the scheduler, the rollups and the response.
 *
 * Wiring into run.ts: after `generateWorkspace`, call `prepareScheduleProject(db, data)`; with the
 * app server of that database running, call `measureSchedule(label, port, token, projectId)` and
 * push the row it returns. `scheduleScenario(label, url, port)` does all of it on its own database.
 */

export const SCHEDULE_TASKS = 2_000;
export const SCHEDULE_DEPENDENCIES = 4_000;
export const SCHEDULE_CONNECTIONS = 16;

/** The shape of run.ts's table rows. */
export type ScheduleRow = {
  scenario: string;
  value: string;
  p50?: number;
  p99?: number;
  ratio?: string;
  target: string;
  ok: boolean | null;
};

/** Writes a project with the benchmark plan into the bench workspace; answers its id. */
export async function prepareScheduleProject(
  db: Db,
  data: Pick<BenchData, 'workspaceId' | 'userId'>,
  tasks = SCHEDULE_TASKS,
): Promise<string> {
  const network = buildBenchNetwork(tasks, SCHEDULE_DEPENDENCIES);
  const { workspaceId } = data;
  const now = new Date().toISOString();
  const projectId = 'bench-plan';
  const calendarId = 'bench-china';
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('calendars')
      .values({
        workspace_id: workspaceId,
        id: calendarId,
        name: 'Mainland China',
        kind: 'china',
        working_weekdays: JSON.stringify(network.calendar.workingWeekdays),
        holidays: JSON.stringify(network.calendar.holidays),
        workdays: JSON.stringify(network.calendar.workdays),
        created_at: now,
        version: 1,
      })
      .execute();
    await trx
      .insertInto('projects')
      .values({
        workspace_id: workspaceId,
        id: projectId,
        name: 'Bench plan',
        description: `${tasks} tasks for GET /schedule`,
        status: 'active',
        methodology: 'waterfall',
        start_date: network.projectStart,
        end_date: '2026-12-31',
        currency: 'CNY',
        calendar_id: calendarId,
        archived_at: null,
        created_at: now,
        updated_at: now,
        version: 1,
      })
      .execute();
    const position = new Map<string | null, number>();
    const rows = network.tasks.map((task, i) => {
      const sortOrder = position.get(task.parentId) ?? 0;
      position.set(task.parentId, sortOrder + 1);
      return {
        workspace_id: workspaceId,
        id: task.id,
        project_id: projectId,
        parent_id: task.parentId,
        sort_order: sortOrder,
        title: `Task ${i}`,
        description: '',
        duration: task.duration,
        start_no_earlier_than: task.startNoEarlierThan,
        estimate_hours: task.duration * 6,
        planned_cost: task.duration * 100_000,
        percent_complete: i % 3 === 0 ? 100 : i % 3 === 1 ? 40 : 0,
        status: 'todo',
        priority: 'medium',
        phase: 'execution',
        sprint_id: null,
        story_points: null,
        checklist: '[]',
        created_at: now,
        updated_at: now,
        version: 1,
      };
    });
    for (let i = 0; i < rows.length; i += 500)
      await trx
        .insertInto('tasks')
        .values(rows.slice(i, i + 500))
        .execute();
    // One link per ordered pair (the table's unique key); the generator may draw a pair twice.
    const seen = new Set<string>();
    const links = network.dependencies
      .filter((d) => {
        const pair = `${d.predecessorId} ${d.successorId}`;
        if (seen.has(pair)) return false;
        seen.add(pair);
        return true;
      })
      .map((d) => ({
        workspace_id: workspaceId,
        id: d.id,
        project_id: projectId,
        predecessor_id: d.predecessorId,
        successor_id: d.successorId,
        type: d.type,
        lag: d.lag,
        created_at: now,
        updated_at: now,
        version: 1,
      }));
    for (let i = 0; i < links.length; i += 500)
      await trx
        .insertInto('dependencies')
        .values(links.slice(i, i + 500))
        .execute();
  });
  return projectId;
}

/** Loads a running app server with `GET /projects/{id}/schedule` at 16 connections. */
export async function measureSchedule(
  label: string,
  port: number,
  token: string,
  projectId: string,
  seconds: number,
): Promise<ScheduleRow> {
  const result = await load(port, [`/api/v1/projects/${projectId}/schedule`], {
    connections: SCHEDULE_CONNECTIONS,
    seconds,
    headers: { authorization: `Bearer ${token}` },
  });
  return {
    scenario: `${label}: GET /projects/{id}/schedule, ${SCHEDULE_TASKS.toLocaleString('en')} tasks, ${SCHEDULE_CONNECTIONS} conn`,
    value: `${Math.round(result.rps).toLocaleString('en')} req/s`,
    p50: result.p50,
    p99: result.p99,
    target: 'p99 ≤ 50 ms',
    ok: result.p99 <= 50 && result.errors === 0 && result.non2xx === 0,
  };
}

/** The whole scenario on the database at `url` (migrated and seeded here): prepare, serve, load, stop. */
export async function scheduleScenario(
  label: string,
  url: string,
  port: number,
  seconds = Number(process.env.BENCH_SECONDS ?? 5),
): Promise<ScheduleRow> {
  const database = connect(url);
  await migrateToLatest(database.db);
  const data = await generateWorkspace(database.db, 10);
  const projectId = await prepareScheduleProject(database.db, data);
  await database.close();
  const server = await startServer('server.ts', { DATABASE_URL: url, PORT: String(port) });
  // As run.ts does: let the server settle before loading it.
  await new Promise((resolve) => setTimeout(resolve, 1500));
  try {
    return await measureSchedule(label, port, data.token, projectId, seconds);
  } finally {
    await stopServer(server);
  }
}

// `tsx bench/schedule-scenario.ts [sqlite-file | postgres-url]`: this scenario alone.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const fs = await import('node:fs');
  const os = await import('node:os');
  const path = await import('node:path');
  const target = process.argv[2] ?? path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'qd-bench-schedule-')), 'bench.sqlite');
  const row = await scheduleScenario(target.startsWith('postgres') ? 'PostgreSQL' : 'SQLite', target, 3921);
  console.log(row);
}
