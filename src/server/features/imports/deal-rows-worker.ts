import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../../http/errors.js';
import { type DealRowsSetup, dealRowBatches, type RowsMessage } from './deal-rows.js';

/**
 * Worker thread that reads a large deals file (`dealRowBatchesInWorker`): parses and maps its rows and
 * posts them in batches, at most `readAhead` ahead of the batches the main thread has taken. A separate
 * esbuild entry in production (dist/server/deal-rows-worker.js); loaded through tsx from source.
 */
const { setup, readAhead } = workerData as { setup: DealRowsSetup; readAhead: number };
const port = parentPort;
if (!port) throw new Error('deal-rows-worker runs as a worker thread');

let credit = readAhead;
let wake: (() => void) | null = null;
port.on('message', () => {
  credit++;
  wake?.();
  wake = null;
});

const post = (message: RowsMessage) => port.postMessage(message);

try {
  const batches = dealRowBatches(setup);
  for (;;) {
    const next = await batches.next();
    if (next.done) {
      post({ end: next.value });
      break;
    }
    while (credit === 0) await new Promise<void>((resolve) => (wake = resolve));
    credit--;
    post({ batch: next.value });
  }
} catch (error) {
  post({
    error:
      error instanceof AppError
        ? { code: error.code, message: error.message, details: error.details }
        : { code: null, message: error instanceof Error ? error.message : String(error) },
  });
}
port.close();
