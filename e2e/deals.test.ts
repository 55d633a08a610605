import fs from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, hasWebBuild, launchBrowser, type RunningServer, startServer } from './support.js';

/**
 * The pipeline journey of issue 3, in each language: create a deal (with a new account) on the board, drag it
 * across two stages with the mouse, reload, lose a version race (the card snaps back with a message), move it
 * once more with the keyboard, open it: the stage history shows every move. Screenshots go to /tmp/shots-board.
 */
const CASES = [
  {
    locale: 'zh-CN',
    owner: { name: '陈晓明', email: 'xiaoming.chen@example.com', workspace: '华东销售部' },
    deal: '宁波港务数据中台项目',
    account: '宁波港务集团',
    stages: ['线索', '需求确认', '方案报价', '商务谈判'],
    stale: '其他人',
    won: '赢单',
    outcome: '与港务集团信息中心确认了数据中台的范围和预算。',
    nextStep: '下周三提交技术方案',
  },
  {
    locale: 'en',
    owner: { name: 'Olivia Park', email: 'olivia.park@example.com', workspace: 'East China Sales' },
    deal: 'Ningbo Port data platform',
    account: 'Ningbo Port Group',
    stages: ['Lead', 'Qualified', 'Proposal', 'Negotiation'],
    stale: 'Someone else',
    won: 'Won',
    outcome: 'Agreed scope and budget of the data platform with the port’s IT centre.',
    nextStep: 'Send the technical proposal by next Wednesday',
  },
] as const;
const PASSWORD = 'Harbour-Lights-2027';
const SHOTS = '/tmp/shots-board';

/** 123,456.78 yuan, entered in the form; the demo's proposal column holds ¥950,000 + ¥1,200,000. */
const AMOUNT = '123456.78';
const PROPOSAL_AFTER = '¥2,273,456.78';

/** The server and the browser share two busy cores: give the board time to answer. */
const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 20_000 });
/** Lets antd's opening and closing animations finish before a screenshot (only screenshots wait for the clock). */
const settle = (page: Page) => page.waitForTimeout(450);
const column = (page: Page, stage: string) => page.locator(`[data-testid="board-column"][data-stage="${stage}"]`);
const cardIn = (page: Page, stage: string, title: string) => column(page, stage).getByTestId('deal-card').filter({ hasText: title });

/** A real pointer drag: press, move past dnd-kit's activation distance, glide to the target in steps, release. */
async function drag(page: Page, card: Locator, target: Locator): Promise<void> {
  const from = await card.boundingBox();
  const to = await target.boundingBox();
  if (!from || !to) throw new Error('card or target not on screen');
  const x = from.x + from.width / 2;
  const y = from.y + from.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + 12, y + 4, { steps: 3 });
  await page.mouse.move(to.x + to.width / 2, to.y + to.height * 0.75, { steps: 15 });
  // As a user does, release once the target column shows it is the target (highlighted, or a drop line drawn
  // between its cards): on a loaded machine React may not yet have drawn the last pointer move, and dnd-kit
  // drops where it last drew the card.
  const over = target.locator('xpath=ancestor-or-self::*[@data-testid="board-column"][1]');
  const shown = async () =>
    (await over.getAttribute('class'))?.includes('qd-column-over') || (await over.getByTestId('drop-line').count()) > 0;
  await poll(shown).toBe(true);
  await page.mouse.up();
}

describe.skipIf(!hasChromium || !hasWebBuild).each(CASES)('pipeline journey in $locale', (c) => {
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('creates a deal, drags it across two stages, survives a reload and a lost race, moves it by keyboard, and shows the history', async () => {
    const context = await browser.newContext({ locale: c.locale, timezoneId: 'Asia/Shanghai', viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const byTestId = (id: string) => page.getByTestId(id);

    // The owner signs up with the demo project (seeded through the API, as the setup page does).
    await page.goto(`${server.url}/sign-in`);
    const status = await page.evaluate(
      async ({ owner, password, locale }) =>
        (
          await fetch('/api/v1/auth/signup', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ ...owner, workspaceName: owner.workspace, password, locale, timeZone: 'Asia/Shanghai', demo: true }),
          })
        ).status,
      { owner: c.owner, password: PASSWORD, locale: c.locale },
    );
    expect(status).toBe(201);
    const projects = await page.evaluate(async () => (await fetch('/api/v1/projects')).json());
    const projectId: string = projects.items[0].id;
    await page.goto(`${server.url}/projects/${projectId}?tab=deals`);
    await poll(() => column(page, 'lead').getByTestId('deal-card').count()).toBe(2);
    await page.screenshot({ path: `${SHOTS}/board-${c.locale}.png` });

    // Create the deal, with a new account typed into the account picker.
    await byTestId('deal-create').click();
    await byTestId('deal-title').fill(c.deal);
    await byTestId('deal-amount').fill(AMOUNT);
    await byTestId('deal-account').click();
    await page.keyboard.type(c.account);
    await byTestId('account-create').click();
    // The account is created and chosen (the form shows its name; the dropdown lives outside the form).
    await poll(() => byTestId('deal-form').textContent()).toContain(c.account);
    await settle(page);
    await page.screenshot({ path: `${SHOTS}/deal-form-${c.locale}.png` });
    const created = page.waitForResponse((r) => r.url().endsWith(`/projects/${projectId}/deals`) && r.request().method() === 'POST');
    await byTestId('deal-form-submit').click();
    expect((await created).status()).toBe(201);
    await poll(() => cardIn(page, 'lead', c.deal).count()).toBe(1);
    expect(await cardIn(page, 'lead', c.deal).textContent()).toContain(c.account);
    const dealId = await cardIn(page, 'lead', c.deal).getAttribute('data-deal-id');
    // The form's closing animation leaves its mask over the board for a moment: the mouse must not land on it.
    await poll(() => page.locator('.ant-modal-wrap:visible').count()).toBe(0);

    // Drag it with the mouse: lead → qualified → proposal.
    for (const [from, to] of [
      ['lead', 'qualified'],
      ['qualified', 'proposal'],
    ] as const) {
      const moved = page.waitForResponse((r) => r.url().endsWith(`/deals/${dealId}/move`));
      await drag(page, cardIn(page, from, c.deal), column(page, to).getByTestId('column-body'));
      expect((await moved).status()).toBe(200);
      await poll(() => cardIn(page, to, c.deal).count()).toBe(1);
      expect(await cardIn(page, from, c.deal).count()).toBe(0);
    }

    // Reload: the card is still in the proposal column, whose totals include it.
    await page.reload();
    await poll(() => cardIn(page, 'proposal', c.deal).count()).toBe(1);
    expect(await column(page, 'proposal').getByTestId('column-count').textContent()).toBe('3');
    expect(await column(page, 'proposal').getByTestId('column-amount').textContent()).toBe(PROPOSAL_AFTER);
    expect(await column(page, 'qualified').getByTestId('column-count').textContent()).toBe('2');

    // The amount filter (its pickers download once the board has shown): only this deal lies between the two bounds.
    await byTestId('board-amount-min').fill('123456');
    await byTestId('board-amount-max').fill('123457');
    await byTestId('board-amount-max').press('Tab');
    await poll(() => page.getByTestId('deal-card').count()).toBe(1);
    expect(new URL(page.url()).searchParams.get('min')).toBe('123456');
    expect(await cardIn(page, 'proposal', c.deal).count()).toBe(1);
    await byTestId('board-clear-filters').click();
    await poll(() => page.getByTestId('deal-card').count()).toBeGreaterThan(1);
    expect(new URL(page.url()).searchParams.get('min')).toBeNull();

    // Someone else changes the deal meanwhile: the next drop loses the race, snaps back, says so, and the board reloads.
    const changed = await page.evaluate(async (id) => {
      const deal = await (await fetch(`/api/v1/deals/${id}`)).json();
      const csrf = decodeURIComponent(
        document.cookie
          .split('; ')
          .find((part) => part.startsWith('qd_csrf='))
          ?.split('=')[1] ?? '',
      );
      const response = await fetch(`/api/v1/deals/${id}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
        body: JSON.stringify({ source: 'Referral', version: deal.version }),
      });
      return response.status;
    }, dealId);
    expect(changed).toBe(200);
    const refused = page.waitForResponse((r) => r.url().endsWith(`/deals/${dealId}/move`));
    const reloaded = page.waitForResponse((r) => r.url().includes(`/projects/${projectId}/pipeline`));
    await drag(page, cardIn(page, 'proposal', c.deal), column(page, 'negotiation').getByTestId('column-body'));
    expect((await refused).status()).toBe(409);
    await reloaded;
    await poll(() => page.locator('.ant-message-notice').filter({ hasText: c.stale }).count()).toBe(1);
    await poll(() => cardIn(page, 'proposal', c.deal).count()).toBe(1);
    expect(await cardIn(page, 'negotiation', c.deal).count()).toBe(0);

    // The keyboard: focus the card, Space picks it up, → moves it over the next column, Space drops it.
    const keyed = page.waitForResponse((r) => r.url().endsWith(`/deals/${dealId}/move`));
    await cardIn(page, 'proposal', c.deal).focus();
    // dnd-kit's live region says where the card is: wait for it rather than for the clock.
    const live = page.locator('[id^="DndLiveRegion"]');
    await page.keyboard.press('Space');
    await poll(() => page.locator('.qd-card-overlay').count()).toBe(1);
    await page.keyboard.press('ArrowRight');
    await poll(() => live.textContent()).toContain(c.stages[3]);
    await page.keyboard.press('Space');
    expect((await keyed).status()).toBe(200);
    await poll(() => cardIn(page, 'negotiation', c.deal).count()).toBe(1);

    // Reorder within the column: dropped on the first card, it takes the top place, which a reload keeps.
    const firstIn = (stage: string) => column(page, stage).getByTestId('deal-card').first().getAttribute('aria-label');
    expect(await firstIn('negotiation')).not.toBe(c.deal);
    const reordered = page.waitForResponse((r) => r.url().endsWith(`/deals/${dealId}/move`));
    await drag(page, cardIn(page, 'negotiation', c.deal), column(page, 'negotiation').getByTestId('deal-card').first());
    expect((await reordered).status()).toBe(200);
    await poll(() => firstIn('negotiation')).toBe(c.deal);
    await page.reload();
    await poll(() => column(page, 'negotiation').getByTestId('deal-card').count()).toBe(3);
    expect(await firstIn('negotiation')).toBe(c.deal);

    // Open the deal: its stage history shows where it went, in order, each entered by the owner.
    await cardIn(page, 'negotiation', c.deal).click();
    await page.waitForURL(new RegExp(`/deals/${dealId}$`));
    await poll(() => byTestId('stage-history-row').count()).toBe(4);
    const rows = await byTestId('stage-history-row').allTextContents();
    c.stages.forEach((stage, i) => {
      expect(rows[i].startsWith(stage)).toBe(true);
      expect(rows[i]).toContain(c.owner.name);
    });
    expect(await byTestId('deal-stage').textContent()).toBe(c.stages[3]);
    expect(await byTestId('deal-account-link').textContent()).toBe(c.account);

    // Log an activity: it shows in the timeline with who did it.
    await byTestId('activity-add').click();
    await byTestId('activity-outcome').fill(c.outcome);
    await byTestId('activity-next-step').fill(c.nextStep);
    await settle(page);
    await page.screenshot({ path: `${SHOTS}/activity-form-${c.locale}.png` });
    await byTestId('activity-form-submit').click();
    await poll(() => byTestId('activity-item').count()).toBe(1);
    expect(await byTestId('activity-item').textContent()).toContain(c.outcome);
    expect(await byTestId('activity-item').textContent()).toContain(c.owner.name);
    await settle(page);
    await page.screenshot({ path: `${SHOTS}/deal-page-${c.locale}.png`, fullPage: true });

    // The edit form holds the deal's fields.
    await byTestId('deal-edit').click();
    await poll(() => byTestId('deal-title').inputValue()).toBe(c.deal);
    await settle(page);
    await page.screenshot({ path: `${SHOTS}/deal-edit-${c.locale}.png` });
    await byTestId('deal-form-cancel').click();

    // Win it with a contract: the page shows the contract and the won stage.
    await byTestId('deal-win').click();
    await byTestId('contract-number').fill('HT-2027-001');
    await settle(page);
    await page.screenshot({ path: `${SHOTS}/deal-win-${c.locale}.png` });
    await byTestId('close-deal-submit').click();
    await poll(() => byTestId('deal-contract').count()).toBe(1);
    expect(await byTestId('deal-contract').textContent()).toContain('HT-2027-001');
    expect(await byTestId('deal-contract').textContent()).toContain('¥123,456.78');
    await poll(() => byTestId('deal-stage').textContent()).toBe(c.won);
    await settle(page);
    await page.screenshot({ path: `${SHOTS}/deal-won-${c.locale}.png`, fullPage: true });
    // On a phone the details come first, then the timeline (logging an activity works there too).
    await page.setViewportSize({ width: 390, height: 844 });
    await settle(page);
    await page.screenshot({ path: `${SHOTS}/deal-phone-${c.locale}.png`, fullPage: true });
    await page.setViewportSize({ width: 1440, height: 900 });

    // The project link goes back to the pipeline tab, where the card is in the won column.
    await byTestId('deal-project-link').click();
    await page.waitForURL(new RegExp(`/projects/${projectId}\\?tab=deals$`));
    await poll(() => cardIn(page, 'won', c.deal).count()).toBe(1);

    // The text filter goes into the address and leaves the one matching card.
    await byTestId('board-search').fill(c.deal);
    await page.waitForURL(/[?&]q=/);
    await poll(() => page.getByTestId('deal-card').count()).toBe(1);
    await settle(page);
    await page.screenshot({ path: `${SHOTS}/board-filtered-${c.locale}.png` });

    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
