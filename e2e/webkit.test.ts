import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasWebBuild, type RunningServer, startServer } from './support.js';
import { hasWebKit, WebKitSession } from './webkit.js';

/**
 * The pipeline board in WebKit (Safari's engine and JavaScript), where Chromium-only APIs break: the board
 * shows its cards, its filter pickers arrive in idle time (Safari has no requestIdleCallback), a card moves
 * to the next stage by keyboard, and the deal opens with its stage history, without a page error.
 * Screenshots go to /tmp/shots-webkit.
 */
const SHOTS = '/tmp/shots-webkit';
const SPACE = '\uE00D';
const ARROW_RIGHT = '\uE014';
const OWNER = { name: 'Olivia Park', email: 'olivia.webkit@example.com', workspaceName: 'East China Sales' };

async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string, timeout = 30_000): Promise<T> {
  const end = Date.now() + timeout;
  let value = await read();
  while (!ok(value)) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(value)})`);
    await new Promise((resolve) => setTimeout(resolve, 150));
    value = await read();
  }
  return value;
}

describe.skipIf(!hasWebBuild)('the pipeline board in WebKit', () => {
  let server: RunningServer;
  let browser: WebKitSession;
  beforeAll(async () => {
    if (!hasWebKit) throw new Error('WebKit is not installed: apt-get install webkit2gtk-driver xvfb (see .ci/run)');
    fs.mkdirSync(SHOTS, { recursive: true });
    server = await startServer();
    browser = await WebKitSession.start();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the board, loads its pickers in idle time, moves a card by keyboard and opens the deal, without errors', async () => {
    const count = async (css: string) => (await browser.find(css)).length;
    await browser.goto(`${server.url}/sign-in`);
    const signup = await browser.runAsync<{ status: number; projectId: string }>(
      `const owner = arguments[0];
       const signed = await fetch('/api/v1/auth/signup', { method: 'POST', headers: { 'content-type': 'application/json' },
         body: JSON.stringify({ ...owner, password: 'Harbour-Lights-2027', locale: 'en', timeZone: 'Asia/Shanghai', demo: true }) });
       const projects = await (await fetch('/api/v1/projects')).json();
       return { status: signed.status, projectId: projects.items[0].id };`,
      OWNER,
    );
    expect(signup.status).toBe(201);
    const engine = await browser.run<{ agent: string; idleCallback: boolean }>(
      'return { agent: navigator.userAgent, idleCallback: typeof requestIdleCallback === "function" };',
    );
    expect(engine.agent).toContain('AppleWebKit');

    await browser.goto(`${server.url}/projects/${signup.projectId}?tab=deals`);
    await until(
      () => count('[data-testid="deal-card"]'),
      (n) => n > 5,
      'the cards',
    );
    // Errors from here on are kept (a failed idle task surfaces as one of these).
    await browser.run(`window.__errors = [];
      addEventListener('error', (e) => window.__errors.push(String(e.message)));
      addEventListener('unhandledrejection', (e) => window.__errors.push(String(e.reason)));`);
    // The owner, amount and date pickers replace their stand-ins in idle time after a second.
    await until(
      () => count('[data-testid="board-filters-loading"]'),
      (n) => n === 0,
      'the filter pickers',
    );
    // A WebDriver screenshot may show the frame before the last paint: give it a moment.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await browser.screenshot(`${SHOTS}/board.png`);

    // The keyboard: focus a lead card, Space picks it up, → over the next column, Space drops it there.
    const leadCards = () => browser.find('[data-testid="board-column"][data-stage="lead"] [data-testid="deal-card"]');
    const title = await browser.run<string>(
      'const card = document.querySelector(\'[data-testid="board-column"][data-stage="lead"] [data-testid="deal-card"]\'); card.focus(); return card.getAttribute("aria-label");',
    );
    const leadBefore = (await leadCards()).length;
    await browser.keys(SPACE);
    await until(
      () => count('.qd-card-overlay'),
      (n) => n === 1,
      'the card picked up',
    );
    await browser.keys(ARROW_RIGHT);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await browser.keys(SPACE);
    const inQualified = `[data-testid="board-column"][data-stage="qualified"] [data-testid="deal-card"][aria-label="${title.replaceAll('"', '\\"')}"]`;
    await until(
      () => count(inQualified),
      (n) => n === 1,
      'the card in the next column',
    );
    expect((await leadCards()).length).toBe(leadBefore - 1);
    const stored = await browser.runAsync<{ stage: string }[]>(
      `const page = await (await fetch('/api/v1/projects/' + arguments[0] + '/deals?limit=200')).json();
       return page.items.filter((d) => d.title === arguments[1]);`,
      signup.projectId,
      title,
    );
    expect(stored.map((d) => d.stage)).toEqual(['qualified']);

    // Open it: the deal page with both stays in its history.
    await browser.click((await browser.find(inQualified))[0]);
    await until(
      () => browser.url(),
      (url) => /\/deals\/[^/]+$/.test(url),
      'the deal page',
    );
    const rows = await until(
      () => browser.find('[data-testid="stage-history-row"]'),
      (found) => found.length >= 2,
      'the stage history',
    );
    expect((await browser.text(rows[rows.length - 1])).startsWith('Qualified')).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await browser.screenshot(`${SHOTS}/deal.png`);
    expect(await browser.run<string[]>('return window.__errors;')).toEqual([]);
  }, 120_000);
});
