import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account } from '../../../core/accounts/schemas.js';
import type { Contact } from '../../../core/contacts/schemas.js';
import { testDialects } from '../../test/databases.js';
import { auditRowsFor } from '../../test/db-inspect.js';
import { buildProject, inviteUser, type Session, signupOwner, startTestApp, type TestApp } from '../../test/harness.js';
import { failAuditWrites, salesDigest } from '../deals/test-support.js';

describe.each(testDialects())('accounts and contacts on %s', (dialect) => {
  let t: TestApp;
  let owner: Session;
  let member: Session;
  let guest: Session;
  let outsider: Session;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    owner = await signupOwner(t.app);
    member = await inviteUser(t.app, owner, 'member', 'Mia Member');
    guest = await inviteUser(t.app, owner, 'guest', 'Gus Guest');
    outsider = await signupOwner(t.app, { workspaceName: 'Elsewhere Ltd' });
  });
  afterAll(() => t?.close());

  it('creates an account (201, caller as owner, audited) and warns of a same-named one without refusing it', async () => {
    const first = await owner.request('POST', '/accounts', {
      name: 'Shanghai Precision',
      industry: 'Manufacturing',
      region: '上海',
      size: '1000-5000',
    });
    expect(first.statusCode).toBe(201);
    expect(first.headers.etag).toBe('"1"');
    expect(first.json()).toEqual({
      id: expect.any(String),
      name: 'Shanghai Precision',
      industry: 'Manufacturing',
      region: '上海',
      size: '1000-5000',
      ownerId: owner.userId,
      notes: '',
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      version: 1,
      duplicates: [],
    });
    const second = await member.request('POST', '/accounts', { name: '  shanghai   PRECISION ', ownerId: null });
    expect(second.statusCode).toBe(201);
    expect(second.json()).toMatchObject({
      ownerId: null,
      duplicates: [{ id: first.json().id, name: 'Shanghai Precision', reason: 'same-name' }],
    });
    const { duplicates: _d, ...account } = first.json();
    expect(await auditRowsFor(t.database.db, account.id)).toEqual([
      expect.objectContaining({ entity_type: 'account', action: 'create', after: account }),
    ]);
    // Another workspace's account of the same name is none of our business.
    expect((await outsider.request('POST', '/accounts', { name: 'Shanghai Precision' })).json().duplicates).toEqual([]);
  });

  it('validates (400 naming the field) and refuses an owner from elsewhere (422)', async () => {
    for (const [body, path] of [
      [{ name: '' }, 'name'],
      [{ name: 'x', size: 's'.repeat(51) }, 'size'],
      [{ name: 'x', ownerId: '' }, 'ownerId'],
    ] as const) {
      expect((await owner.request('POST', '/accounts', body)).json().error.details[0].path).toBe(path);
    }
    const foreign = await owner.request('POST', '/accounts', { name: 'x', ownerId: outsider.userId });
    expect(foreign.statusCode).toBe(422);
  });

  it('lists and searches accounts (any script), sorts and pages by cursor', async () => {
    for (const name of ['杭州云帆零售', 'Beta Retail', 'Gamma Foods', 'Delta Retail'])
      await owner.request('POST', '/accounts', { name, region: 'East' });
    const names = async (query: string) =>
      ((await owner.request('GET', `/accounts?${query}`)).json().items as Account[]).map((a) => a.name);
    expect(await names('q=retail&sort=name')).toEqual(['Beta Retail', 'Delta Retail']);
    expect(await names('q=云帆')).toEqual(['杭州云帆零售']);
    expect(await names('q=%25')).toEqual([]);
    expect(await names(`ownerId=${member.userId}`)).toEqual([]);
    const all = await names('sort=-name&limit=200');
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Account[]; nextCursor: string | null } = (
        await owner.request('GET', `/accounts?sort=-name&limit=2${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      seen.push(...page.items.map((a: Account) => a.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);
    expect((await owner.request('GET', '/accounts?sort=notes')).statusCode).toBe(400);
  });

  it('changes an account with versions (409/412 change nothing) and keeps it from guests (403) and other workspaces (404)', async () => {
    const account = (await owner.request('POST', '/accounts', { name: 'Versioned' })).json() as Account;
    const changed = await owner.request('PATCH', `/accounts/${account.id}`, { notes: 'Key account', version: 1 });
    expect(changed.json()).toMatchObject({ notes: 'Key account', version: 2 });
    const before = await salesDigest(t.database.db);
    expect((await owner.request('PATCH', `/accounts/${account.id}`, { notes: 'x', version: 1 })).statusCode).toBe(409);
    expect((await owner.request('PATCH', `/accounts/${account.id}`, { notes: 'x' }, { 'if-match': '"1"' })).statusCode).toBe(412);
    expect((await owner.request('PATCH', `/accounts/${account.id}`, { notes: 'Key account' })).json().version).toBe(2);
    expect((await guest.request('GET', `/accounts/${account.id}`)).statusCode).toBe(403);
    expect((await guest.request('GET', '/accounts')).statusCode).toBe(403);
    expect((await outsider.request('GET', `/accounts/${account.id}`)).statusCode).toBe(404);
    expect((await outsider.request('PATCH', `/accounts/${account.id}`, { notes: 'x' })).statusCode).toBe(404);
    expect(await salesDigest(t.database.db)).toEqual(before);
  });

  it('creates contacts with the account’s name, warns of a same e-mail, searches by name, e-mail and phone', async () => {
    const account = (await owner.request('POST', '/accounts', { name: 'Contact Co' })).json() as Account;
    const body = {
      accountId: account.id,
      name: '周建国',
      title: '设备部总监',
      phone: '+86 138 0021 5566',
      email: 'Zhou@Example.cn',
      wechat: 'zhoujg',
    };
    const first = await owner.request('POST', '/contacts', body);
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ ...body, accountName: 'Contact Co', notes: '', version: 1, duplicates: [] });
    const second = await owner.request('POST', '/contacts', { name: 'Jianguo Zhou', email: 'zhou@example.cn' });
    expect(second.json()).toMatchObject({
      accountId: null,
      accountName: null,
      duplicates: [{ id: first.json().id, name: '周建国', reason: 'same-email' }],
    });
    expect((await owner.request('POST', '/contacts', { name: 'x', email: 'not-an-email' })).json().error.details[0].path).toBe('email');
    expect((await owner.request('POST', '/contacts', { name: 'x', accountId: 'elsewhere' })).statusCode).toBe(422);
    const names = async (query: string) =>
      ((await owner.request('GET', `/contacts?${query}`)).json().items as Contact[]).map((c) => c.name);
    expect(await names('q=zhou&sort=name')).toEqual(['Jianguo Zhou', '周建国']);
    expect(await names('q=0021')).toEqual(['周建国']);
    expect(await names(`accountId=${account.id}`)).toEqual(['周建国']);
    const patched = await owner.request('PATCH', `/contacts/${second.json().id}`, { accountId: account.id, version: 1 });
    expect(patched.json()).toMatchObject({ accountName: 'Contact Co', version: 2 });
    expect((await owner.request('PATCH', `/contacts/${second.json().id}`, { title: 'x', version: 1 })).statusCode).toBe(409);
    expect((await owner.request('PATCH', `/contacts/${second.json().id}`, { title: 'x' }, { 'if-match': '"1"' })).statusCode).toBe(412);
    expect((await outsider.request('GET', `/contacts/${second.json().id}`)).statusCode).toBe(404);
  });

  it('deletes an account: its contacts and deals stay, without it; deleting a contact unlinks its deals', async () => {
    const account = (await owner.request('POST', '/accounts', { name: 'Leaving Co' })).json() as Account;
    const contact = (await owner.request('POST', '/contacts', { name: 'Lee', accountId: account.id })).json() as Contact;
    const projectId = (await buildProject(owner)).id;
    const deal = (
      await owner.request('POST', `/projects/${projectId}/deals`, { title: 'Linked', accountId: account.id, contactId: contact.id })
    ).json();
    expect((await member.request('DELETE', `/accounts/${account.id}`)).statusCode).toBe(403);
    expect((await owner.request('DELETE', `/accounts/${account.id}`)).statusCode).toBe(204);
    expect((await owner.request('GET', `/accounts/${account.id}`)).statusCode).toBe(404);
    expect((await owner.request('GET', `/contacts/${contact.id}`)).json()).toMatchObject({ accountId: null, version: 2 });
    expect((await owner.request('GET', `/deals/${deal.id}`)).json()).toMatchObject({ accountId: null, accountName: null, version: 2 });
    expect((await owner.request('DELETE', `/contacts/${contact.id}`)).statusCode).toBe(204);
    expect((await owner.request('GET', `/deals/${deal.id}`)).json()).toMatchObject({ contactId: null, version: 3 });
  });

  it('keeps nothing of an account or contact write whose audit row cannot be written', async () => {
    const account = (await owner.request('POST', '/accounts', { name: 'Atomic Co' })).json() as Account;
    const contact = (await owner.request('POST', '/contacts', { name: 'Ato', accountId: account.id })).json() as Contact;
    await failAuditWrites(t.database.db, dialect, true);
    try {
      const before = await salesDigest(t.database.db);
      for (const [method, url, body] of [
        ['POST', '/accounts', { name: 'Never' }],
        ['PATCH', `/accounts/${account.id}`, { name: 'Never' }],
        ['DELETE', `/accounts/${account.id}`, undefined],
        ['POST', '/contacts', { name: 'Never' }],
        ['PATCH', `/contacts/${contact.id}`, { name: 'Never' }],
        ['DELETE', `/contacts/${contact.id}`, undefined],
      ] as const) {
        expect({ url, method, status: (await owner.request(method, url, body)).statusCode }).toEqual({ url, method, status: 500 });
      }
      expect(await salesDigest(t.database.db)).toEqual(before);
    } finally {
      await failAuditWrites(t.database.db, dialect, false);
    }
  });
});
