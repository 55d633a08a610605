import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * A worker thread running the module `<stem>` that sits beside the calling module: in the server bundle
 * a separate esbuild entry (`dist/server/<stem>.js`, see the build script), from source the TypeScript
 * file through tsx. `callerUrl` is the caller's `import.meta.url`.
 */
export function startWorker(callerUrl: string, stem: string, options: WorkerOptions = {}): Worker {
  if (callerUrl.endsWith('.ts')) {
    const source = new URL(`./${stem}.ts`, callerUrl).href;
    const bootstrap = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(source)}); });`;
    return new Worker(bootstrap, { ...options, eval: true });
  }
  return new Worker(new URL(`./${stem}.js`, callerUrl), options);
}
