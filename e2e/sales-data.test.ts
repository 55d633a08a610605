import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, hasWebBuild, launchBrowser, type RunningServer, startServer } from './support.js';

/** Customers, the deal list, import and export, in each language: what a sales team does with its data. */
const CASES = [
  {
    locale: 'zh-CN',
    owner: { name: '陈晓明', email: 'xiaoming.chen@example.com', workspace: '华东销售部' },
    prefix: '导入测试',
    customer: '宁波港通物流有限公司',
    contact: '林美',
    stage: '技术评估',
    badReason: '日期无法识别 "2027-13-45"',
  },
  {
    locale: 'en',
    owner: { name: 'Olivia Park', email: 'olivia.park@example.com', workspace: 'East China Sales' },
    prefix: 'Import check',
    customer: 'Ningbo Harbour Logistics Ltd',
    contact: 'Mei Lin',
    stage: 'Technical evaluation',
    badReason: 'bad date "2027-13-45"',
  },
] as const;
const PASSWORD = 'Harbour-Lights-2027';

describe.skipIf(!hasChromium || !hasWebBuild).each(CASES)('sales data journey in $locale', (c) => {
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

  it('imports a CSV with one bad row, lists and exports the deals, warns about duplicate customers and contacts, and edits the deal stages', async () => {
    const context = await browser.newContext({ locale: c.locale, timezoneId: 'Asia/Shanghai', acceptDownloads: true });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const byTestId = (id: string) => page.getByTestId(id);
    /** Clicks a form's submit button and waits for the POST it sends to be answered (slow under a loaded CI machine). */
    const submitAndWait = async (button: ReturnType<typeof byTestId>, path: string) => {
      const isThePost = (r: { method: () => string; url: () => string }) => r.method() === 'POST' && new URL(r.url()).pathname === path;
      const answered = page.waitForResponse((r) => isThePost(r.request()), { timeout: 60_000 });
      // The dialog must have finished opening: on a loaded machine a click during antd's zoom-in was seen to submit nothing.
      await expect.poll(() => page.locator('.ant-modal.ant-zoom-appear, .ant-modal.ant-zoom-enter').count(), { timeout: 30_000 }).toBe(0);
      const sent = page.waitForRequest(isThePost, { timeout: 10_000 }).then(
        () => true,
        () => false,
      );
      await button.click();
      // Still no request after 10 s: the click was lost (the form shows no error): click once more.
      if (!(await sent) && (await page.locator('.ant-form-item-explain-error').count()) === 0) await button.click();
      const response = await answered.catch(async (error: Error) => {
        // Say what the page showed instead (a form error, another dialog) and keep a picture of it.
        const shown = await page
          .locator('.ant-form-item-explain-error, .ant-message, .ant-modal-title')
          .allTextContents()
          .catch(() => []);
        await page.screenshot({ path: `/tmp/qd-e2e-${c.locale}-${Date.now()}.png`, fullPage: true }).catch(() => undefined);
        throw new Error(`${path} was not answered (${error.message}); the page showed: ${JSON.stringify(shown)}`);
      });
      expect(response.status()).toBeLessThan(300);
    };

    // Setup with the demo project.
    await page.goto(server.url);
    await page.waitForURL(/\/setup/);
    await byTestId('setup-name').fill(c.owner.name);
    await byTestId('setup-email').fill(c.owner.email);
    await byTestId('setup-password').fill(PASSWORD);
    await byTestId('setup-workspace').fill(c.owner.workspace);
    await byTestId('setup-submit').click();
    await page.waitForURL(/\/projects$/);
    const projects = await page.evaluate(async () => (await fetch('/api/v1/projects')).json());
    const projectId = projects.items[0].id as string;

    // Import: a small CSV, the middle row with an impossible date.
    await page.goto(`${server.url}/projects/${projectId}?tab=deals&view=import`);
    const csv = [
      'Title,Account,Amount,Currency,Stage,Expected close date',
      `${c.prefix} A,${c.customer},"12,500.00",CNY,proposal,2027-03-31`,
      `${c.prefix} B,${c.customer},800,CNY,lead,2027-13-45`,
      `${c.prefix} C,,3000,CNY,negotiation,2027-04-15`,
    ].join('\n');
    await page.locator('.qd-import input[type=file]').setInputFiles({ name: 'deals.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await byTestId('import-check-button').click();
    await expect.poll(() => byTestId('import-rejected-row').count()).toBe(1);
    const rejected = await byTestId('import-rejected-row').textContent();
    expect(rejected).toContain('3');
    expect(rejected).toContain(c.badReason);
    expect(await byTestId('import-map-title').textContent()).toContain('Title');
    await byTestId('import-commit').click();
    await expect.poll(() => byTestId('import-done').textContent()).toMatch(/2/);
    expect(await byTestId('import-created').textContent()).toContain('2');

    // The deal list shows them; a search narrows it to them.
    await byTestId('import-open-list').click();
    await byTestId('board-search').fill(c.prefix);
    await expect.poll(() => byTestId('deal-list-row').count()).toBe(2);
    const rows = await byTestId('deal-list-row').allTextContents();
    expect(rows.some((row) => row.includes(`${c.prefix} A`) && row.includes(c.customer))).toBe(true);
    expect(rows.some((row) => row.includes(`${c.prefix} C`))).toBe(true);
    expect(rows.some((row) => row.includes(`${c.prefix} B`))).toBe(false);

    // Export the filtered list as CSV and read the file.
    await byTestId('deal-export').click();
    const [download] = await Promise.all([page.waitForEvent('download'), byTestId('deal-export-csv').click()]);
    const file = fs.readFileSync(await download.path());
    expect([...file.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = file.toString('utf8').slice(1).trim().split(/\r?\n/);
    expect(lines[0].startsWith('Title,Account,Contact,Amount,Currency,Stage,Status')).toBe(true);
    expect(lines).toHaveLength(3);
    expect(lines.slice(1).sort()[0].startsWith(`${c.prefix} A,${c.customer},,12500,CNY,`)).toBe(true);
    expect(lines.slice(1).sort()[1].startsWith(`${c.prefix} C,,,3000,CNY,`)).toBe(true);

    // A customer, then the same name again: the second is created with a warning that links to the first.
    const name = `${c.customer} (E2E)`;
    for (const attempt of [1, 2]) {
      await page.goto(`${server.url}/accounts`);
      await byTestId('account-create').click();
      await byTestId('account-name').fill(attempt === 1 ? name : `  ${name.toUpperCase()} `);
      await expect.poll(() => byTestId('account-name').inputValue()).toBe(attempt === 1 ? name : `  ${name.toUpperCase()} `);
      await submitAndWait(byTestId('account-form-submit'), '/api/v1/accounts');
      await page.waitForURL(/\/accounts\/[0-9a-z]+$/, { timeout: 60_000 });
      if (attempt === 1) {
        await expect.poll(() => byTestId('page-title').textContent()).toBe(name);
        expect(await byTestId('duplicate-warning').count()).toBe(0);
      }
    }
    await expect.poll(() => byTestId('duplicate-warning').count()).toBe(1);
    expect(await byTestId('duplicate-link').textContent()).toBe(name);
    await byTestId('duplicate-link').click();
    await expect.poll(() => byTestId('page-title').textContent()).toBe(name);

    // The imported customer's page lists its deal from the project.
    await page.goto(`${server.url}/accounts?q=${encodeURIComponent(c.customer)}`);
    await byTestId('account-link')
      .filter({ hasText: new RegExp(`^${c.customer}$`) })
      .click();
    await expect.poll(() => byTestId('account-deal-row').count()).toBe(1);
    expect(await byTestId('account-deal-row').textContent()).toContain(`${c.prefix} A`);

    // A contact, then another with the same e-mail (in other letter case): the warning names the first.
    for (const attempt of [1, 2]) {
      await page.goto(`${server.url}/contacts`);
      await byTestId('contact-create').click();
      await byTestId('contact-name').fill(attempt === 1 ? c.contact : `${c.contact} 2`);
      await byTestId('contact-email').fill(attempt === 1 ? 'mei.lin@example.com' : 'Mei.Lin@Example.com');
      await submitAndWait(byTestId('contact-form-submit'), '/api/v1/contacts');
      await page.waitForURL(/\/contacts\/[0-9a-z]+$/, { timeout: 60_000 });
      await expect.poll(() => byTestId('page-title').textContent()).toBe(attempt === 1 ? c.contact : `${c.contact} 2`);
    }
    await expect.poll(() => byTestId('duplicate-warning').count()).toBe(1);
    expect(await byTestId('duplicate-link').textContent()).toBe(c.contact);
    // The duplicate goes: delete asks first, then the contact is gone and the list shows.
    const duplicateUrl = page.url();
    await byTestId('contact-delete').click();
    await page.locator('.ant-popconfirm .ant-btn-dangerous').click();
    await page.waitForURL(/\/contacts$/);
    expect((await page.request.get(`${server.url}/api/v1/contacts/${duplicateUrl.split('/').pop()}`)).status()).toBe(404);

    // Deal stages: add one, move it before the last open stage, remove it (its deals go to the stage chosen).
    await page.goto(`${server.url}/settings/workspace?tab=stages`);
    await byTestId('stage-add').click();
    await byTestId('stage-name').fill(c.stage);
    await submitAndWait(byTestId('stage-form-submit'), '/api/v1/stages');
    const names = () => byTestId('stage-name-text').allTextContents();
    await expect.poll(async () => (await names()).indexOf(c.stage)).toBe(5);
    await byTestId('stage-up').nth(5).click();
    await expect.poll(async () => (await names()).indexOf(c.stage)).toBe(4);
    await byTestId('stage-remove').nth(4).click();
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    await expect.poll(async () => (await names()).includes(c.stage)).toBe(false);
    expect(await names()).toHaveLength(7);

    expect(errors).toEqual([]);
    await context.close();
  }, 150_000);
});
