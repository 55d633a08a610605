import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, hasWebBuild, launchBrowser, type RunningServer, startServer } from './support.js';

/** The foundation journey, in each language: setup → create a project → add a member → sign out → sign in → the project is there. */
const CASES = [
  {
    locale: 'zh-CN',
    owner: { name: '陈晓明', email: 'xiaoming.chen@example.com', workspace: '华东销售部' },
    project: '华南区渠道拓展',
    responsibilities: '深圳渠道招募与培训',
    texts: { teamTab: '团队' },
  },
  {
    locale: 'en',
    owner: { name: 'Olivia Park', email: 'olivia.park@example.com', workspace: 'East China Sales' },
    project: 'South China channel push',
    responsibilities: 'Recruit and train channel partners in Shenzhen',
    texts: { teamTab: 'Team' },
  },
] as const;
const PASSWORD = 'Harbour-Lights-2027';

describe.skipIf(!hasChromium || !hasWebBuild).each(CASES)('foundation journey in $locale', (c) => {
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

  it('sets up, creates a project, adds a member, signs out and in, and finds the project', async () => {
    const context = await browser.newContext({ locale: c.locale, timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const byTestId = (id: string) => page.getByTestId(id);

    // Setup: the first visit on an empty database goes to the setup page, in the browser's language.
    await page.goto(server.url);
    await page.waitForURL(/\/setup/);
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(c.locale);
    await byTestId('setup-name').fill(c.owner.name);
    await byTestId('setup-email').fill(c.owner.email);
    await byTestId('setup-password').fill(PASSWORD);
    await byTestId('setup-workspace').fill(c.owner.workspace);
    expect(await byTestId('setup-demo').isChecked()).toBe(true);
    await byTestId('setup-submit').click();
    await page.waitForURL(/\/projects$/);
    // The demo project exists.
    await expect.poll(() => byTestId('project-row').count()).toBe(1);

    // Create a project.
    await byTestId('project-create').click();
    await byTestId('project-name').fill(c.project);
    await byTestId('project-form-submit').click();
    await page.waitForURL(/\/projects\/[0-9a-z]+/);
    await expect.poll(() => byTestId('page-title').textContent()).toContain(c.project);

    // Add a member: a colleague from the demo team, with responsibilities and a cost rate.
    await byTestId('tab-team').click();
    await byTestId('member-add').click();
    await byTestId('member-user').click();
    await page.locator('.ant-select-item-option').first().click();
    await byTestId('member-responsibilities').fill(c.responsibilities);
    await byTestId('member-cost-rate').fill('180.5');
    await byTestId('member-form-submit').click();
    await expect.poll(() => byTestId('member-row').count()).toBe(2);
    await expect.poll(() => byTestId('member-row').filter({ hasText: c.responsibilities }).count()).toBe(1);

    // Sign out.
    await byTestId('user-menu').click();
    await page.getByTestId('sign-out').last().click();
    await page.waitForURL(/\/sign-in/);

    // Sign in again: the project and its member are there.
    await byTestId('sign-in-email').fill(c.owner.email);
    await byTestId('sign-in-password').fill(PASSWORD);
    await byTestId('sign-in-submit').click();
    await page.waitForURL(/\/projects/);
    await expect.poll(() => page.getByTestId('project-link').filter({ hasText: c.project }).count()).toBe(1);
    await page.getByTestId('project-link').filter({ hasText: c.project }).click();
    await byTestId('tab-team').click();
    await expect.poll(() => byTestId('member-row').filter({ hasText: c.responsibilities }).count()).toBe(1);
    expect(await byTestId('tab-team').textContent()).toBe(c.texts.teamTab);
    // The tabs by keyboard (WAI-ARIA tabs): the arrow moves to the next tab and shows it, the address follows.
    expect(await byTestId('tab-team').getAttribute('aria-selected')).toBe('true');
    await byTestId('tab-team').focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => byTestId('tab-history').getAttribute('aria-selected')).toBe('true');
    expect(new URL(page.url()).searchParams.get('tab')).toBe('history');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('tab-history');
    await page.keyboard.press('Home');
    await expect.poll(() => byTestId('tab-overview').getAttribute('aria-selected')).toBe('true');
    // The team tab, shown before, was kept (hidden), as the history tab is now.
    expect(await byTestId('member-row').count()).toBeGreaterThan(0);

    // The same facts through the API, with the session cookie the browser holds.
    const projects = await page.evaluate(async () => (await fetch('/api/v1/projects?archived=all')).json());
    expect(projects.items.map((p: { name: string }) => p.name)).toContain(c.project);

    // The session survives a server restart (sessions live in the database; cookies ignore the port).
    await server.stop();
    server = await startServer(server.dataDir);
    await page.goto(`${server.url}/projects`);
    await expect.poll(() => page.getByTestId('project-link').filter({ hasText: c.project }).count()).toBe(1);
    expect(page.url()).not.toContain('/sign-in');

    // A project or a deal that is not there (or not yours) says so, with the way back.
    await page.goto(`${server.url}/projects/no-such-project`);
    await byTestId('project-not-found').waitFor();
    await page.goto(`${server.url}/deals/no-such-deal`);
    await byTestId('deal-not-found').locator('a').click();
    await page.waitForURL(/\/projects$/);

    expect(errors).toEqual([]);
    await context.close();
  }, 90_000);
});
