/**
 * Walks every screen of the web app in headless Chromium, in zh-CN and in en, and saves screenshots to
 * .screenshots/ (git-ignored). Also measures the JavaScript each first route downloads (gzipped).
 *
 * A script, not a test. It needs a FRESH server (the first run goes through setup) and a built web app:
 *   npx vite build
 *   rm -rf /tmp/qd-shots && DATA_DIR=/tmp/qd-shots PORT=3100 npx tsx src/server/main.ts &
 *   npx tsx e2e/screenshots.ts            # BASE_URL=http://127.0.0.1:3100 by default
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

const BASE_URL = process.env.BASE_URL ?? 'http://127.0.0.1:3100';
const OUT = path.resolve(import.meta.dirname, '../.screenshots');
const OWNER = { name: '陈晓明', email: 'owner@example.com', password: 'Harbour-Lights-2026', workspace: '华东销售部' };
const INVITEE = { name: 'Alex Morgan', email: 'alex@example.com', password: 'Blue-Kettle-Orbit-9' };
const DESKTOP = { width: 1366, height: 860 };
const PHONE = { width: 390, height: 844 };

const problems: string[] = [];
const openPages: Page[] = [];

async function newContext(browser: Browser, locale: 'zh-CN' | 'en', viewport = DESKTOP): Promise<BrowserContext> {
  const context = await browser.newContext({
    locale,
    timezoneId: locale === 'zh-CN' ? 'Asia/Shanghai' : 'Europe/London',
    viewport,
    deviceScaleFactor: 1,
  });
  context.on('page', watch);
  return context;
}

/** Records page errors and console errors (expected HTTP errors are allowed by the caller's `expect`). */
function watch(page: Page): void {
  openPages.push(page);
  page.on('pageerror', (error) => problems.push(`pageerror on ${page.url()}: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error' && message.type() !== 'warning') return;
    const text = message.text();
    if (/Failed to load resource: the server responded with a status of (401|403|404|409|412|422|429)/.test(text)) return;
    problems.push(`console.${message.type()} on ${page.url()}: ${text}`);
  });
}

async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(350); // let antd's motion settle
  await page.screenshot({ path: path.join(OUT, `${name}.png`), fullPage });
  console.log(`  📸 ${name}.png`);
}

const byTestId = (page: Page, id: string) => page.getByTestId(id);

/** Opens each address in turn and saves its screenshot under the name beside it. */
async function shotEach(page: Page, screens: readonly (readonly [string, string])[]): Promise<void> {
  for (const [name, url] of screens) {
    await page.goto(url);
    await shot(page, name);
  }
}

async function clickMenuItem(page: Page, testId: string): Promise<void> {
  await page.locator(`[data-testid="${testId}"]`).last().click();
}

/** Hovers a submenu title until its items show (the dropdown may still be moving when the mouse arrives). */
async function openSubmenu(page: Page, titleTestId: string, itemTestId: string): Promise<void> {
  const item = page.locator(`[data-testid="${itemTestId}"]`).last();
  for (let attempt = 0; attempt < 5 && !(await item.isVisible()); attempt++) {
    await page.waitForTimeout(200);
    await page.locator(`[data-testid="${titleTestId}"]`).last().hover();
    await item.waitFor({ state: 'visible', timeout: 1000 }).catch(() => undefined);
  }
}

/** Sums the gzipped size of every script a cold load of `url` downloads (fetched again to read each body in full). */
async function firstRouteJs(browser: Browser, url: string, storageState?: Awaited<ReturnType<BrowserContext['storageState']>>) {
  const context = await browser.newContext({ storageState, viewport: DESKTOP });
  const page = await context.newPage();
  const scripts = new Set<string>();
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.add(request.url());
  });
  await page.goto(`${BASE_URL}${url}`, { waitUntil: 'networkidle' });
  await page.waitForTimeout(300);
  const files: Record<string, number> = {};
  for (const script of scripts) {
    const response = await fetch(script);
    if (!response.ok || !response.headers.get('content-type')?.includes('javascript')) throw new Error(`unexpected answer for ${script}`);
    files[new URL(script).pathname] = zlib.gzipSync(await response.arrayBuffer(), { level: 9 }).length;
  }
  const total = Object.values(files).reduce((sum, size) => sum + size, 0);
  await context.close();
  return { url, files: scripts.size, kilobytesGzipped: Math.round((total / 1024) * 10) / 10, bytesGzippedByFile: files };
}

async function main(): Promise<void> {
  fs.mkdirSync(OUT, { recursive: true });
  const setup = (await (await fetch(`${BASE_URL}/api/v1/setup`)).json()) as { needsSetup: boolean };
  if (!setup.needsSetup) throw new Error(`${BASE_URL} is already set up: start the server on a fresh DATA_DIR.`);

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const sizes = [await firstRouteJs(browser, '/setup')];

    // ── The setup page in English (not submitted) ──────────────────────────────────────────────
    console.log('setup (en)');
    const enSetup = await newContext(browser, 'en');
    const enSetupPage = await enSetup.newPage();
    await enSetupPage.goto(`${BASE_URL}/`);
    await byTestId(enSetupPage, 'setup-submit').waitFor();
    await shot(enSetupPage, 'en-01-setup');
    await byTestId(enSetupPage, 'setup-submit').click();
    await shot(enSetupPage, 'en-01-setup-required-fields');
    await enSetup.close();

    // ── zh-CN: setup with the demo project, then every screen as the owner ─────────────────────
    console.log('setup (zh-CN) and the owner');
    const zh = await newContext(browser, 'zh-CN');
    const page = await zh.newPage();
    await page.goto(`${BASE_URL}/`);
    await byTestId(page, 'setup-name').fill(OWNER.name);
    await byTestId(page, 'setup-email').fill(OWNER.email);
    await byTestId(page, 'setup-password').fill('password');
    await byTestId(page, 'setup-workspace').fill(OWNER.workspace);
    await byTestId(page, 'setup-workspace').focus();
    await shot(page, 'zh-01-setup-weak-password');
    await byTestId(page, 'setup-password').fill(OWNER.password);
    await byTestId(page, 'setup-time-zone').click();
    await page.waitForTimeout(400);
    await shot(page, 'zh-01-setup-time-zone-open', false);
    await page.keyboard.press('Escape');
    await byTestId(page, 'setup-submit').click();
    await page.waitForURL('**/projects');
    await byTestId(page, 'project-link').first().waitFor();
    await shot(page, 'zh-02-projects');

    const owner = await zh.storageState();
    sizes.push(await firstRouteJs(browser, '/projects', owner));

    await byTestId(page, 'project-link').first().click();
    await byTestId(page, 'project-overview').waitFor();
    await shot(page, 'zh-03-project-overview');
    const demoUrl = page.url();
    sizes.push(await firstRouteJs(browser, new URL(demoUrl).pathname, owner));
    await byTestId(page, 'tab-team').click();
    await byTestId(page, 'member-row').first().waitFor();
    await shot(page, 'zh-04-project-team');
    await byTestId(page, 'member-edit').first().click();
    await byTestId(page, 'member-form-submit').waitFor();
    await shot(page, 'zh-05-member-edit', false);
    await byTestId(page, 'member-form-cancel').click();
    await byTestId(page, 'tab-history').click();
    await byTestId(page, 'history-row').first().waitFor();
    await shot(page, 'zh-06-project-history');

    // The plan, the pipeline, the goals, customers and the settings tabs, on the demo data.
    console.log('plan, pipeline, goals, customers (zh-CN)');
    await shotEach(page, [
      ['zh-06a-plan-gantt', `${demoUrl}?tab=plan`],
      ['zh-06b-plan-baselines', `${demoUrl}?tab=plan&view=baselines`],
      ['zh-06c-plan-time', `${demoUrl}?tab=plan&view=time`],
      ['zh-06d-pipeline-board', `${demoUrl}?tab=deals`],
      ['zh-06e-pipeline-list', `${demoUrl}?tab=deals&view=list`],
      ['zh-06f-pipeline-import', `${demoUrl}?tab=deals&view=import`],
      ['zh-06g-goals', `${demoUrl}?tab=goals`],
    ]);
    await page.goto(`${demoUrl}?tab=deals`);
    await byTestId(page, 'deal-card').first().click();
    await page.waitForURL('**/deals/**');
    await shot(page, 'zh-06h-deal-page');
    await shotEach(page, [
      ['zh-06i-customers', `${BASE_URL}/accounts`],
      ['zh-06j-contacts', `${BASE_URL}/contacts`],
      ['zh-06k-settings-stages', `${BASE_URL}/settings/workspace?tab=stages`],
      ['zh-06l-settings-calendars', `${BASE_URL}/settings/workspace?tab=calendars`],
      ['zh-06m-settings-rates', `${BASE_URL}/settings/workspace?tab=rates`],
    ]);
    await page.goto(demoUrl);

    // Create a project, add a member, edit, archive, restore.
    console.log('create a project (zh-CN)');
    await byTestId(page, 'nav-projects').click();
    await byTestId(page, 'project-create').click();
    await byTestId(page, 'project-name').fill('华南区渠道拓展');
    await byTestId(page, 'project-description').fill('目标：6 月 30 日前新签 20 家渠道伙伴。\n范围：广州、深圳、厦门。');
    await shot(page, 'zh-07-project-create', false);
    await byTestId(page, 'project-form-submit').click();
    await page.waitForURL(/\/projects\/[^/]+$/);
    await byTestId(page, 'project-overview').waitFor();
    await shot(page, 'zh-08-project-created');
    await byTestId(page, 'tab-team').click();
    await byTestId(page, 'member-add').click();
    await byTestId(page, 'member-user').click();
    await page.locator('.ant-select-item-option').first().click();
    await byTestId(page, 'member-responsibilities').fill('深圳渠道招募与培训');
    await byTestId(page, 'member-cost-rate').fill('180.5');
    await shot(page, 'zh-09-member-add', false);
    await byTestId(page, 'member-form-submit').click();
    await page.getByTestId('member-row').nth(1).waitFor();
    await shot(page, 'zh-10-team-after-add');
    await byTestId(page, 'member-remove').nth(1).click();
    await shot(page, 'zh-10-member-remove-confirm', false);
    await page.keyboard.press('Escape');
    await byTestId(page, 'project-edit').click();
    await byTestId(page, 'project-form-submit').waitFor();
    await shot(page, 'zh-11-project-edit', false);
    await byTestId(page, 'project-form-cancel').click();
    await byTestId(page, 'project-archive').click();
    await byTestId(page, 'project-restore').waitFor();
    await shot(page, 'zh-12-project-archived');
    await byTestId(page, 'project-restore').click();
    await byTestId(page, 'project-archive').waitFor();
    await byTestId(page, 'project-delete').click();
    await byTestId(page, 'project-delete-name').fill('华南区');
    await shot(page, 'zh-13-project-delete-confirm', false);
    await byTestId(page, 'project-delete-confirm-cancel').click();
    await byTestId(page, 'tab-history').click();
    await byTestId(page, 'history-row').first().waitFor();
    await shot(page, 'zh-13-project-history-diff');

    // The list with filters, empty states.
    await byTestId(page, 'nav-projects').click();
    await byTestId(page, 'projects-status-filter').click();
    await clickMenuItem(page, 'status-filter-planning');
    await page.keyboard.press('Escape');
    await shot(page, 'zh-14-projects-filtered');
    await byTestId(page, 'projects-search').fill('不存在的项目');
    await page.waitForTimeout(600);
    await shot(page, 'zh-15-projects-no-match');
    await page.goto(`${BASE_URL}/projects?archived=true`);
    await shot(page, 'zh-16-projects-archived-empty');

    // Workspace settings: users, invitations.
    console.log('workspace settings (zh-CN)');
    await byTestId(page, 'nav-workspace').click();
    await byTestId(page, 'user-row').first().waitFor();
    await shot(page, 'zh-17-workspace-users');
    await byTestId(page, 'tab-invitations').click();
    await byTestId(page, 'invitation-create').click();
    await byTestId(page, 'invitation-link').waitFor();
    const inviteUrl = ((await byTestId(page, 'invitation-link').textContent()) ?? '').trim();
    await shot(page, 'zh-18-invitation-link', false);
    await byTestId(page, 'invitation-link-close').click();
    await shot(page, 'zh-19-workspace-invitations');

    // Account: profile, password, tokens.
    console.log('account (zh-CN)');
    await byTestId(page, 'nav-account').click();
    await byTestId(page, 'profile-card').waitFor();
    await shot(page, 'zh-20-account');
    await byTestId(page, 'token-name').fill('周报脚本');
    await byTestId(page, 'token-create').click();
    await byTestId(page, 'token-secret').waitFor();
    await shot(page, 'zh-21-token-secret', false);
    await byTestId(page, 'token-secret-close').click();

    // Phone: the menu collapses into a drawer.
    console.log('phone (zh-CN)');
    await page.setViewportSize(PHONE);
    await byTestId(page, 'nav-projects')
      .click()
      .catch(() => undefined);
    await page.goto(`${BASE_URL}/projects`);
    await byTestId(page, 'project-link').first().waitFor();
    await shot(page, 'zh-22-phone-projects');
    await byTestId(page, 'menu-toggle').click();
    await byTestId(page, 'side-drawer').waitFor();
    await shot(page, 'zh-23-phone-menu', false);
    await page.keyboard.press('Escape');
    await page.goto(demoUrl);
    await byTestId(page, 'project-overview').waitFor();
    await shot(page, 'zh-24-phone-project');
    await page.goto(`${demoUrl}?tab=team`);
    await byTestId(page, 'member-row').first().waitFor();
    await shot(page, 'zh-25-phone-team');
    await page.setViewportSize(DESKTOP);

    // Sign out, a wrong password, then sign in.
    console.log('sign out / sign in (zh-CN)');
    await byTestId(page, 'user-menu').click();
    await shot(page, 'zh-26-user-menu', false);
    await clickMenuItem(page, 'sign-out');
    await page.waitForURL('**/sign-in**');
    await byTestId(page, 'sign-in-email').fill(OWNER.email);
    await byTestId(page, 'sign-in-password').fill('not-the-password');
    await byTestId(page, 'sign-in-submit').click();
    await byTestId(page, 'sign-in-error').waitFor();
    await shot(page, 'zh-27-sign-in-wrong-password');
    sizes.push(await firstRouteJs(browser, '/sign-in'));
    await zh.close();

    // ── en: accept the invitation, look around as a member ──────────────────────────────────────
    console.log('invitation (en)');
    const en = await newContext(browser, 'en');
    const enPage = await en.newPage();
    const invitePath = new URL(inviteUrl).pathname;
    sizes.push(await firstRouteJs(browser, invitePath));
    await enPage.goto(`${BASE_URL}${invitePath}`);
    await byTestId(enPage, 'invite-name').fill(INVITEE.name);
    await byTestId(enPage, 'invite-email').fill(INVITEE.email);
    await byTestId(enPage, 'invite-password').fill(INVITEE.password);
    await shot(enPage, 'en-02-accept-invitation');
    await byTestId(enPage, 'invite-submit').click();
    await enPage.waitForURL('**/projects');
    await byTestId(enPage, 'project-link').first().waitFor();
    await shot(enPage, 'en-03-projects-as-member');
    await byTestId(enPage, 'project-link').first().click();
    await byTestId(enPage, 'tab-history').click();
    await byTestId(enPage, 'history-restricted').waitFor();
    await shot(enPage, 'en-04-history-restricted');
    await enPage.goto(`${BASE_URL}/nowhere`);
    await byTestId(enPage, 'not-found').waitFor();
    await shot(enPage, 'en-05-not-found');
    await byTestId(enPage, 'user-menu').click();
    await clickMenuItem(enPage, 'sign-out');
    await enPage.waitForURL('**/sign-in**');

    // The owner signs in from an English browser: the profile's language (zh-CN) wins; switch it to en.
    console.log('owner in en');
    await byTestId(enPage, 'sign-in-email').fill(OWNER.email);
    await byTestId(enPage, 'sign-in-password').fill(OWNER.password);
    await shot(enPage, 'en-06-sign-in');
    await byTestId(enPage, 'sign-in-submit').click();
    await enPage.waitForURL('**/projects');
    await byTestId(enPage, 'user-menu').click();
    await openSubmenu(enPage, 'user-menu-language', 'user-menu-locale-en');
    await shot(enPage, 'en-06-user-menu-language', false);
    await clickMenuItem(enPage, 'user-menu-locale-en');
    await enPage.getByText('Projects', { exact: true }).first().waitFor();
    await byTestId(enPage, 'project-link').first().waitFor();
    await shot(enPage, 'en-07-projects');
    await enPage.goto(demoUrl);
    await byTestId(enPage, 'project-overview').waitFor();
    await shot(enPage, 'en-08-project-overview');
    await byTestId(enPage, 'tab-team').click();
    await byTestId(enPage, 'member-row').first().waitFor();
    await shot(enPage, 'en-09-project-team');
    await byTestId(enPage, 'member-add').click();
    await byTestId(enPage, 'member-form-submit').waitFor();
    await shot(enPage, 'en-10-member-add', false);
    await byTestId(enPage, 'member-form-cancel').click();
    await byTestId(enPage, 'tab-history').click();
    await byTestId(enPage, 'history-row').first().waitFor();
    await shot(enPage, 'en-11-project-history');
    // The plan, the pipeline, the goals and the customers in English (the demo's data is the owner's Chinese).
    console.log('plan, pipeline, goals, customers (en)');
    await shotEach(enPage, [
      ['en-11a-plan-gantt', `${demoUrl}?tab=plan`],
      ['en-11b-pipeline-board', `${demoUrl}?tab=deals`],
      ['en-11c-pipeline-list', `${demoUrl}?tab=deals&view=list`],
      ['en-11d-pipeline-import', `${demoUrl}?tab=deals&view=import`],
      ['en-11e-goals', `${demoUrl}?tab=goals`],
    ]);
    await enPage.goto(`${demoUrl}?tab=deals`);
    await byTestId(enPage, 'deal-card').first().click();
    await enPage.waitForURL('**/deals/**');
    await shot(enPage, 'en-11f-deal-page');
    await shotEach(enPage, [
      ['en-11g-customers', `${BASE_URL}/accounts`],
      ['en-11h-contacts', `${BASE_URL}/contacts`],
    ]);
    await enPage.goto(demoUrl);
    await byTestId(enPage, 'project-overview').waitFor();
    await byTestId(enPage, 'project-edit').click();
    await byTestId(enPage, 'project-form-submit').waitFor();
    await shot(enPage, 'en-12-project-edit', false);

    // Someone else changes the project meanwhile: saving answers 409 and the page reloads the data.
    const csrf = (await en.cookies()).find((cookie) => cookie.name === 'qd_csrf')?.value ?? '';
    const projectId = new URL(demoUrl).pathname.split('/').pop() ?? '';
    const current = (await (await enPage.request.get(`${BASE_URL}/api/v1/projects/${projectId}`)).json()) as { version: number };
    await enPage.request.patch(`${BASE_URL}/api/v1/projects/${projectId}`, {
      headers: { 'x-csrf-token': csrf },
      data: { status: 'on_hold', version: current.version },
    });
    await byTestId(enPage, 'project-form-submit').click();
    await enPage.locator('.ant-message-notice').first().waitFor();
    await shot(enPage, 'en-13-stale-version', false);
    await byTestId(enPage, 'project-form-cancel').click();
    await byTestId(enPage, 'project-create').count();
    await byTestId(enPage, 'project-delete').click();
    await byTestId(enPage, 'project-delete-name').waitFor();
    await shot(enPage, 'en-14-project-delete-confirm', false);
    await byTestId(enPage, 'project-delete-confirm-cancel').click();

    await byTestId(enPage, 'nav-projects').click();
    await byTestId(enPage, 'project-create').click();
    await byTestId(enPage, 'project-name').waitFor();
    await shot(enPage, 'en-15-project-create', false);
    await byTestId(enPage, 'project-form-cancel').click();

    await byTestId(enPage, 'nav-workspace').click();
    await byTestId(enPage, 'user-row').first().waitFor();
    await shot(enPage, 'en-16-workspace-users');
    await byTestId(enPage, 'user-role').nth(1).click();
    await shot(enPage, 'en-17-workspace-role-menu', false);
    await enPage.keyboard.press('Escape');
    await byTestId(enPage, 'tab-invitations').click();
    await byTestId(enPage, 'invitation-create').waitFor();
    await shot(enPage, 'en-18-workspace-invitations');
    const enOwner = await en.storageState();
    sizes.push(await firstRouteJs(browser, '/settings/workspace', enOwner));
    sizes.push(await firstRouteJs(browser, '/account', enOwner));

    await byTestId(enPage, 'nav-account').click();
    await byTestId(enPage, 'profile-card').waitFor();
    await shot(enPage, 'en-19-account');
    await byTestId(enPage, 'password-current').fill(OWNER.password);
    await byTestId(enPage, 'password-new').fill('12345678');
    await byTestId(enPage, 'password-confirm').fill('12345679');
    await byTestId(enPage, 'password-submit').click();
    await shot(enPage, 'en-20-password-rules');

    // Phone in en.
    await enPage.setViewportSize(PHONE);
    await enPage.goto(`${BASE_URL}/projects`);
    await byTestId(enPage, 'project-link').first().waitFor();
    await shot(enPage, 'en-21-phone-projects');
    await enPage.goto(`${BASE_URL}/account`);
    await byTestId(enPage, 'profile-card').waitFor();
    await shot(enPage, 'en-22-phone-account');
    await enPage.setViewportSize(DESKTOP);

    // Too many failed sign-ins: 429 with the time to wait.
    console.log('rate limit (en)');
    await byTestId(enPage, 'user-menu').click();
    await clickMenuItem(enPage, 'sign-out');
    await enPage.waitForURL('**/sign-in**');
    await byTestId(enPage, 'sign-in-email').fill('nobody@example.com');
    for (let attempt = 0; attempt < 6; attempt++) {
      await byTestId(enPage, 'sign-in-password').fill(`wrong-${attempt}`);
      await Promise.all([
        enPage.waitForResponse((response) => response.url().endsWith('/auth/login')),
        byTestId(enPage, 'sign-in-submit').click(),
      ]);
    }
    await byTestId(enPage, 'sign-in-rate-limited').waitFor();
    await shot(enPage, 'en-23-sign-in-rate-limited');
    await en.close();

    // The project list of a workspace without projects (the invited member's view is not empty, so use the API).
    console.log('\nFirst-route JavaScript (gzipped):');
    for (const size of sizes)
      console.log(`  ${size.url.padEnd(48)} ${String(size.kilobytesGzipped).padStart(6)} KB in ${size.files} files`);
    fs.writeFileSync(path.join(OUT, 'first-route-js.json'), `${JSON.stringify(sizes, null, 2)}\n`);
  } catch (error) {
    // Show where it stopped.
    for (const [index, open] of openPages.entries()) {
      if (!open.isClosed()) await open.screenshot({ path: path.join(OUT, `failure-${index}.png`) }).catch(() => undefined);
    }
    throw error;
  } finally {
    await browser.close();
  }
  if (problems.length) {
    console.log(`\n${problems.length} console/page problem(s):`);
    for (const problem of problems) console.log(`  ${problem}`);
    process.exitCode = 1;
  } else console.log('\nNo console errors or page errors.');
}

await main();
