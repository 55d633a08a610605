import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, hasWebBuild, launchBrowser, type RunningServer, startServer } from './support.js';

/** The plan's side views on the demo project, in each language: baselines, the time sheet, and working calendars. */
const CASES = [
  {
    locale: 'zh-CN',
    owner: { name: '陈晓明', email: 'xiaoming.chen@example.com', workspace: '华东销售部' },
    baseline: '第二轮评审后',
    holiday: '公司年会',
    demoBaseline: '计划批准版',
  },
  {
    locale: 'en',
    owner: { name: 'Olivia Park', email: 'olivia.park@example.com', workspace: 'East China Sales' },
    baseline: 'After the second review',
    holiday: 'Company offsite',
    demoBaseline: 'Plan approved',
  },
] as const;
const PASSWORD = 'Harbour-Lights-2027';

/** Waits for a value in the browser: lazy chunks and a cold server on a busy machine take seconds, not one. */
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 15_000 });

/** Hours shown in the grid's cells of the first rows (input values), by index. */
const cellValues = (page: Page) =>
  page.getByTestId('time-cell').evaluateAll((cells) => cells.map((cell) => (cell as HTMLInputElement).value));

describe.skipIf(!hasChromium || !hasWebBuild).each(CASES)('plan views in $locale', (c) => {
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

  it('saves a baseline and compares with it, logs 3 hours that survive a reload, adds a holiday seen in the year view', async () => {
    const context = await browser.newContext({ locale: c.locale, timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const byTestId = (id: string) => page.getByTestId(id);

    await page.goto(server.url);
    await page.waitForURL(/\/setup/);
    await byTestId('setup-name').fill(c.owner.name);
    await byTestId('setup-email').fill(c.owner.email);
    await byTestId('setup-password').fill(PASSWORD);
    await byTestId('setup-workspace').fill(c.owner.workspace);
    await byTestId('setup-submit').click();
    await page.waitForURL(/\/projects$/);
    await byTestId('project-row').first().click();
    await page.waitForURL(/\/projects\/[0-9a-z]+/);
    await poll(() => byTestId('page-title').textContent()).not.toBe('');
    const projectName = (await byTestId('page-title').textContent()) ?? '';

    // Baselines: the demo's own, then a new one, which becomes the one compared.
    await byTestId('tab-plan').click();
    await byTestId('plan-view-baselines').click();
    await poll(() => byTestId('baseline-row').count()).toBe(1);
    await poll(() => byTestId('baseline-name').first().textContent()).toBe(c.demoBaseline);
    // The demo plan moved since its baseline: the project finishes later, and "only tasks that moved" is a subset.
    await poll(() => byTestId('variance-project-finish-slip').getAttribute('data-value')).not.toBeNull();
    expect(Number(await byTestId('variance-project-finish-slip').getAttribute('data-value'))).toBeGreaterThan(0);
    const moved = await byTestId('variance-row').count();
    expect(moved).toBeGreaterThan(0);
    expect(moved).toBeLessThan(43);
    await byTestId('baseline-only-moved').click();
    await poll(() => byTestId('variance-row').count()).toBe(43);

    await byTestId('baseline-save').click();
    await byTestId('baseline-name-input').fill(c.baseline);
    await byTestId('baseline-form-submit').click();
    await poll(() => byTestId('baseline-row').count()).toBe(2);
    // Newest first, and compared: saved from the current plan, nothing has moved against it.
    await poll(() => byTestId('baseline-name').first().textContent()).toBe(c.baseline);
    expect(await byTestId('baseline-row').first().locator('input[type=radio]').isChecked()).toBe(true);
    expect(await byTestId('baseline-row').nth(1).locator('input[type=radio]').isChecked()).toBe(false);
    await poll(() => byTestId('variance-project-finish-slip').getAttribute('data-value')).toBe('0');
    await poll(() => byTestId('variance-row').count()).toBe(43);
    await byTestId('baseline-only-moved').click();
    await poll(() => byTestId('variance-row').count()).toBe(0);

    // Time sheet: my week; 3 hours in the first empty cell of the first row, saved by Enter.
    await byTestId('plan-view-time').click();
    await poll(() => byTestId('time-row').count()).toBeGreaterThan(0);
    await page.waitForLoadState('networkidle');
    const before = await cellValues(page);
    const index = before.findIndex((value, i) => i < 7 && value === '');
    expect(index).toBeGreaterThanOrEqual(0);
    const taskId = await byTestId('time-row').first().getAttribute('data-task-id');
    const weekTotal = Number(await byTestId('time-week-total').getAttribute('data-hours'));
    await byTestId('time-cell').nth(index).fill('3');
    await byTestId('time-cell').nth(index).press('Enter');
    await poll(() => byTestId('time-week-total').getAttribute('data-hours')).toBe(String(weekTotal + 3));
    // Keyboard: Tab saves a cell too and moves on to the next one.
    const next = (await cellValues(page)).findIndex((value, i) => i > index && i < 7 && value === '');
    expect(next).toBeGreaterThan(index);
    await byTestId('time-cell').nth(next).fill('1.5');
    await byTestId('time-cell').nth(next).press('Tab');
    await poll(() => byTestId('time-week-total').getAttribute('data-hours')).toBe(String(weekTotal + 4.5));
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('time-cell');
    await byTestId('time-cell').nth(next).fill('');
    await byTestId('time-cell').nth(next).press('Enter');
    await poll(() => byTestId('time-week-total').getAttribute('data-hours')).toBe(String(weekTotal + 3));

    await page.reload();
    await poll(() => byTestId('time-row').count()).toBeGreaterThan(0);
    expect(await byTestId('time-row').first().getAttribute('data-task-id')).toBe(taskId);
    await poll(async () => (await cellValues(page))[index]).toBe('3');
    await poll(() => byTestId('time-week-total').getAttribute('data-hours')).toBe(String(weekTotal + 3));

    // Working calendars: a two-day holiday on the mainland-China calendar, in the year view and after a reload.
    await page.goto(`${server.url}/settings/workspace?tab=calendars`);
    await byTestId('calendar-year-view').waitFor();
    const year = Number(await byTestId('calendar-year-view').getAttribute('data-year'));
    const day = (date: string) => page.locator(`[data-testid="calendar-year-view"] [data-date="${date}"]`);
    const [from, to] = [`${year}-12-23`, `${year}-12-24`];
    expect(await day(from).getAttribute('data-kind')).not.toBe('holiday');
    const dates = byTestId('holiday-add-dates').locator('input');
    await dates.nth(0).click();
    await dates.nth(0).fill(from);
    await dates.nth(0).press('Enter');
    await dates.nth(1).fill(to);
    await dates.nth(1).press('Enter');
    await byTestId('holiday-add-name').fill(c.holiday);
    await byTestId('holiday-add').click();
    await poll(() => day(from).getAttribute('data-kind')).toBe('holiday');
    expect(await day(to).getAttribute('data-kind')).toBe('holiday');
    expect(await day(from).getAttribute('title')).toContain(c.holiday);
    await byTestId('calendar-save').click();
    await poll(() => byTestId('calendar-save').count()).toBe(0);

    await page.reload();
    await byTestId('calendar-year-view').waitFor();
    await poll(() => day(from).getAttribute('data-kind')).toBe('holiday');
    const row = page.locator(`[data-testid="holiday-row"][data-from="${from}"]`);
    expect(await row.getAttribute('data-to')).toBe(to);
    expect(
      await page.locator('[data-testid="holiday-row-name"]').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value)),
    ).toContain(c.holiday);

    // The demo project runs on this calendar: deleting it is refused, naming the project.
    await byTestId('calendar-delete').click();
    await page.locator('.ant-popconfirm .ant-btn-dangerous').click();
    await poll(() => page.locator('.ant-message').textContent()).toContain(projectName);
    expect(await byTestId('calendar-item').count()).toBe(2);

    expect(errors).toEqual([]);
    await context.close();
  });
});
