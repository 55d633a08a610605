import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deal } from '../../../core/deals/schemas.js';
import { testDialectsAndReaders } from '../../test/databases.js';
import { buildProject, type Session, signupOwner, startTestApp, type TestApp } from '../../test/harness.js';

describe.each(testDialectsAndReaders())('exports on %s with %i reader threads', (dialect, readers) => {
  let t: TestApp;
  let owner: Session;
  let outsider: Session;
  let projectId: string;
  const TITLES = ['=HYPERLINK("http://evil.example","x")', '华为云扩容项目', '+1+2', 'Plain deal', '@SUM(A1)', '-3 discount'];

  beforeAll(async () => {
    t = await startTestApp(dialect, 'open', { readers });
    owner = await signupOwner(t.app);
    outsider = await signupOwner(t.app, { workspaceName: 'Elsewhere Ltd' });
    projectId = (await buildProject(owner, { name: 'Export project' })).id;
    const accountId = (await owner.request('POST', '/accounts', { name: '-Minus Co', region: 'East' })).json().id;
    const contactId = (await owner.request('POST', '/contacts', { name: 'Anna', accountId, email: 'anna@example.com' })).json().id;
    for (const [i, title] of TITLES.entries()) {
      const r = await owner.request('POST', `/projects/${projectId}/deals`, {
        title,
        amount: 1_250_050 * (i + 1),
        accountId: i === 0 ? accountId : null,
        contactId: i === 0 ? contactId : null,
        probability: i === 1 ? 0.45 : null,
        expectedCloseDate: '2027-03-31',
        source: i === 3 ? '=cmd' : 'Web',
      });
      expect(r.statusCode).toBe(201);
    }
    const won = (
      await owner.request('POST', `/projects/${projectId}/deals`, { title: 'Won one', amount: 99_900, currency: 'JPY' })
    ).json() as Deal;
    await owner.request('POST', `/deals/${won.id}/win`, {
      closeDate: '2027-01-10',
      contract: { number: 'HT-7', value: 99_900, termMonths: 12 },
    });
    await owner.request('POST', `/deals/${won.id}/activities`, { type: 'meeting', outcome: '=IMPORTXML(x)', nextStep: 'Sign' });
  });
  afterAll(() => t?.close());

  const download = (url: string, session = owner) => session.request('GET', url);

  it('exports deals as CSV in UTF-8 with BOM, filtered and sorted like the list, formulas neutralized', async () => {
    const response = await download(`/projects/${projectId}/deals/export?format=csv&sort=amount`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="deals-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(response.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const rows = parse(response.rawPayload, { bom: true }) as string[][];
    expect(rows[0].slice(0, 11)).toEqual([
      'Title',
      'Account',
      'Contact',
      'Amount',
      'Currency',
      'Stage',
      'Status',
      'Probability',
      'Expected close date',
      'Close date',
      'Owner',
    ]);
    expect(rows.slice(1).map((r) => r[0])).toEqual([
      'Won one',
      `'=HYPERLINK("http://evil.example","x")`,
      '华为云扩容项目',
      "'+1+2",
      'Plain deal',
      "'@SUM(A1)",
      "'-3 discount",
    ]);
    const first = rows[2];
    expect(first.slice(1, 11)).toEqual(["'-Minus Co", 'Anna', '12500.5', 'CNY', 'Lead', 'open', '', '2027-03-31', '', 'Olivia Owner']);
    // JPY has no minor unit: 99,900 minor units are ¥99,900.
    expect(rows[1].slice(3, 17)).toEqual([
      '99900',
      'JPY',
      'Won',
      'won',
      '',
      '',
      '2027-01-10',
      'Olivia Owner',
      '',
      '',
      'HT-7',
      '99900',
      '',
      '12',
    ]);
    expect(rows[5][11]).toBe("'=cmd");
    const filtered = parse((await download(`/projects/${projectId}/deals/export?status=won`)).rawPayload, { bom: true }) as string[][];
    expect(filtered.map((r) => r[0])).toEqual(['Title', 'Won one']);
    const text = parse((await download(`/projects/${projectId}/deals/export?q=华为`)).rawPayload, { bom: true }) as string[][];
    expect(text.length).toBe(2);
  });

  it('exports deals as XLSX that exceljs reads back: numbers as numbers, text neutralized', async () => {
    const response = await download(`/projects/${projectId}/deals/export?format=xlsx&sort=-amount`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.rowCount).toBe(TITLES.length + 2);
    expect(sheet.getRow(1).getCell(1).value).toBe('Title');
    const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1, 9);
    expect(values(2)).toEqual(["'-3 discount", null, null, 75003, 'CNY', 'Lead', 'open', null].map((v) => v ?? undefined));
    expect(sheet.getRow(6).getCell(1).value).toBe('华为云扩容项目');
    expect(sheet.getRow(6).getCell(8).value).toBe(0.45);
    expect(sheet.getRow(7).getCell(1).value).toBe(`'=HYPERLINK("http://evil.example","x")`);
    expect(sheet.getRow(7).getCell(4).numFmt).toBe('#,##0.00');
  });

  it('round-trips: the exported CSV imports into another project as the same deals', async () => {
    const csv = (await download(`/projects/${projectId}/deals/export`)).rawPayload;
    const target = (await buildProject(owner, { name: 'Round trip' })).id;
    const imported = await owner.request('POST', `/projects/${target}/deals/import?preset=generic`, csv, { 'content-type': 'text/csv' });
    expect(imported.json()).toMatchObject({ total: 7, accepted: 7, rejected: [] });
    const pick = (d: Deal) => [
      d.title,
      d.amount,
      d.currency,
      d.stage,
      d.status,
      d.probability,
      d.expectedCloseDate,
      d.closeDate,
      d.accountName,
    ];
    const list = async (id: string) =>
      ((await owner.request('GET', `/projects/${id}/deals?sort=amount&limit=200`)).json().items as Deal[]).map(pick);
    expect(await list(target)).toEqual(await list(projectId));
  });

  it('exports accounts, contacts and activities with their filters', async () => {
    const accounts = parse((await download('/accounts/export?region=East')).rawPayload, { bom: true }) as string[][];
    expect(accounts.map((r) => r.slice(0, 3))).toEqual([
      ['Name', 'Industry', 'Region'],
      ["'-Minus Co", '', 'East'],
    ]);
    const contacts = parse((await download('/contacts/export?q=anna&format=csv')).rawPayload, { bom: true }) as string[][];
    expect(contacts.map((r) => r.slice(0, 5))).toEqual([
      ['Name', 'Title', 'Account', 'Phone', 'E-mail'],
      ['Anna', '', "'-Minus Co", '', 'anna@example.com'],
    ]);
    const activities = parse((await download(`/projects/${projectId}/activities/export?type=meeting`)).rawPayload, {
      bom: true,
    }) as string[][];
    expect(activities.map((r) => r.slice(1, 7))).toEqual([
      ['Type', 'Deal', 'By', 'Contact', 'Outcome', 'Next step'],
      ['meeting', 'Won one', 'Olivia Owner', '', "'=IMPORTXML(x)", 'Sign'],
    ]);
    const xlsx = await download('/contacts/export?format=xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets[0].getRow(2).getCell(1).value).toBe('Anna');
  });

  it('shows another workspace nothing (404 for the project, its own empty lists otherwise) and refuses bad formats (400)', async () => {
    expect((await download(`/projects/${projectId}/deals/export`, outsider)).statusCode).toBe(404);
    expect((await download(`/projects/${projectId}/activities/export`, outsider)).statusCode).toBe(404);
    const accounts = parse((await download('/accounts/export', outsider)).rawPayload, { bom: true }) as string[][];
    expect(accounts.length).toBe(1);
    expect((await download(`/projects/${projectId}/deals/export?format=pdf`)).statusCode).toBe(400);
  });
});
