import { createHash } from 'node:crypto';
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { exactWork } from '../../../core/forecast/exact';
import { computeOutcome, type OutcomeInput, type PipelineOutcome } from '../../../core/forecast/forecast';
import type { Forecast } from '../../../core/goals/schemas';
import { startWorker } from '../../worker-script.js';
import type { WorkerReply, WorkerRequest } from './forecast-worker.js';

/**
 * Runs forecast outcomes (the exact DP or the Monte Carlo) in worker threads, so that a forecast of
 * thousands of deals never holds up the server's main thread (SPEC §5: /health p99 ≤ 10 ms while
 * forecasts run). Outcomes are cached by their input's content (amounts, probabilities, attained,
 * target, trials, seed): the forecast is a pure function of it, so an entry can never be stale, and a
 * changed deal, rate, stage probability or goal makes a new key. Concurrent requests for the same
 * input share one computation.
 */
export type ForecastPool = {
  outcome(input: OutcomeInput): Promise<PipelineOutcome>;
  close(): Promise<void>;
  /** Computations run so far (tests and the bench read it). */
  readonly computed: number;
  /** Workers that failed to start or died (their jobs were computed in place). */
  readonly failures: number;
  /**
   * Whole answers by goal, each valid for one state of its inputs (`stateKey`: the goal, today, the
   * calendar, the rates, the stage probabilities and the deals' revision), so that a repeated forecast
   * need not read the deals again. Bounded, least recently used out first.
   */
  readonly answers: AnswerCache;
};

export type AnswerCache = {
  get(goalId: string, stateKey: string): Forecast | undefined;
  set(goalId: string, stateKey: string, forecast: Forecast): void;
};

const ANSWER_ENTRIES = 2_000;

function createAnswerCache(): AnswerCache {
  const entries = new Map<string, { stateKey: string; forecast: Forecast }>();
  return {
    get(goalId, stateKey) {
      const entry = entries.get(goalId);
      if (!entry || entry.stateKey !== stateKey) return undefined;
      entries.delete(goalId);
      entries.set(goalId, entry);
      return entry.forecast;
    },
    set(goalId, stateKey, forecast) {
      entries.delete(goalId);
      entries.set(goalId, { stateKey, forecast });
      if (entries.size > ANSWER_ENTRIES) entries.delete(entries.keys().next().value as string);
    },
  };
}

/** Tiny inputs are cheaper to compute here than to send: an exact DP of this many deal × state steps takes about 0.1 ms. */
const INLINE_WORK = 20_000;
const CACHE_ENTRIES = 500;

/** A worker could not run a job (it failed to start or died): the job is computed here instead. */
class WorkerUnavailable extends Error {}
/** After this many worker failures the pool stops starting workers and computes in place. */
const MAX_WORKER_FAILURES = 3;

type Job = { request: WorkerRequest; resolve: (outcome: PipelineOutcome) => void; reject: (error: Error) => void };
type Slot = { worker: Worker; job: Job | null };

/** The worker's code: the bundled file beside the server bundle, or the TypeScript source through tsx. */
const spawnWorker = (script?: URL): Worker => (script ? new Worker(script) : startWorker(import.meta.url, 'forecast-worker'));

function inputKey(input: OutcomeInput): string {
  const hash = createHash('sha1');
  hash.update(JSON.stringify([input.attained, input.target, input.trials, input.seed, input.drivers, input.amounts.length]));
  hash.update(new Uint8Array(input.amounts.buffer, input.amounts.byteOffset, input.amounts.byteLength));
  hash.update(new Uint8Array(input.probabilities.buffer, input.probabilities.byteOffset, input.probabilities.byteLength));
  return hash.digest('base64');
}

export function defaultPoolSize(): number {
  return Math.max(1, Math.min(4, os.availableParallelism() - 1));
}

/** `workerScript` replaces the worker's code (tests: a script that fails). */
export function createForecastPool(size = defaultPoolSize(), options: { workerScript?: URL } = {}): ForecastPool {
  const slots: Slot[] = [];
  const queue: Job[] = [];
  const cache = new Map<string, PipelineOutcome>();
  const running = new Map<string, Promise<PipelineOutcome>>();
  let nextId = 1;
  let computed = 0;
  let closed = false;
  let failures = 0;
  const answers = createAnswerCache();

  const remember = (key: string, outcome: PipelineOutcome) => {
    cache.delete(key);
    cache.set(key, outcome);
    if (cache.size > CACHE_ENTRIES) cache.delete(cache.keys().next().value as string);
  };

  const startSlot = (): Slot => {
    const slot: Slot = { worker: spawnWorker(options.workerScript), job: null };
    slot.worker.unref();
    slot.worker.on('message', (reply: WorkerReply) => {
      const job = slot.job;
      slot.job = null;
      if (job && job.request.id === reply.id) {
        if ('error' in reply) job.reject(new Error(reply.error));
        else job.resolve(reply.outcome);
      }
      dispatch();
    });
    const fail = (error: Error) => {
      const index = slots.indexOf(slot);
      if (index < 0) return;
      slots.splice(index, 1);
      // A worker that died hands its job back (computed in place); a fresh one takes its place for the next jobs.
      if (!closed) {
        failures++;
        console.warn(`forecast worker failed (${failures}): ${error.message}`);
      }
      slot.job?.reject(new WorkerUnavailable(error.message));
      slot.job = null;
      if (!closed) dispatch();
    };
    slot.worker.on('error', fail);
    slot.worker.on('exit', (code) => fail(new Error(`forecast worker exited with code ${code}`)));
    slots.push(slot);
    return slot;
  };

  const dispatch = () => {
    if (failures >= MAX_WORKER_FAILURES) {
      for (const job of queue.splice(0)) job.reject(new WorkerUnavailable('forecast workers keep failing'));
      return;
    }
    while (queue.length > 0 && !closed) {
      let slot = slots.find((s) => s.job === null);
      if (!slot && slots.length < size) slot = startSlot();
      if (!slot) return;
      const job = queue.shift() as Job;
      slot.job = job;
      slot.worker.postMessage(job.request);
    }
  };

  const inWorker = (input: OutcomeInput): Promise<PipelineOutcome> =>
    new Promise((resolve, reject) => {
      if (closed) {
        reject(new Error('the forecast pool is closed'));
        return;
      }
      queue.push({ request: { id: nextId++, input }, resolve, reject });
      dispatch();
    });

  return {
    get computed() {
      return computed;
    },
    get failures() {
      return failures;
    },
    answers,
    async outcome(input) {
      const key = inputKey(input);
      const hit = cache.get(key);
      if (hit) {
        remember(key, hit);
        return hit;
      }
      const pending = running.get(key);
      if (pending) return pending;
      const started = (async () => {
        computed++;
        const outcome =
          exactWork(input.amounts) <= INLINE_WORK
            ? computeOutcome(input)
            : await inWorker(input).catch((error: unknown) => {
                if (error instanceof WorkerUnavailable) return computeOutcome(input);
                throw error;
              });
        remember(key, outcome);
        return outcome;
      })().finally(() => running.delete(key));
      running.set(key, started);
      return started;
    },
    async close() {
      closed = true;
      const stopped = slots.splice(0);
      for (const job of [...queue.splice(0), ...stopped.flatMap((slot) => (slot.job ? [slot.job] : []))]) {
        job.reject(new Error('the forecast pool is closed'));
      }
      await Promise.all(stopped.map((slot) => slot.worker.terminate()));
    },
  };
}
