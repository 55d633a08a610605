import { PassThrough, Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';
import { neutralizeValue } from '../../../core/exports/neutralize.js';
import type { ExportFormat } from '../../../core/exports/schemas.js';

export type ExportValue = string | number | null;
export type ExportColumn = { header: string; width?: number; numFmt?: string };

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Streams a table to the client as CSV (UTF-8 with BOM, so that Excel reads Chinese right) or XLSX,
 * with every text cell neutralized against formula injection. Rows come from an async iterator, page
 * by page: an export of 100,000 rows is never one array.
 */
export function sendTable(
  reply: FastifyReply,
  format: ExportFormat,
  name: string,
  columns: ExportColumn[],
  rows: AsyncIterable<ExportValue[]>,
): FastifyReply {
  const filename = `${name}.${format}`;
  reply.header('content-disposition', `attachment; filename="${filename}"`).header('cache-control', 'no-store');
  const safeRows = async function* () {
    for await (const row of rows) yield row.map((value) => neutralizeValue(value));
  };
  if (format === 'csv') {
    const withHeader = async function* () {
      yield columns.map((c) => c.header);
      yield* safeRows();
    };
    const csv = Readable.from(withHeader()).pipe(stringify({ bom: true, record_delimiter: 'windows' }));
    return reply.type('text/csv; charset=utf-8').send(csv);
  }
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(name.split('-')[0] || 'export');
  sheet.columns = columns.map((c, i) => ({
    header: c.header,
    key: String(i),
    width: c.width ?? 16,
    style: c.numFmt ? { numFmt: c.numFmt } : {},
  }));
  (async () => {
    for await (const row of safeRows()) sheet.addRow(row).commit();
    sheet.commit();
    await workbook.commit();
  })().catch((error: unknown) => out.destroy(error as Error));
  return reply.type(XLSX_TYPE).send(out);
}
