import { type ChildProcess, execFileSync, fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';

export type LoadResult = { rps: number; p50: number; p99: number; errors: number; non2xx: number; bytesPerReq: number };

/** What `npm start` runs: the bundled server (npm run bench builds it first), or a bundle built elsewhere (QD_SERVER_ENTRY). */
const PRODUCTION_ENTRY = process.env.QD_SERVER_ENTRY
  ? path.resolve(process.env.QD_SERVER_ENTRY)
  : path.resolve(import.meta.dirname, '../dist/server/main.js');

/** The Node flags `npm run serve` (and so `npm start`) gives the server, read from package.json: the bench runs it as users do. */
export const SERVE_FLAGS: string[] = (() => {
  const scripts = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../package.json'), 'utf8')).scripts;
  const flags = /^node\s+(.*?)\s*dist\/server\/main\.js$/.exec(scripts.serve)?.[1];
  if (flags === undefined) throw new Error(`package.json's serve script is not "node [flags] dist/server/main.js": ${scripts.serve}`);
  return flags.split(/\s+/).filter(Boolean);
})();

/**
 * Forks a server and waits for its 'ready' message. `server.ts` means the application: the
 * production bundle when it is built (so memory and speed are what users get), else through tsx.
 */
export async function startServer(script: string, env: Record<string, string>): Promise<ChildProcess> {
  const bundled = script === 'server.ts' && fs.existsSync(PRODUCTION_ENTRY);
  const child = fork(bundled ? PRODUCTION_ENTRY : path.resolve(import.meta.dirname, script), [], {
    // The same flags for every server, the bare baseline too: one runtime configuration on both sides of a ratio.
    // BENCH_NODE_FLAGS adds flags for a look inside (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof").
    execArgv: [
      ...(bundled ? SERVE_FLAGS : [...SERVE_FLAGS, '--import', 'tsx']),
      ...(process.env.BENCH_NODE_FLAGS?.split(' ').filter(Boolean) ?? []),
    ],
    env: { ...process.env, ...env, LOG_LEVEL: 'warn', NODE_ENV: 'production' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
  return child;
}

export async function stopServer(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** Resident memory of a process in MB, from /proc. */
export function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

const hasWrk = (() => {
  try {
    execFileSync('wrk', ['--version'], { stdio: 'ignore' });
    return true;
  } catch (error) {
    // wrk prints its version and exits 1; only a missing binary throws ENOENT.
    return (error as NodeJS.ErrnoException).code !== 'ENOENT';
  }
})();

export const loadGenerator = hasWrk ? 'wrk' : 'autocannon';

/**
 * Seconds of the same load before each measured one (BENCH_WARMUP, default 3): what is measured is the
 * server as it runs for days, its code compiled for the route. Measured on the deal list at 10 connections
 * here: 612–1,037 req/s in the first 3 s of a fresh process, 1,385–1,663 in each 3 s after that.
 */
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP ?? 3);

/** `warmup`: seconds of unmeasured load first (default WARMUP_SECONDS; 0 when the server is warm already). */
type LoadOptions = { connections: number; seconds: number; headers?: Record<string, string>; warmup?: number };

/** A bounded load on loopback: `connections` for `seconds`, paths cycling through `paths`. wrk when installed (a C client leaves the server the CPU), else autocannon. */
export async function load(port: number, paths: string[], options: LoadOptions): Promise<LoadResult> {
  return hasWrk ? loadWithWrk(port, paths, options) : loadWithAutocannon(port, paths, options);
}

function toMs(text: string): number {
  const m = /([\d.]+)(us|ms|s)/.exec(text);
  if (!m) return Number.NaN;
  const value = Number(m[1]);
  return m[2] === 'us' ? value / 1000 : m[2] === 's' ? value * 1000 : value;
}

async function loadWithWrk(port: number, paths: string[], options: LoadOptions): Promise<LoadResult> {
  const script = path.join(os.tmpdir(), `qd-wrk-${process.pid}.lua`);
  const headerLines = Object.entries(options.headers ?? {})
    .map(([k, v]) => `wrk.headers[${JSON.stringify(k)}] = ${JSON.stringify(v)}`)
    .join('\n');
  fs.writeFileSync(
    script,
    `${headerLines}
local paths = { ${paths.map((p) => JSON.stringify(p)).join(', ')} }
local i = 0
request = function()
  i = i + 1
  return wrk.format('GET', paths[(i % #paths) + 1])
end
`,
  );
  const run = (seconds: number) =>
    execFileSync('wrk', ['-t1', `-c${options.connections}`, `-d${seconds}s`, '--latency', '-s', script, `http://127.0.0.1:${port}`], {
      encoding: 'utf8',
    });
  const warmup = options.warmup ?? WARMUP_SECONDS;
  if (warmup > 0) run(warmup);
  const out = run(options.seconds);
  fs.rmSync(script, { force: true });
  return parseWrk(out);
}

/** The figures of a wrk run with `--latency`, from what it printed. */
export function parseWrk(out: string): LoadResult {
  const requests = Number(/(\d+) requests in/.exec(out)?.[1] ?? 0);
  const bytes = /requests in [\d.]+s, ([\d.]+)(B|KB|MB|GB) read/.exec(out);
  const scale = { B: 1, KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3 } as const;
  const totalBytes = bytes ? Number(bytes[1]) * scale[bytes[2] as keyof typeof scale] : 0;
  const errors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  return {
    rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? 0),
    // The latency distribution's own lines ("     50%  659.00us"), not a "…87.50%" that ends another line.
    p50: toMs(/^\s+50%\s+(\S+)/m.exec(out)?.[1] ?? ''),
    p99: toMs(/^\s+99%\s+(\S+)/m.exec(out)?.[1] ?? ''),
    errors: errors ? errors.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0,
    non2xx: Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0),
    bytesPerReq: requests ? totalBytes / requests : 0,
  };
}

async function loadWithAutocannon(port: number, paths: string[], options: LoadOptions): Promise<LoadResult> {
  let i = 0;
  const run = (duration: number) =>
    autocannon({
      url: `http://127.0.0.1:${port}`,
      connections: options.connections,
      duration,
      headers: options.headers,
      requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: paths[i++ % paths.length] }) }],
    });
  const warmup = options.warmup ?? WARMUP_SECONDS;
  if (warmup > 0) await run(warmup);
  const result = await run(options.seconds);
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    bytesPerReq: result.requests.total ? result.throughput.total / result.requests.total : 0,
  };
}

/**
 * SPEC §5's bar for an authenticated single read: ≥ 15,000 req/s at 10 connections, "≥ 25 % of bare Fastify"
 * — the same bar as a ratio to the same-run baseline, which holds on a slower machine (bare Fastify runs
 * anywhere from 45,000 to 71,000 req/s on this VM from one session to the next). Met when either holds.
 */
export function singleReadBar(rps: number, bareRps?: number): { target: string; ok: boolean; ratio?: string } {
  if (!bareRps) return { target: '≥ 15,000 req/s', ok: rps >= 15_000 };
  return {
    target: '≥ 15,000 req/s or ≥ 0.25× bare',
    ok: rps >= 15_000 || rps >= 0.25 * bareRps,
    ratio: `${(rps / bareRps).toFixed(2)}× bare`,
  };
}
