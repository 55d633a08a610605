import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import type { StageRef } from '../../../core/imports/map-row.js';
import { PRESETS, type PresetName, resolveColumns } from '../../../core/imports/presets.js';
import { DEFAULT_STAGES } from '../../../core/stages/default-stages.js';
import { AppError } from '../../http/errors.js';
import {
  BATCH_ROWS,
  type DealRowBatch,
  type DealRowsEnd,
  type DealRowsSetup,
  dealRowBatches,
  dealRowBatchesInWorker,
  dealRows,
  WORKER_FROM_BYTES,
} from './deal-rows.js';
import { headerOf, type UploadKind } from './source.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qd-deal-rows-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const stages: StageRef[] = DEFAULT_STAGES.map((s) => ({ key: s.key, name: s.names.en, kind: s.kind }));
const fixture = (name: string) => path.join(import.meta.dirname, 'fixtures', name);

async function setupFor(file: string, preset: PresetName, kind: UploadKind = 'csv'): Promise<DealRowsSetup> {
  const upload = { file, kind };
  const headers = (await headerOf({ ...upload, bytes: 0, remove: () => undefined })) as string[];
  const { columns } = resolveColumns(headers, PRESETS[preset]);
  return { upload, preset, columns, stages, stageMap: {}, defaultCurrency: 'CNY', today: '2026-11-29', width: headers.length };
}

async function collect(batches: AsyncGenerator<DealRowBatch, DealRowsEnd>) {
  const taken: DealRowBatch[] = [];
  for (;;) {
    const next = await batches.next();
    if (next.done) return { batches: taken, end: next.value };
    taken.push(next.value);
  }
}

const written = (name: string, text: string | Buffer) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
};

describe('reading a deals file in batches, here or in a worker thread', () => {
  it.each([
    ['salesforce-opportunities.csv', 'salesforce'],
    ['hubspot-deals.csv', 'hubspot'],
    ['pipedrive-deals.csv', 'pipedrive'],
    ['generic-gbk.csv', 'generic'],
    ['formula-injection.csv', 'generic'],
  ] as const)('the worker reads %s exactly as the main thread does', async (name, preset) => {
    const setup = await setupFor(fixture(name), preset);
    const here = await collect(dealRowBatches(setup));
    expect(here.batches.reduce((n, b) => n + b.total, 0)).toBeGreaterThan(0);
    expect(await collect(dealRowBatchesInWorker(setup))).toEqual(here);
  });

  it('batches rows in order, numbers refused rows as the spreadsheet does, skips blank rows; the same in a worker', async () => {
    const lines = ['Title,Amount,Stage'];
    for (let i = 0; i < 1_000; i++) {
      if (i === 500) lines.push(',,');
      lines.push(i % 250 === 7 ? `Deal ${i},lots,lead` : `Deal ${i},${i},${i % 2 ? 'lead' : 'proposal'}`);
    }
    const setup = await setupFor(written('many.csv', `${lines.join('\n')}\n`), 'generic');
    const here = await collect(dealRowBatches(setup));
    expect(here.batches.map((b) => b.total)).toEqual([BATCH_ROWS, BATCH_ROWS, 1_000 - 2 * BATCH_ROWS]);
    const rejected = here.batches.flatMap((b) => b.rejected);
    // Data row i sits on spreadsheet row i + 2 (the header is row 1), one further down after the blank row.
    expect(rejected).toEqual([7, 257, 507, 757].map((i) => ({ row: i + 2 + (i > 500 ? 1 : 0), reason: 'bad amount "lots"' })));
    const drafts = here.batches.flatMap((b) => b.drafts);
    expect(drafts).toHaveLength(996);
    expect(drafts.slice(0, 2).map((d) => [d.title, d.amount, d.stage])).toEqual([
      ['Deal 0', 0, 'proposal'],
      ['Deal 1', 100, 'lead'],
    ]);
    expect(here.end.samples).toHaveLength(5);
    expect(here.end.stageValues).toEqual([
      { value: 'proposal', count: 500, stage: 'proposal' },
      { value: 'lead', count: 500, stage: 'lead' },
    ]);
    expect(await collect(dealRowBatchesInWorker(setup))).toEqual(here);
  });

  it('reads an XLSX workbook the same way in a worker', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Deals');
    sheet.addRow(['Deal Name', 'Deal Stage', 'Close Date', 'Amount']);
    sheet.addRow(['One', 'Contract Sent', new Date(Date.UTC(2027, 2, 31)), 12500.5]);
    sheet.addRow(['Two', 'Closed Lost', 'not a date', 5]);
    const file = written('deals.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()));
    const setup = await setupFor(file, 'hubspot', 'xlsx');
    const here = await collect(dealRowBatches(setup));
    expect(here.batches[0]).toMatchObject({ total: 2, rejected: [{ row: 3, reason: 'bad date "not a date"' }] });
    expect(await collect(dealRowBatchesInWorker(setup))).toEqual(here);
  });

  it("passes the reader's refusal of a malformed file on as the same error", async () => {
    const rows = Array.from({ length: 900 }, (_, i) => `Deal ${i},${i}`);
    const setup = await setupFor(written('broken.csv', `Title,Amount\n${rows.join('\n')}\n"unclosed,1\n`), 'generic');
    const refusal = async (batches: AsyncGenerator<DealRowBatch, DealRowsEnd>) => {
      const error = await collect(batches).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      return { code: (error as AppError).code, message: (error as AppError).message };
    };
    const here = await refusal(dealRowBatches(setup));
    expect(here.code).toBe('BAD_REQUEST');
    expect(await refusal(dealRowBatchesInWorker(setup))).toEqual(here);
  });

  it('ends the worker when the caller stops early; small and large files give the same batches', async () => {
    const rows = Array.from({ length: 5_000 }, (_, i) => `Deal ${i},${i}`);
    const setup = await setupFor(written('long.csv', `Title,Amount\n${rows.join('\n')}\n`), 'generic');
    const batches = dealRowBatchesInWorker(setup);
    expect((await batches.next()).value).toMatchObject({ total: BATCH_ROWS });
    await batches.return({ samples: [], stageValues: [] });
    expect((await batches.next()).done).toBe(true);
    // Small files are read on this thread, large ones in a worker: the same batches either way.
    const small = dealRows(setup, WORKER_FROM_BYTES - 1);
    const large = dealRows(setup, WORKER_FROM_BYTES);
    expect(await collect(small)).toEqual(await collect(large));
  });
});
