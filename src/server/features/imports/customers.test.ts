import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account, AccountDeal } from '../../../core/accounts/schemas.js';
import type { Contact } from '../../../core/contacts/schemas.js';
import { testDialects } from '../../test/databases.js';
import { countRows } from '../../test/db-inspect.js';
import { buildProject, inviteUser, type Session, signupOwner, startTestApp, type TestApp } from '../../test/harness.js';
import { XLSX_TYPE } from './source.js';

const CSV = { 'content-type': 'text/csv' };

describe.each(testDialects())('account and contact import, import preview, account deals on %s', (dialect) => {
  let t: TestApp;
  let owner: Session;
  let guest: Session;
  let colleague: Session;
  let outsider: Session;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    owner = await signupOwner(t.app, { email: 'olivia.owner@example.com' });
    colleague = await inviteUser(t.app, owner, 'member', 'Wang Fang');
    guest = await inviteUser(t.app, owner, 'guest', 'Gus Guest');
    outsider = await signupOwner(t.app, { workspaceName: 'Elsewhere Ltd' });
  });
  afterAll(() => t?.close());

  const accounts = async (who = owner) =>
    ((await who.request('GET', '/accounts?limit=200&sort=name')).json().items as Account[]).map((a) => ({
      name: a.name,
      industry: a.industry,
      region: a.region,
      size: a.size,
      mine: a.ownerId === owner.userId,
      colleague: a.ownerId === colleague.userId,
    }));
  const contacts = async () =>
    ((await owner.request('GET', '/contacts?limit=200&sort=name')).json().items as Contact[]).map((c) => ({
      name: c.name,
      title: c.title,
      email: c.email,
      phone: c.phone,
      account: c.accountName,
    }));

  it('imports accounts: dry run reports every bad row and writes nothing; commit writes the rest in one go', async () => {
    await owner.request('POST', '/accounts', { name: 'Existing Steel Co' });
    const file = [
      'Company name,Industry,Country/Region,Number of Employees,Company owner,Website',
      'Huadong Logistics,Logistics,Shanghai,51-200,olivia.owner@example.com,hd.example.com',
      ',Retail,Beijing,10,,',
      'existing steel co ,Steel,Hebei,500+,,',
      'Lakeside Foods,Food,Hangzhou,11-50,Wang Fang,',
      'Huadong  logistics,Logistics,Shanghai,,,',
      '',
    ].join('\n');
    const before = await countRows(t.database.db, 'accounts');
    const dry = await owner.request('POST', '/accounts/import?dryRun=true', file, CSV);
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toMatchObject({
      dryRun: true,
      preset: 'generic',
      total: 5,
      accepted: 2,
      created: 0,
      rejectedTotal: 3,
      rejected: [
        { row: 3, reason: 'missing name' },
        { row: 4, reason: 'an account named "existing steel co" exists already' },
        { row: 6, reason: 'same name as row 2' },
      ],
      columns: {
        name: 'Company name',
        industry: 'Industry',
        region: 'Country/Region',
        size: 'Number of Employees',
        owner: 'Company owner',
      },
      unmappedHeaders: ['Website'],
      headers: ['Company name', 'Industry', 'Country/Region', 'Number of Employees', 'Company owner', 'Website'],
    });
    expect(dry.json().samples[0]).toEqual([
      'Huadong Logistics',
      'Logistics',
      'Shanghai',
      '51-200',
      'olivia.owner@example.com',
      'hd.example.com',
    ]);
    expect(await countRows(t.database.db, 'accounts')).toBe(before);

    const done = await owner.request('POST', '/accounts/import', file, CSV);
    expect(done.json()).toMatchObject({ dryRun: false, accepted: 2, created: 2, accountsCreated: 2, rejectedTotal: 3 });
    expect(await accounts()).toEqual([
      { name: 'Existing Steel Co', industry: '', region: '', size: '', mine: true, colleague: false },
      { name: 'Huadong Logistics', industry: 'Logistics', region: 'Shanghai', size: '51-200', mine: true, colleague: false },
      { name: 'Lakeside Foods', industry: 'Food', region: 'Hangzhou', size: '11-50', mine: false, colleague: true },
    ]);
    // The same file again: every row is a duplicate now.
    const again = await owner.request('POST', '/accounts/import', file, CSV);
    expect(again.json()).toMatchObject({ accepted: 0, created: 0, rejectedTotal: 5 });
    expect(await countRows(t.database.db, 'accounts')).toBe(before + 2);
  });

  it('imports contacts with first and last names, links or creates their accounts, rejects bad and known e-mails', async () => {
    const file = [
      'First Name,Last Name,Email,Phone Number,Job Title,Associated Company',
      'Mei,Lin,mei.lin@example.com,+86 138 0000 0000,CFO,Huadong Logistics',
      '晓明,陈,chen@example.com,,采购经理,Brand New Co',
      'Bad,Mail,not-an-email,,,',
      ',,nobody@example.com,,,',
      'Twin,Lin,MEI.LIN@example.com,,,',
      'No,Company,,,,',
    ].join('\n');
    const dry = await owner.request('POST', '/contacts/import?dryRun=true', file, CSV);
    expect(dry.json()).toMatchObject({
      total: 6,
      accepted: 3,
      contactsCreated: 0,
      accountsCreated: 0,
      rejected: [
        { row: 4, reason: 'bad e-mail "not-an-email"' },
        { row: 5, reason: 'missing name' },
        { row: 6, reason: 'same e-mail as row 2' },
      ],
    });
    const accountsBefore = await countRows(t.database.db, 'accounts');
    const done = await owner.request('POST', '/contacts/import', file, CSV);
    expect(done.json()).toMatchObject({ created: 3, contactsCreated: 3, accountsCreated: 1, rejectedTotal: 3 });
    expect(await countRows(t.database.db, 'accounts')).toBe(accountsBefore + 1);
    expect(await contacts()).toEqual([
      { name: 'Mei Lin', title: 'CFO', email: 'mei.lin@example.com', phone: '+86 138 0000 0000', account: 'Huadong Logistics' },
      { name: 'No Company', title: '', email: '', phone: '', account: null },
      { name: '陈晓明', title: '采购经理', email: 'chen@example.com', phone: '', account: 'Brand New Co' },
    ]);
    const again = await owner.request('POST', '/contacts/import?dryRun=true', 'Name,E-mail\nMei again,Mei.Lin@Example.com\n', CSV);
    expect(again.json().rejected).toEqual([{ row: 2, reason: 'a contact with e-mail "Mei.Lin@Example.com" exists already' }]);
  });

  it('takes a mapping ("" leaves a field empty) and reads XLSX', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Sheet1');
    sheet.addRow(['客户名称', '行业', '备注']);
    sheet.addRow(['宁波港通物流', '物流', '老客户']);
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    const mapping = encodeURIComponent(JSON.stringify({ notes: '' }));
    const response = await owner.request('POST', `/accounts/import?mapping=${mapping}`, buffer, { 'content-type': XLSX_TYPE });
    expect(response.json()).toMatchObject({ created: 1, columns: { name: '客户名称', industry: '行业' }, unmappedHeaders: ['备注'] });
    const created = (await accounts()).find((a) => a.name === '宁波港通物流');
    expect(created).toMatchObject({ industry: '物流' });
    const bad = await owner.request(
      'POST',
      `/accounts/import?mapping=${encodeURIComponent(JSON.stringify({ name: 'Nope' }))}`,
      'Name\nx\n',
      CSV,
    );
    expect(bad.statusCode).toBe(422);
    const unknownField = await owner.request(
      'POST',
      `/accounts/import?mapping=${encodeURIComponent(JSON.stringify({ title: 'Name' }))}`,
      'Name\nx\n',
      CSV,
    );
    expect(unknownField.statusCode).toBe(400);
    expect((await owner.request('POST', '/contacts/import', 'Phone,Title\n1,CEO\n', CSV)).statusCode).toBe(422);
  });

  it('refuses guests (403), JSON bodies (415), and keeps workspaces apart', async () => {
    expect((await guest.request('POST', '/accounts/import', 'Name\nGuest Co\n', CSV)).statusCode).toBe(403);
    expect((await guest.request('POST', '/contacts/import', 'Name\nGuest\n', CSV)).statusCode).toBe(403);
    expect((await owner.request('POST', '/accounts/import', { name: 'x' })).statusCode).toBe(415);
    // The outsider's workspace has none of these names: nothing is a duplicate there, and nothing leaks here.
    const theirs = await outsider.request('POST', '/accounts/import', 'Name\nHuadong Logistics\n', CSV);
    expect(theirs.json()).toMatchObject({ created: 1, rejectedTotal: 0 });
    expect((await accounts()).filter((a) => a.name === 'Huadong Logistics')).toHaveLength(1);
  });

  it('deal import: preset=auto detects the exporter; the answer carries headers, samples and stage values', async () => {
    const { id } = await buildProject(owner, { name: 'Auto preset' });
    const file = [
      'Deal - Title,Deal - Value,Deal - Currency,Deal - Stage,Deal - Status',
      'One,100,EUR,Lead In,Open',
      'Two,200,EUR,lead in,Open',
      'Three,300,EUR,Demo booked,Open',
    ].join('\n');
    const response = await owner.request('POST', `/projects/${id}/deals/import?preset=auto&dryRun=true`, file, CSV);
    expect(response.json()).toMatchObject({
      preset: 'pipedrive',
      total: 3,
      accepted: 2,
      rejected: [{ row: 4, reason: 'unknown stage "Demo booked"' }],
      headers: ['Deal - Title', 'Deal - Value', 'Deal - Currency', 'Deal - Stage', 'Deal - Status'],
      samples: [
        ['One', '100', 'EUR', 'Lead In', 'Open'],
        ['Two', '200', 'EUR', 'lead in', 'Open'],
        ['Three', '300', 'EUR', 'Demo booked', 'Open'],
      ],
      stageValues: [
        { value: 'Lead In', count: 2, stage: 'lead' },
        { value: 'Demo booked', count: 1, stage: null },
      ],
    });
    const mapped = encodeURIComponent(JSON.stringify({ stages: { 'Demo booked': 'proposal' } }));
    const second = await owner.request('POST', `/projects/${id}/deals/import?preset=auto&mapping=${mapped}`, file, CSV);
    expect(second.json()).toMatchObject({ created: 3, stageValues: [{ stage: 'lead' }, { value: 'Demo booked', stage: 'proposal' }] });
  });

  it("lists an account's deals across projects, newest change first; not for guests or other workspaces", async () => {
    const account = (await owner.request('POST', '/accounts', { name: 'Cross Project Co' })).json() as Account;
    const a = await buildProject(owner, { name: 'North push' });
    const b = await buildProject(owner, { name: 'South push' });
    await owner.request('POST', `/projects/${a.id}/deals`, { title: 'North deal', accountId: account.id, amount: 1000 });
    await owner.request('POST', `/projects/${b.id}/deals`, { title: 'South deal', accountId: account.id, amount: 2000 });
    await owner.request('POST', `/projects/${b.id}/deals`, { title: 'Unrelated', amount: 5 });
    const response = await owner.request('GET', `/accounts/${account.id}/deals`);
    expect(response.statusCode).toBe(200);
    const items = response.json().items as AccountDeal[];
    expect(items.map((d) => [d.title, d.projectName, d.amount, d.status])).toEqual([
      ['South deal', 'South push', 2000, 'open'],
      ['North deal', 'North push', 1000, 'open'],
    ]);
    expect((await guest.request('GET', `/accounts/${account.id}/deals`)).statusCode).toBe(403);
    // A contact's deals: the one that names it.
    const contact = (await owner.request('POST', '/contacts', { name: 'Cross Contact', accountId: account.id })).json() as Contact;
    await owner.request('POST', `/projects/${a.id}/deals`, {
      title: 'With contact',
      accountId: account.id,
      contactId: contact.id,
      amount: 7,
    });
    const ofContact = await owner.request('GET', `/contacts/${contact.id}/deals`);
    expect((ofContact.json().items as AccountDeal[]).map((d) => [d.title, d.projectName])).toEqual([['With contact', 'North push']]);
    expect((await guest.request('GET', `/contacts/${contact.id}/deals`)).statusCode).toBe(403);
    expect((await outsider.request('GET', `/contacts/${contact.id}/deals`)).statusCode).toBe(404);
    expect((await outsider.request('GET', `/accounts/${account.id}/deals`)).statusCode).toBe(404);
  });

  it('remembers a mapping per workspace, kind and preset; refuses a mapping the import would refuse', async () => {
    const empty = await owner.request('GET', '/import-mappings?kind=deals&preset=hubspot');
    expect(empty.json()).toEqual({ kind: 'deals', preset: 'hubspot', mapping: {}, updatedAt: null });
    const mapping = { title: 'Deal Name', amount: '', stages: { 'Demo booked': 'proposal' } };
    const put = await owner.request('PUT', '/import-mappings', { kind: 'deals', preset: 'hubspot', mapping });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ kind: 'deals', preset: 'hubspot', mapping });
    const again = await owner.request('PUT', '/import-mappings', { kind: 'deals', preset: 'hubspot', mapping: { title: 'Name' } });
    expect(again.statusCode).toBe(200);
    expect((await owner.request('GET', '/import-mappings?kind=deals&preset=hubspot')).json().mapping).toEqual({ title: 'Name' });
    // Other presets and kinds, a colleague sees the workspace's; another workspace and guests do not.
    expect((await owner.request('GET', '/import-mappings?kind=deals&preset=salesforce')).json().mapping).toEqual({});
    expect((await colleague.request('GET', '/import-mappings?kind=deals&preset=hubspot')).json().mapping).toEqual({ title: 'Name' });
    expect((await outsider.request('GET', '/import-mappings?kind=deals&preset=hubspot')).json().mapping).toEqual({});
    expect((await guest.request('GET', '/import-mappings?kind=deals&preset=hubspot')).statusCode).toBe(403);
    expect((await guest.request('PUT', '/import-mappings', { kind: 'accounts', mapping: { name: 'Company' } })).statusCode).toBe(403);
    // A field the kind does not have, a stage map on accounts, a bad kind: 400, nothing saved.
    for (const body of [
      { kind: 'accounts', mapping: { title: 'Company' } },
      { kind: 'accounts', mapping: { stages: {} } },
      { kind: 'leads', mapping: {} },
      { kind: 'contacts', mapping: { name: 42 } },
    ]) {
      expect((await owner.request('PUT', '/import-mappings', body)).statusCode).toBe(400);
    }
    expect((await owner.request('GET', '/import-mappings?kind=accounts')).json()).toMatchObject({ preset: 'generic', mapping: {} });
  });
});
