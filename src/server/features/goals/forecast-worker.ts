import os from 'node:os';
import { parentPort } from 'node:worker_threads';
import { computeOutcome, type OutcomeInput } from '../../../core/forecast/forecast';

/**
 * Worker thread of the forecast pool: runs the probability model (exact DP or seeded Monte Carlo)
 * off the main thread, so that the server keeps answering while a forecast computes. A separate
 * esbuild entry in production (dist/server/forecast-worker.js); loaded through tsx from source.
 */
export type WorkerRequest = { id: number; input: OutcomeInput };
export type WorkerReply = { id: number; outcome: ReturnType<typeof computeOutcome> } | { id: number; error: string };

// On Linux a thread has its own nice value (setpriority on "this process" sets the calling thread's):
// below the main thread's, so that on a busy machine the server's answers win the CPU over a simulation.
if (process.platform === 'linux') {
  try {
    os.setPriority(10);
  } catch {
    // not permitted here: run at the normal priority
  }
}

parentPort?.on('message', (request: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    reply = { id: request.id, outcome: computeOutcome(request.input) };
  } catch (error) {
    reply = { id: request.id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(reply);
});
