import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addWorkingDays, chinaMainlandCalendar, countWorkingDays } from '../src/core/calendar/calendar.js';
import { addCalendarDays } from '../src/core/calendar/civil-date.js';
import type { Dependency } from '../src/core/dependencies/schemas.js';
import type { ProjectSchedule, TaskListItem } from '../src/core/tasks/schemas.js';
import { hasChromium, hasWebBuild, launchBrowser, type RunningServer, startServer } from './support.js';

/**
 * The plan journey, in each language: set up with the demo project, open its Gantt, draw a dependency
 * between two bars by dragging, and see the successor move (in the grid, on the chart and in the
 * server's schedule); then try to close a cycle and read the refusal naming its tasks.
 */
const CASES = [
  { locale: 'zh-CN', owner: { name: '陈晓明', email: 'xiaoming.chen@example.com', workspace: '华东销售部' }, cycleWord: '循环' },
  { locale: 'en', owner: { name: 'Olivia Park', email: 'olivia.park@example.com', workspace: 'East China Sales' }, cycleWord: 'cycle' },
] as const;
const PASSWORD = 'Harbour-Lights-2027';
const ROW = 32;
/** Width of a day on the Gantt's day scale. */
const DAY_PX = 28;

type Plan = { tasks: TaskListItem[]; schedule: ProjectSchedule; dependencies: Dependency[] };

async function readPlan(page: Page, projectId: string): Promise<Plan> {
  const get = async <T>(path: string): Promise<T> => {
    const response = await page.request.get(`/api/v1/projects/${projectId}/${path}`);
    expect(response.status()).toBe(200);
    return (await response.json()) as T;
  };
  const [tasks, schedule, dependencies] = await Promise.all([
    get<{ items: TaskListItem[] }>('tasks?limit=5000'),
    get<ProjectSchedule>('schedule'),
    get<{ items: Dependency[] }>('dependencies?limit=5000'),
  ]);
  return { tasks: tasks.items, schedule, dependencies: dependencies.items };
}

/** Whether `to` can be reached from `from` along the dependencies (then a link to → from would close a cycle). */
function reaches(dependencies: Dependency[], from: string, to: string): boolean {
  const next = new Map<string, string[]>();
  for (const d of dependencies) next.set(d.predecessorId, [...(next.get(d.predecessorId) ?? []), d.successorId]);
  const seen = new Set([from]);
  const queue = [from];
  while (queue.length > 0) {
    const at = queue.shift() as string;
    if (at === to) return true;
    for (const n of next.get(at) ?? []) {
      if (seen.has(n)) continue;
      seen.add(n);
      queue.push(n);
    }
  }
  return false;
}

/**
 * Two leaf tasks a few rows apart, not linked either way, where the successor now starts before the
 * predecessor finishes: an FS link from the first to the second must push the second later.
 */
function choosePair(plan: Plan): { from: TaskListItem; to: TaskListItem } {
  const scheduled = new Map(plan.schedule.tasks.map((s) => [s.taskId, s]));
  const leaves = plan.tasks.map((task, row) => ({ task, row })).filter(({ task }) => !task.isSummary && task.duration > 0);
  for (const a of leaves) {
    for (const b of leaves) {
      const distance = b.row - a.row;
      if (a === b || Math.abs(distance) > 6) continue;
      const sa = scheduled.get(a.task.id);
      const sb = scheduled.get(b.task.id);
      if (!sa || !sb || sb.es >= sa.ef || sb.es + 1 >= sa.ef) continue;
      if (reaches(plan.dependencies, b.task.id, a.task.id) || reaches(plan.dependencies, a.task.id, b.task.id)) continue;
      return { from: a.task, to: b.task };
    }
  }
  throw new Error('the demo plan has no pair of tasks to link');
}

const dateFormat = (locale: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
/** The grid's dates: month and day. */
const gridDate = (locale: string) => new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone: 'UTC' });
const civil = (value: string) => new Date(`${value}T00:00:00Z`);

describe.skipIf(!hasChromium || !hasWebBuild).each(CASES)('plan journey in $locale', (c) => {
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('draws a dependency in the Gantt, the successor moves; a cycle is refused with its tasks named', async () => {
    const context = await browser.newContext({
      locale: c.locale,
      timezoneId: 'Asia/Shanghai',
      baseURL: server.url,
      viewport: { width: 1440, height: 900 },
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const byTestId = (id: string) => page.getByTestId(id);

    // Setup with the demo project, then its plan tab.
    await page.goto('/');
    await page.waitForURL(/\/setup/);
    await byTestId('setup-name').fill(c.owner.name);
    await byTestId('setup-email').fill(c.owner.email);
    await byTestId('setup-password').fill(PASSWORD);
    await byTestId('setup-workspace').fill(c.owner.workspace);
    expect(await byTestId('setup-demo').isChecked()).toBe(true);
    await byTestId('setup-submit').click();
    await page.waitForURL(/\/projects$/);
    await byTestId('project-link').first().click();
    await page.waitForURL(/\/projects\/[0-9a-z]+/);
    const projectId = new URL(page.url()).pathname.split('/').pop() as string;
    await byTestId('tab-plan').click();
    await byTestId('gantt-bar').first().waitFor();

    const before = await readPlan(page, projectId);
    expect(before.tasks.length).toBeGreaterThan(30);
    // The grid shows the whole work breakdown (virtualized: the rows in view), the header the scheduler's finish.
    await expect.poll(() => byTestId('gantt-row').first().getAttribute('data-task-id')).toBe(before.tasks[0].id);
    expect(await byTestId('gantt-figure-finish').textContent()).toContain(
      dateFormat(c.locale).format(civil(before.schedule.projectFinish)),
    );

    const { from, to } = choosePair(before);
    const fromBefore = before.schedule.tasks.find((s) => s.taskId === from.id);
    const toBefore = before.schedule.tasks.find((s) => s.taskId === to.id);
    if (!fromBefore || !toBefore) throw new Error('unscheduled task');
    const bar = (id: string) => page.locator(`[data-testid="gantt-bar"][data-task-id="${id}"]`);
    const row = (id: string) => page.locator(`[data-testid="gantt-row"][data-task-id="${id}"]`);

    // Bring both bars into view: the predecessor's finish a little right of the grid.
    const rowFrom = before.tasks.findIndex((t) => t.id === from.id);
    const rowTo = before.tasks.findIndex((t) => t.id === to.id);
    const board = byTestId('gantt-board');
    const drag = async (source: string, target: string) => {
      const finishX = await bar(source).evaluate((element) => {
        const box = (element as SVGGraphicsElement).getBBox();
        return box.x + box.width;
      });
      await board.evaluate(
        (element, scroll) => {
          element.scrollLeft = scroll.left;
          element.scrollTop = scroll.top;
        },
        { left: Math.max(0, finishX - 500), top: Math.max(0, Math.min(rowFrom, rowTo) * ROW - 2 * ROW) },
      );
      await page.waitForTimeout(100);
      const handle = await bar(source).getByTestId('gantt-link-handle').boundingBox();
      const targetBox = await bar(target).locator('rect, path').first().boundingBox();
      if (!handle || !targetBox) throw new Error('the handle or the target bar is not in view');
      await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
      await page.mouse.down();
      await page.mouse.move(handle.x + 30, handle.y + 10, { steps: 4 });
      await expect.poll(() => byTestId('gantt-link-draft').count()).toBe(1);
      // Onto the target's row (the drop finds the task by its row).
      await page.mouse.move(handle.x, targetBox.y + targetBox.height / 2, { steps: 8 });
      await page.mouse.up();
    };

    const finishCell = () => row(to.id).locator('[data-column="finish"]').textContent();
    expect(await finishCell()).toBe(gridDate(c.locale).format(civil(toBefore.finishDate)));

    // Draw FS from → to: the successor now starts where the predecessor ends.
    await drag(from.id, to.id);
    await expect.poll(() => bar(to.id).getAttribute('data-start'), { timeout: 10_000 }).not.toBe(toBefore.startDate);

    const after = await readPlan(page, projectId);
    const link = after.dependencies.find((d) => d.predecessorId === from.id && d.successorId === to.id);
    expect(link).toMatchObject({ type: 'FS', lag: 0 });
    const fromAfter = after.schedule.tasks.find((s) => s.taskId === from.id);
    const toAfter = after.schedule.tasks.find((s) => s.taskId === to.id);
    if (!fromAfter || !toAfter) throw new Error('unscheduled task');
    // It started before the predecessor finished, so the new link drives it: es(to) = ef(from), its duration unchanged.
    expect(toAfter.es).toBe(fromAfter.ef);
    expect(toAfter.ef - toAfter.es).toBe(toBefore.ef - toBefore.es);
    expect(toAfter.es).toBeGreaterThan(toBefore.es);
    // The UI shows the server's new dates: on the bar, and in the grid's finish column.
    expect(await bar(to.id).getAttribute('data-start')).toBe(toAfter.startDate);
    expect(await bar(to.id).getAttribute('data-finish')).toBe(toAfter.finishDate);
    await expect.poll(finishCell).toBe(gridDate(c.locale).format(civil(toAfter.finishDate)));
    expect(toAfter.finishDate > toBefore.finishDate).toBe(true);
    // The new arrow is drawn.
    expect(await page.locator(`[data-testid="gantt-link"][data-dependency-id="${link?.id}"]`).count()).toBe(1);

    // Back the other way closes a cycle: refused, the message names both tasks; nothing changes.
    await drag(to.id, from.id);
    const notice = byTestId('gantt-notice');
    await notice.waitFor();
    const text = (await notice.textContent()) ?? '';
    expect(text).toContain(c.cycleWord);
    expect(text).toContain(from.title);
    expect(text).toContain(to.title);
    const unchanged = await readPlan(page, projectId);
    expect(unchanged.dependencies.length).toBe(after.dependencies.length);

    expect(errors).toEqual([]);
    await context.close();
  });

  it('adds tasks in the drawer, resizes and moves a bar, indents, outdents and reorders with the keyboard alone, deletes a summary with its subtask', async () => {
    const context = await browser.newContext({
      locale: c.locale,
      timezoneId: 'Asia/Shanghai',
      baseURL: server.url,
      viewport: { width: 1440, height: 900 },
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const byTestId = (id: string) => page.getByTestId(id);
    await page.goto('/sign-in');
    await byTestId('sign-in-email').fill(c.owner.email);
    await byTestId('sign-in-password').fill(PASSWORD);
    await byTestId('sign-in-submit').click();
    await page.waitForURL(/\/projects$/);
    await byTestId('project-link').first().click();
    await page.waitForURL(/\/projects\/[0-9a-z]+/);
    const projectId = new URL(page.url()).pathname.split('/').pop() as string;
    await byTestId('tab-plan').click();
    await byTestId('gantt-bar').first().waitFor();
    const topLevel = (await readPlan(page, projectId)).tasks.filter((task) => task.parentId === null).length;

    // Nothing selected: "Add task" adds at the end of the top level; a checklist item comes along.
    const add = async (title: string) => {
      await byTestId('gantt-add').click();
      await byTestId('task-title').fill(title);
      await byTestId('task-checklist-new').fill(`${title}: confirm the venue`);
      await byTestId('task-checklist-new').press('Enter');
      await byTestId('task-submit').click();
      await expect.poll(async () => (await readPlan(page, projectId)).tasks.some((task) => task.title === title)).toBe(true);
      await byTestId('task-drawer').waitFor({ state: 'hidden' });
    };
    await add('Trade-show follow-up');
    // The new task is selected: the next one goes right after it.
    await add('Thank-you letters');
    const plan = await readPlan(page, projectId);
    const first = plan.tasks.find((task) => task.title === 'Trade-show follow-up') as TaskListItem;
    const second = plan.tasks.find((task) => task.title === 'Thank-you letters') as TaskListItem;
    expect(first).toMatchObject({ parentId: null, wbs: String(topLevel + 1), duration: 1 });
    expect(first.checklist).toEqual([expect.objectContaining({ text: 'Trade-show follow-up: confirm the venue', done: false })]);
    expect(second).toMatchObject({ parentId: null, wbs: String(topLevel + 2) });

    // Drag the new task's right end 4 days later, then the bar 7 days later: a longer duration in working days,
    // then a start-no-earlier-than on the working day it was dropped on (it has no predecessor to hold it back).
    const start = (await readPlan(page, projectId)).schedule.tasks.find((s) => s.taskId === second.id)?.startDate as string;
    const secondBar = page.locator(`[data-testid="gantt-bar"][data-task-id="${second.id}"]`);
    const board = byTestId('gantt-board');
    const barRect = secondBar.locator('rect.gantt-task');
    const showBar = async () => {
      const x0 = await barRect.evaluate((element) => (element as SVGGraphicsElement).getBBox().x);
      await board.evaluate(
        (element, left) => {
          element.scrollLeft = left;
          // The whole chart in the window (the page scrolls too when the chart reaches below the fold).
          window.scrollBy(0, Math.max(0, element.getBoundingClientRect().bottom - window.innerHeight + 8));
        },
        Math.max(0, x0 - 150),
      );
      await page.waitForTimeout(100);
      const box = await barRect.boundingBox();
      if (!box) throw new Error('the bar is not in view');
      return box;
    };
    let box = await showBar();
    await page.mouse.move(box.x + box.width - 1, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width - 1 + 4 * DAY_PX, box.y + box.height / 2, { steps: 6 });
    await page.mouse.up();
    const longer = countWorkingDays(chinaMainlandCalendar(), start, addCalendarDays(start, 4));
    await expect.poll(async () => (await readPlan(page, projectId)).tasks.find((task) => task.id === second.id)?.duration).toBe(longer);
    await expect.poll(() => secondBar.getAttribute('data-finish')).not.toBe(start);

    box = await showBar();
    await page.mouse.move(box.x + 6, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + 6 + 7 * DAY_PX, box.y + box.height / 2, { steps: 6 });
    await page.mouse.up();
    const dropped = addWorkingDays(chinaMainlandCalendar(), addCalendarDays(start, 7), 0);
    await expect
      .poll(async () => (await readPlan(page, projectId)).tasks.find((task) => task.id === second.id)?.startNoEarlierThan)
      .toBe(dropped);
    await expect.poll(() => secondBar.getAttribute('data-start')).toBe(dropped);

    // The keyboard alone, the row selected once: Tab indents it under the task above, Shift+Tab brings it back,
    // Alt+↑ / Alt+↓ swap it with its neighbour, all the way to the top of the plan (far enough that the grid, which
    // draws only the rows near the view, draws the row anew) and back. Each key goes to the moved row, which keeps the focus.
    const secondRow = page.locator(`[data-testid="gantt-row"][data-task-id="${second.id}"]`);
    const firstRow = page.locator(`[data-testid="gantt-row"][data-task-id="${first.id}"]`);
    const outlineOf = (locator: typeof secondRow) => locator.locator('[data-column="wbs"]').textContent();
    const isFocused = (locator: typeof secondRow) => locator.evaluate((element) => element === document.activeElement);
    /** Press a key on the selected row, then see the move in the server's WBS and in the grid, the row still focused. */
    const press = async (key: string, expected: { first: string; second: string; parentId: string | null; depth: number }) => {
      await page.keyboard.press(key);
      await expect
        .poll(async () => {
          const tasks = (await readPlan(page, projectId)).tasks;
          const moved = tasks.find((task) => task.id === second.id);
          return [tasks.find((task) => task.id === first.id)?.wbs, moved?.wbs, moved?.parentId, moved?.depth];
        })
        .toEqual([expected.first, expected.second, expected.parentId, expected.depth]);
      await expect.poll(() => outlineOf(secondRow)).toBe(expected.second);
      expect(await secondRow.getAttribute('aria-selected')).toBe('true');
      await expect.poll(() => isFocused(secondRow)).toBe(true);
      if (await firstRow.count()) expect(await outlineOf(firstRow)).toBe(expected.first);
    };
    await secondRow.scrollIntoViewIfNeeded();
    await secondRow.click();
    expect(await isFocused(secondRow)).toBe(true);
    const [one, two] = [String(topLevel + 1), String(topLevel + 2)];
    const top = { parentId: null, depth: 0 };
    await press('Tab', { first: one, second: `${one}.1`, parentId: first.id, depth: 1 });
    expect((await readPlan(page, projectId)).tasks.find((task) => task.id === first.id)?.isSummary).toBe(true);
    await press('Shift+Tab', { first: one, second: two, ...top });
    await press('Alt+ArrowUp', { first: two, second: one, ...top });
    await press('Alt+ArrowDown', { first: one, second: two, ...top });
    // Up past every phase of the demo plan to the first row, then down again.
    for (let at = topLevel + 1; at >= 1; at -= 1) {
      await press('Alt+ArrowUp', { first: two, second: String(at), ...top });
    }
    expect(await page.getByTestId('gantt-row').first().getAttribute('data-task-id')).toBe(second.id);
    for (let at = 2; at <= topLevel + 2; at += 1) {
      await press('Alt+ArrowDown', { first: at === topLevel + 2 ? one : two, second: String(at), ...top });
    }
    await press('Tab', { first: one, second: `${one}.1`, parentId: first.id, depth: 1 });
    // Two keys at once, the second pressed before the first move is back: it waits its turn, then moves the task
    // from where the first left it (both moves made: the version counts them), and no error is shown.
    const versionBefore = (await readPlan(page, projectId)).tasks.find((task) => task.id === second.id)?.version as number;
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    await expect
      .poll(async () => {
        const moved = (await readPlan(page, projectId)).tasks.find((task) => task.id === second.id);
        return [moved?.version, moved?.parentId, moved?.wbs];
      })
      .toEqual([versionBefore + 2, first.id, `${one}.1`]);
    await expect.poll(() => outlineOf(secondRow)).toBe(`${one}.1`);
    await expect.poll(() => isFocused(secondRow)).toBe(true);
    // No error message (the notices of the tasks added earlier may still be up: those are fine).
    expect(await page.locator('.ant-message-error, .ant-message-warning').allTextContents()).toEqual([]);

    // Enter on the summary opens it; deleting it says its subtask goes too, and both go.
    await firstRow.click();
    await page.keyboard.press('Enter');
    await byTestId('task-delete').click();
    expect(await page.locator('.ant-popconfirm').textContent()).toContain('1');
    await page.locator('.ant-popconfirm .ant-btn-dangerous').click();
    await expect
      .poll(async () => (await readPlan(page, projectId)).tasks.filter((task) => task.id === first.id || task.id === second.id).length)
      .toBe(0);

    expect(errors).toEqual([]);
    await context.close();
  });
});
