import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { buildApp } from '../src/server/app.js';
import { connect } from '../src/server/db/connect.js';
import { migrateToLatest } from '../src/server/db/migrate.js';

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = fs.existsSync(CHROMIUM);
const webDir = process.env.QD_WEB_DIR ? path.resolve(process.env.QD_WEB_DIR) : path.resolve(import.meta.dirname, '../dist/web');
export const hasWebBuild = fs.existsSync(path.join(webDir, 'index.html'));

if (!hasChromium) console.log(`Browser journeys SKIPPED: no Chromium at ${CHROMIUM} (apt-get install chromium).`);
if (hasChromium && !hasWebBuild) console.log('Browser journeys need the built web app: run `npm run build` first (npm test does).');

export async function launchBrowser(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
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
  // The journeys are a user who asked for less motion: no dialog is mid-animation when it is clicked (clicks
  // during antd's zoom-in were lost on a loaded machine), and the app's reduced-motion path is used.
  const newContext = browser.newContext.bind(browser);
  browser.newContext = (options) => newContext({ reducedMotion: 'reduce', ...options });
  return browser;
}

export type RunningServer = { url: string; dataDir: string; stop: () => Promise<void> };

/** The real application on a fresh SQLite database in a temporary folder (with reader threads, as served), on a free loopback port. */
export async function startServer(dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qd-e2e-'))): Promise<RunningServer> {
  const database = connect(path.join(dataDir, 'quarterdeck.sqlite'), { readers: 2 });
  await migrateToLatest(database.db);
  const app = await buildApp({ config: { signupMode: 'first-user', publicUrl: null, trustProxy: false, logLevel: 'warn' }, database });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    dataDir,
    stop: async () => {
      await app.close();
      await database.close();
    },
  };
}
