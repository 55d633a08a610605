import type { Worker } from 'node:worker_threads';
import { type DealDraft, mapDealRow, type RowContext, type StageRef } from '../../../core/imports/map-row.js';
import { type Cell, cellText } from '../../../core/imports/parse-values.js';
import { PRESETS, type PresetName } from '../../../core/imports/presets.js';
import { AppError, type ErrorCode } from '../../http/errors.js';
import { startWorker } from '../../worker-script.js';
import { addSample, StageValueCounter } from './report.js';
import { rowsOf, type Upload } from './source.js';

/** What reading a deals file needs besides the file: plain data, so that a worker thread can be given it. */
export type DealRowsSetup = {
  upload: Pick<Upload, 'file' | 'kind'>;
  preset: PresetName;
  columns: RowContext['columns'];
  stages: StageRef[];
  stageMap: Record<string, string>;
  defaultCurrency: string;
  today: string;
  /** Cells in the header row (samples are as wide). */
  width: number;
};

/** Consecutive data rows: how many were read (blank rows not counted), the deals they give, the rows refused. */
export type DealRowBatch = { total: number; drafts: DealDraft[]; rejected: { row: number; reason: string }[] };
/** After the last batch: the first rows as text, and the file's stage values. */
export type DealRowsEnd = { samples: string[][]; stageValues: ReturnType<StageValueCounter['list']> };

/** Rows read before a batch is handed on. */
export const BATCH_ROWS = 400;
/** From this size on a file is read in a worker thread, while the main thread writes what it has read. */
export const WORKER_FROM_BYTES = 1 << 20;
/** Batches a worker reads ahead of the writes (the rest of the file waits on disk). */
const READ_AHEAD = 4;

/**
 * The data rows of an uploaded deals file (the header row skipped), mapped by `mapDealRow`, in batches;
 * returns the samples and stage values once every row is read.
 */
export async function* dealRowBatches(setup: DealRowsSetup): AsyncGenerator<DealRowBatch, DealRowsEnd> {
  const ctx: RowContext = { ...setup, preset: PRESETS[setup.preset] };
  const stageValues = new StageValueCounter(ctx);
  const samples: string[][] = [];
  let batch: DealRowBatch = { total: 0, drafts: [], rejected: [] };
  let rowNumber = 0;
  for await (const cells of rowsOf(setup.upload as Upload)) {
    rowNumber++;
    if (rowNumber === 1 || cells.every((cell: Cell) => cellText(cell) === '')) continue;
    batch.total++;
    addSample(samples, cells, setup.width);
    if (ctx.columns.stage !== undefined) stageValues.add(cellText(cells[ctx.columns.stage] ?? null));
    const mapped = mapDealRow(cells, ctx);
    if (mapped.ok) batch.drafts.push(mapped.value);
    else batch.rejected.push({ row: rowNumber, reason: mapped.reason });
    if (batch.total >= BATCH_ROWS) {
      yield batch;
      batch = { total: 0, drafts: [], rejected: [] };
    }
  }
  if (batch.total > 0) yield batch;
  return { samples, stageValues: stageValues.list() };
}

/** Messages from the reading worker. */
export type RowsMessage =
  | { batch: DealRowBatch }
  | { end: DealRowsEnd }
  | { error: { code: ErrorCode | null; message: string; details?: unknown } };

/**
 * The same batches as `dealRowBatches`, read in a worker thread (`deal-rows-worker`) that stays at most
 * READ_AHEAD batches ahead of the caller: parsing and mapping overlap the caller's writes. Stopping early
 * (an error while writing) ends the worker.
 */
export async function* dealRowBatchesInWorker(setup: DealRowsSetup): AsyncGenerator<DealRowBatch, DealRowsEnd> {
  const worker: Worker = startWorker(import.meta.url, 'deal-rows-worker', { workerData: { setup, readAhead: READ_AHEAD } });
  const inbox: RowsMessage[] = [];
  let wake: (() => void) | null = null;
  let failure: Error | null = null;
  const arrived = () => {
    wake?.();
    wake = null;
  };
  worker.on('message', (message: RowsMessage) => {
    inbox.push(message);
    arrived();
  });
  worker.on('error', (error) => {
    failure ??= error;
    arrived();
  });
  worker.on('exit', (code) => {
    failure ??= new Error(`the file reader stopped (exit code ${code})`);
    arrived();
  });
  try {
    for (;;) {
      const message = inbox.shift();
      if (!message) {
        if (failure) throw failure;
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
        continue;
      }
      if ('error' in message) {
        const { code, message: text, details } = message.error;
        throw code ? new AppError(code, text, details) : new Error(text);
      }
      if ('end' in message) return message.end;
      yield message.batch;
      worker.postMessage('more');
    }
  } finally {
    await worker.terminate();
  }
}

/** The file's batches, read in a worker thread when the file is large (`WORKER_FROM_BYTES`). */
export const dealRows = (setup: DealRowsSetup, bytes: number): AsyncGenerator<DealRowBatch, DealRowsEnd> =>
  bytes >= WORKER_FROM_BYTES ? dealRowBatchesInWorker(setup) : dealRowBatches(setup);
