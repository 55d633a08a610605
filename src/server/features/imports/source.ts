import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import { type Cell, cellText } from '../../../core/imports/parse-values.js';
import { AppError } from '../../http/errors.js';
import { newId } from '../../ids.js';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_TYPES = ['text/csv', 'application/csv', 'text/plain', 'text/tab-separated-values'];
export const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;

export type UploadKind = 'csv' | 'xlsx';

/**
 * The request body of an upload, unread. The stream sits in a private field: generic hooks that walk a
 * parsed body (the U+0000 guard) see an object without properties instead of the stream's buffers.
 */
export class UploadBody {
  readonly #stream: Readable;
  constructor(stream: Readable) {
    this.#stream = stream;
  }
  get stream(): Readable {
    return this.#stream;
  }
}
export type Upload = { file: string; kind: UploadKind; bytes: number; remove: () => void };

export function uploadKind(contentType: string | undefined): UploadKind | null {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (type === XLSX_TYPE) return 'xlsx';
  return CSV_TYPES.includes(type) ? 'csv' : null;
}

/** Streams the request body to a temporary file (bounded), so that no transaction waits on the network. */
export async function spool(body: Readable, kind: UploadKind): Promise<Upload> {
  const file = path.join(os.tmpdir(), `qd-import-${newId()}.${kind}`);
  let bytes = 0;
  const remove = () => fs.rmSync(file, { force: true });
  try {
    await pipeline(
      body,
      new Transform({
        transform(chunk: Buffer, _encoding, done) {
          bytes += chunk.length;
          if (bytes > MAX_UPLOAD_BYTES)
            done(new AppError('PAYLOAD_TOO_LARGE', `The file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`));
          else done(null, chunk);
        },
      }),
      fs.createWriteStream(file),
    );
  } catch (error) {
    remove();
    if (error instanceof AppError) throw error;
    throw new AppError('BAD_REQUEST', 'The upload was interrupted.');
  }
  return { file, kind, bytes, remove };
}

/** UTF-8 (with or without BOM), UTF-16 by its BOM, else GB18030 (a superset of GBK: Chinese Excel's "CSV"). */
export async function detectEncoding(file: string): Promise<'utf8' | 'utf16le' | 'utf16be' | 'gb18030'> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const head = Buffer.alloc(4);
    await handle.read(head, 0, 4, 0);
    if (head[0] === 0xff && head[1] === 0xfe) return 'utf16le';
    if (head[0] === 0xfe && head[1] === 0xff) return 'utf16be';
  } finally {
    await handle.close();
  }
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20 })) decoder.decode(chunk as Buffer, { stream: true });
    decoder.decode();
    return 'utf8';
  } catch {
    return 'gb18030';
  }
}

/** The separator of the first line: comma, semicolon (European Excel) or tab, whichever appears most outside quotes. */
export function sniffDelimiter(firstLine: string): string {
  const counts = new Map([
    [',', 0],
    [';', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (const char of firstLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && counts.has(char)) counts.set(char, (counts.get(char) as number) + 1);
  }
  let best = ',';
  for (const [char, n] of counts) if (n > (counts.get(best) as number)) best = char;
  return best;
}

function decoded(file: string, encoding: Awaited<ReturnType<typeof detectEncoding>>): Readable {
  const raw = fs.createReadStream(file, { highWaterMark: 1 << 20 });
  return encoding === 'utf8' ? raw : (raw.pipe(iconv.decodeStream(encoding)) as unknown as Readable);
}

async function firstLineOf(file: string, encoding: Awaited<ReturnType<typeof detectEncoding>>): Promise<string> {
  let text = '';
  for await (const chunk of decoded(file, encoding)) {
    text += typeof chunk === 'string' ? chunk : (chunk as Buffer).toString('utf8');
    const end = text.search(/\r?\n/);
    if (end >= 0) return text.slice(0, end);
    if (text.length > 1 << 20) break;
  }
  return text;
}

/** The rows of a CSV file as arrays of text cells, streamed (a large file is never one string). */
async function* csvRows(file: string): AsyncGenerator<Cell[]> {
  const encoding = await detectEncoding(file);
  const delimiter = sniffDelimiter((await firstLineOf(file, encoding)).replace(/^\uFEFF/, ''));
  const parser = decoded(file, encoding).pipe(
    parse({ bom: true, delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, max_record_size: 1 << 20 }),
  );
  try {
    for await (const record of parser) yield record as string[];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new AppError('BAD_REQUEST', `The CSV file is malformed${line ? ` near line ${line}` : ''}.`);
  }
}

/** An XLSX cell value as text, number, boolean or date (rich text, formulas' results and hyperlinks unwrapped). */
export function xlsxCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: unknown };
    if (Array.isArray(v.richText)) return v.richText.map((part) => part.text).join('');
    if ('result' in v) return xlsxCell(v.result);
    if (typeof v.text === 'string') return v.text;
    if (v.error !== undefined) return null;
  }
  return String(value);
}

/** The rows of the first worksheet of an XLSX file, streamed. */
async function* xlsxRows(file: string): AsyncGenerator<Cell[]> {
  try {
    // Loaded for an XLSX upload only: a CSV import (and the thread that reads a large one) starts without it.
    const { default: ExcelJS } = await import('exceljs');
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
      sharedStrings: 'cache',
      hyperlinks: 'ignore',
      styles: 'cache',
      worksheets: 'emit',
    });
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const values = row.values as unknown[];
        const cells: Cell[] = [];
        for (let i = 1; i < values.length; i++) cells.push(xlsxCell(values[i]));
        yield cells;
      }
      return;
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('BAD_REQUEST', 'The file is not a readable XLSX workbook.');
  }
}

export const rowsOf = (upload: Upload): AsyncGenerator<Cell[]> => (upload.kind === 'csv' ? csvRows(upload.file) : xlsxRows(upload.file));

/** The first row of an uploaded file as text cells (null for an empty file); the rest is not read. */
export async function headerOf(upload: Upload): Promise<string[] | null> {
  const rows = rowsOf(upload);
  try {
    const first = await rows.next();
    return first.done ? null : first.value.map((cell) => cellText(cell));
  } finally {
    await rows.return(undefined);
  }
}
