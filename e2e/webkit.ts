import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';

/**
 * WebKit for the browser journeys: Debian's WebKitGTK (the engine and JavaScriptCore that Safari is built
 * on) driven through its W3C WebDriver server, WebKitWebDriver, with MiniBrowser under a virtual X display
 * (Xvfb). Playwright's own WebKit cannot be installed here; this is Debian's (`webkit2gtk-driver`, `xvfb`).
 */
export const WEBKIT_DRIVER = '/usr/bin/WebKitWebDriver';
const MINI_BROWSER = ['/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser', '/usr/lib/aarch64-linux-gnu/webkit2gtk-4.1/MiniBrowser'].find(
  (file) => fs.existsSync(file),
);
export const hasWebKit = fs.existsSync(WEBKIT_DRIVER) && fs.existsSync('/usr/bin/Xvfb') && MINI_BROWSER !== undefined;

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

/** Xvfb on the first free display (it names it on its descriptor 3 with -displayfd). */
async function startDisplay(): Promise<{ display: string; process: ChildProcess }> {
  const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1440x900x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'ignore', 'pipe'],
  });
  const display = await new Promise<string>((resolve, reject) => {
    let text = '';
    xvfb.stdio[3]?.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      if (text.includes('\n')) resolve(`:${text.trim()}`);
    });
    xvfb.once('exit', (code) => reject(new Error(`Xvfb exited with ${code}`)));
  });
  return { display, process: xvfb };
}

type Json = Record<string, unknown>;
const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

/** A WebDriver session in MiniBrowser: the few commands the journeys need. */
export class WebKitSession {
  private constructor(
    private readonly base: string,
    private readonly processes: ChildProcess[],
  ) {}

  static async start(): Promise<WebKitSession> {
    const { display, process: xvfb } = await startDisplay();
    const port = await freePort();
    const driver = spawn(WEBKIT_DRIVER, [`--port=${port}`, '--host=127.0.0.1'], {
      env: { ...process.env, DISPLAY: display },
      stdio: 'ignore',
    });
    const base = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 100; i++) {
      const up = await fetch(`${base}/status`).then(
        (r) => r.ok,
        () => false,
      );
      if (up) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const created = (await (
      await fetch(`${base}/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          capabilities: { alwaysMatch: { 'webkitgtk:browserOptions': { binary: MINI_BROWSER, args: ['--automation'] } } },
        }),
      })
    ).json()) as { value: { sessionId?: string; message?: string } };
    if (!created.value.sessionId) throw new Error(`WebKitWebDriver: ${created.value.message}`);
    const session = new WebKitSession(`${base}/session/${created.value.sessionId}`, [driver, xvfb]);
    await session.command('POST', '/window/rect', { width: 1440, height: 900 });
    return session;
  }

  async command<T = unknown>(method: string, path: string, body?: Json): Promise<T> {
    const response = await fetch(`${this.base}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const { value } = (await response.json()) as { value: T & { error?: string; message?: string } };
    if (!response.ok) throw new Error(`WebDriver ${method} ${path}: ${value?.error} ${value?.message}`);
    return value;
  }

  goto(url: string) {
    return this.command('POST', '/url', { url });
  }
  url() {
    return this.command<string>('GET', '/url');
  }
  /** Runs `body` (a function body) in the page; `arguments[0]`… are `args`. */
  run<T>(body: string, ...args: unknown[]) {
    return this.command<T>('POST', '/execute/sync', { script: body, args });
  }
  /** Runs an async function body in the page and returns what it resolves to. */
  runAsync<T>(body: string, ...args: unknown[]) {
    return this.command<T>('POST', '/execute/async', {
      script: `const done = arguments[arguments.length - 1]; (async () => { ${body} })(...arguments).then(done, (e) => done({ error: String(e) }));`,
      args,
    });
  }
  async find(css: string): Promise<string[]> {
    const found = await this.command<Json[]>('POST', '/elements', { using: 'css selector', value: css });
    return found.map((element) => element[ELEMENT] as string);
  }
  click(element: string) {
    return this.command('POST', `/element/${element}/click`, {});
  }
  text(element: string) {
    return this.command<string>('GET', `/element/${element}/text`);
  }
  /** Presses keys with the WebDriver actions API (W3C key values, e.g. '\uE014' for ArrowRight). */
  async keys(...keys: string[]) {
    const actions = keys.flatMap((value) => [
      { type: 'keyDown', value },
      { type: 'keyUp', value },
      { type: 'pause', duration: 60 },
    ]);
    await this.command('POST', '/actions', { actions: [{ type: 'key', id: 'keyboard', actions }] });
  }
  async screenshot(file: string) {
    fs.writeFileSync(file, Buffer.from(await this.command<string>('GET', '/screenshot'), 'base64'));
  }

  async close(): Promise<void> {
    await fetch(this.base, { method: 'DELETE' }).catch(() => undefined);
    for (const child of this.processes) child.kill();
  }
}
