/**
 * The Gantt in Chromium with a 5,000-task plan (issue 5's budget: first render ≤ 300 ms, smooth scrolling).
 *
 *   npx vite build && npx tsx bench/gantt-browser.ts      # or QD_WEB_DIR=/some/build npx tsx bench/gantt-browser.ts
 *
 * Starts the application on a fresh SQLite database, signs up, creates a project through the API and
 * writes its plan straight into the database (5,000 tasks in 100 summaries, chains of finish-to-start
 * links, the summaries staggered by start-to-start links), then opens the plan tab in headless Chromium:
 *   - navigation → bars visible;
 *   - the Gantt's own render: from `gantt:data` (every request answered) to `gantt:painted` (first frame
 *     after the first commit), performance marks set by gantt-view.tsx and gantt-board.tsx;
 *   - scrolling through the list for 2 s (one step a frame): frames, frame times, long tasks.
 * `runGanttBench()` returns the figures for the main bench.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { buildApp } from '../src/server/app.js';
import { connect } from '../src/server/db/connect.js';
import type { DependencyTable, TaskTable } from '../src/server/db/database.js';
import { migrateToLatest } from '../src/server/db/migrate.js';
import { lockPlan } from '../src/server/features/tasks/queries.js';
import { newId } from '../src/server/ids.js';

export type GanttBenchOptions = { summaries?: number; leavesPerSummary?: number; chain?: number; scrollSeconds?: number };

export type GanttBenchResult = {
  tasks: number;
  dependencies: number;
  /** Navigation start → the first bars in the DOM. */
  firstBarsMs: number;
  /** Navigation start → every request of the plan answered. */
  dataMs: number;
  /** `gantt:data` → `gantt:painted`: the Gantt's own first render. */
  renderMs: number;
  scroll: {
    seconds: number;
    frames: number;
    fps: number;
    p95FrameMs: number;
    maxFrameMs: number;
    framesOver50Ms: number;
    longTasks: number;
    /** Main-thread work a frame (all tasks), of which script, and style + layout. */
    mainThreadMsPerFrame: number;
    scriptMsPerFrame: number;
    layoutMsPerFrame: number;
  };
};

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const PASSWORD = 'Harbour-Lights-2026';
const RENDER_BUDGET_MS = 300;

/** The plan: `summaries` summary tasks of `leavesPerSummary` leaves, in chains of `chain` FS links; summary k starts 2 days after k − 1 (SS +2). */
function generatePlan(workspaceId: string, projectId: string, o: Required<GanttBenchOptions>) {
  const now = new Date().toISOString();
  const tasks: TaskTable[] = [];
  const dependencies: DependencyTable[] = [];
  const task = (parentId: string | null, sortOrder: number, title: string, duration: number): TaskTable => ({
    workspace_id: workspaceId,
    id: newId(),
    project_id: projectId,
    parent_id: parentId,
    sort_order: sortOrder,
    title,
    description: '',
    duration,
    start_no_earlier_than: null,
    estimate_hours: duration * 6,
    planned_cost: duration * 80_000,
    percent_complete: 0,
    status: 'todo',
    priority: 'medium',
    phase: 'execution',
    sprint_id: null,
    story_points: null,
    checklist: '[]',
    created_at: now,
    updated_at: now,
    version: 1,
  });
  const link = (from: string, to: string, type: string, lag: number): DependencyTable => ({
    workspace_id: workspaceId,
    id: newId(),
    project_id: projectId,
    predecessor_id: from,
    successor_id: to,
    type,
    lag,
    created_at: now,
    updated_at: now,
    version: 1,
  });
  let previousFirst: string | null = null;
  for (let s = 0; s < o.summaries; s += 1) {
    const summary = task(null, s, `Account wave ${s + 1}`, 0);
    tasks.push(summary);
    let previous: string | null = null;
    for (let k = 0; k < o.leavesPerSummary; k += 1) {
      const leaf = task(summary.id, k, `Visit customer ${s + 1}-${k + 1}`, 1 + ((s * 7 + k * 3) % 5));
      tasks.push(leaf);
      if (k % o.chain !== 0 && previous) dependencies.push(link(previous, leaf.id, 'FS', 0));
      if (k === 0 && previousFirst) dependencies.push(link(previousFirst, leaf.id, 'SS', 2));
      if (k === 0) previousFirst = leaf.id;
      previous = leaf.id;
    }
  }
  return { tasks, dependencies };
}

// Scripts run in the page, as text (tsx would wrap named functions in a helper the page does not have).
const IN_PAGE_MARKS = `(() => {
  const at = (name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
  return { data: at('gantt:data'), painted: at('gantt:painted') };
})()`;

/** Scrolls the board one step a frame for SECONDS seconds: the frame deltas and the long tasks meanwhile. */
const IN_PAGE_SCROLL = `(async () => {
  const board = document.querySelector('[data-testid="gantt-board"]');
  let longTasks = 0;
  const observer = new PerformanceObserver((list) => { longTasks += list.getEntries().length; });
  try { observer.observe({ type: 'longtask', buffered: false }); } catch {}
  const deltas = [];
  await new Promise((resolve) => {
    let start = 0;
    let last = 0;
    const step = (now) => {
      deltas.push(now - last);
      last = now;
      board.scrollTop += 48;
      if (now - start < SECONDS * 1000) requestAnimationFrame(step);
      else resolve();
    };
    requestAnimationFrame((now) => {
      start = now;
      last = now;
      requestAnimationFrame(step);
    });
  });
  observer.disconnect();
  return { deltas, longTasks, scrolledTo: board.scrollTop };
})()`;

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};

export async function runGanttBench(options: GanttBenchOptions = {}): Promise<GanttBenchResult> {
  const o: Required<GanttBenchOptions> = { summaries: 100, leavesPerSummary: 49, chain: 7, scrollSeconds: 2, ...options };
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qd-gantt-bench-'));
  const database = connect(path.join(dataDir, 'quarterdeck.sqlite'));
  await migrateToLatest(database.db);
  const app = await buildApp({ config: { signupMode: 'first-user', publicUrl: null, trustProxy: false, logLevel: 'warn' }, database });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const baseURL = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
  try {
    const context = await browser.newContext({ baseURL, locale: 'en', viewport: { width: 1440, height: 900 } });
    const signup = await context.request.post('/api/v1/auth/signup', {
      data: { email: 'bench@example.com', password: PASSWORD, name: 'Bench', workspaceName: 'Bench', demo: false },
    });
    if (!signup.ok()) throw new Error(`signup: ${signup.status()} ${await signup.text()}`);
    const { workspace } = (await signup.json()) as { workspace: { id: string } };
    const csrf = (await context.cookies()).find((cookie) => cookie.name === 'qd_csrf')?.value ?? '';
    const created = await context.request.post('/api/v1/projects', {
      headers: { 'x-csrf-token': csrf },
      data: { name: '5,000-task plan', startDate: '2026-01-05', endDate: '2026-12-31' },
    });
    if (!created.ok()) throw new Error(`project: ${created.status()} ${await created.text()}`);
    const project = (await created.json()) as { id: string };

    const plan = generatePlan(workspace.id, project.id, o);
    await database.db.transaction().execute(async (trx) => {
      for (let k = 0; k < plan.tasks.length; k += 500)
        await trx
          .insertInto('tasks')
          .values(plan.tasks.slice(k, k + 500))
          .execute();
      for (let k = 0; k < plan.dependencies.length; k += 500) {
        await trx
          .insertInto('dependencies')
          .values(plan.dependencies.slice(k, k + 500))
          .execute();
      }
      await lockPlan(trx, workspace.id, project.id);
    });

    const page = await context.newPage();
    // Warm the server's schedule cache and the browser's code cache with one visit, then measure a second one.
    await page.goto(`/projects/${project.id}?tab=plan`);
    await page.getByTestId('gantt-bar').first().waitFor({ timeout: 60_000 });
    await page.reload();
    await page.getByTestId('gantt-bar').first().waitFor({ timeout: 60_000 });
    const firstBarsMs = await page.evaluate(() => performance.now());
    await page.waitForFunction(() => performance.getEntriesByName('gantt:painted').length > 0);
    const marks = (await page.evaluate(IN_PAGE_MARKS)) as { data: number; painted: number };
    // Main-thread work while scrolling (Chromium's own counters): less sensitive than frame times to a busy machine.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const busy = async () => {
      const { metrics } = await cdp.send('Performance.getMetrics');
      const of = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
      return { task: of('TaskDuration'), script: of('ScriptDuration'), layout: of('LayoutDuration') + of('RecalcStyleDuration') };
    };
    const busyBefore = await busy();
    const scroll = (await page.evaluate(IN_PAGE_SCROLL.replace('SECONDS', String(o.scrollSeconds)))) as {
      deltas: number[];
      longTasks: number;
      scrolledTo: number;
    };
    const busyAfter = await busy();
    if (scroll.scrolledTo < 1000)
      throw new Error(`the board did not scroll: ${JSON.stringify({ ...scroll, deltas: scroll.deltas.length })}`);
    const frames = scroll.deltas.length;
    return {
      tasks: plan.tasks.length,
      dependencies: plan.dependencies.length,
      firstBarsMs: Math.round(firstBarsMs),
      dataMs: Math.round(marks.data),
      renderMs: Math.round(marks.painted - marks.data),
      scroll: {
        seconds: o.scrollSeconds,
        frames,
        fps: Math.round((frames / scroll.deltas.reduce((sum, d) => sum + d, 0)) * 1000 * 10) / 10,
        p95FrameMs: Math.round(percentile(scroll.deltas, 95) * 10) / 10,
        maxFrameMs: Math.round(Math.max(...scroll.deltas) * 10) / 10,
        framesOver50Ms: scroll.deltas.filter((d) => d > 50).length,
        longTasks: scroll.longTasks,
        mainThreadMsPerFrame: Math.round(((busyAfter.task - busyBefore.task) / frames) * 10) / 10,
        scriptMsPerFrame: Math.round(((busyAfter.script - busyBefore.script) / frames) * 10) / 10,
        layoutMsPerFrame: Math.round(((busyAfter.layout - busyBefore.layout) / frames) * 10) / 10,
      },
    };
  } finally {
    await browser.close();
    await app.close();
    await database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

function printTable(r: GanttBenchResult): void {
  const rows: [string, string, string][] = [
    ['plan', `${r.tasks.toLocaleString('en')} tasks, ${r.dependencies.toLocaleString('en')} dependencies`, ''],
    ['navigation → data answered', `${r.dataMs} ms`, ''],
    ['Gantt render: data → first paint', `${r.renderMs} ms`, `≤ ${RENDER_BUDGET_MS} ms ${r.renderMs <= RENDER_BUDGET_MS ? 'OK' : 'OVER'}`],
    ['navigation → bars visible', `${r.firstBarsMs} ms`, ''],
    [`scrolling ${r.scroll.seconds} s: frames`, `${r.scroll.frames} (${r.scroll.fps} fps)`, ''],
    ['scrolling: p95 / max frame', `${r.scroll.p95FrameMs} / ${r.scroll.maxFrameMs} ms`, r.scroll.framesOver50Ms === 0 ? 'smooth' : ''],
    ['scrolling: frames > 50 ms, long tasks', `${r.scroll.framesOver50Ms}, ${r.scroll.longTasks}`, ''],
    [
      'scrolling: main thread a frame (script, style+layout)',
      `${r.scroll.mainThreadMsPerFrame} ms (${r.scroll.scriptMsPerFrame}, ${r.scroll.layoutMsPerFrame})`,
      r.scroll.mainThreadMsPerFrame < 16.7 ? 'fits a 60 Hz frame' : '',
    ],
  ];
  const width = Math.max(...rows.map(([name]) => name.length));
  const valueWidth = Math.max(...rows.map(([, value]) => value.length));
  for (const [name, value, note] of rows) console.log(`${name.padEnd(width)}  ${value.padStart(valueWidth)}  ${note}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  runGanttBench()
    .then(printTable)
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
