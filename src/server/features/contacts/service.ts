import type { Contact, ContactCreate, ContactPatch } from '../../../core/contacts/schemas.js';
import { nowIso } from '../../clock.js';
import type { ContactTable, Db, Trx } from '../../db/database.js';
import type { Auth } from '../../http/access.js';
import { assertCurrent, assertUpdated, changedFields, type Expected } from '../../http/concurrency.js';
import { notFound, rule } from '../../http/errors.js';
import { newId } from '../../ids.js';
import { dealsOf, findAccount } from '../accounts/queries.js';
import { assertCustomersAccess } from '../accounts/service.js';
import { recordAudit } from '../audit/record.js';
import { contactsWithEmail, findContact, listContacts } from './queries.js';

const audited = ({ accountName: _a, ...contact }: Contact) => contact;
const audit = (
  trx: Trx,
  auth: Auth,
  entityId: string,
  action: 'create' | 'update' | 'delete',
  before: object | null,
  after: object | null,
) => recordAudit(trx, { workspaceId: auth.workspaceId, actorId: auth.userId, entityType: 'contact', entityId, action, before, after });

async function accountNameOf(db: Db | Trx, workspaceId: string, accountId: string | null): Promise<string | null> {
  if (!accountId) return null;
  const account = await findAccount(db, workspaceId, accountId);
  if (!account) throw rule('This account does not exist in the workspace.', { accountId });
  return account.name;
}

export async function listContactsFor(db: Db, auth: Auth, query: Parameters<typeof listContacts>[2]) {
  assertCustomersAccess(auth);
  return listContacts(db, auth.workspaceId, query);
}

export async function getContact(db: Db, auth: Auth, id: string): Promise<Contact> {
  const contact = await findContact(db, auth.workspaceId, id);
  if (!contact) throw notFound('Contact');
  assertCustomersAccess(auth);
  return contact;
}

/** A contact's deals in every project of the workspace (workspace members see every project). */
export async function listContactDeals(db: Db, auth: Auth, id: string) {
  if (!(await findContact(db, auth.workspaceId, id))) throw notFound('Contact');
  assertCustomersAccess(auth);
  return { items: await dealsOf(db, auth.workspaceId, { contactId: id }), nextCursor: null };
}

/** Inserts a contact row (also used by imports); no audit here. */
export async function insertContact(trx: Trx, workspaceId: string, input: ContactCreate): Promise<ContactTable> {
  const now = nowIso();
  const row: ContactTable = {
    workspace_id: workspaceId,
    id: newId(),
    account_id: input.accountId,
    name: input.name,
    title: input.title,
    phone: input.phone,
    email: input.email,
    email_key: input.email.toLowerCase(),
    wechat: input.wechat,
    notes: input.notes,
    created_at: now,
    updated_at: now,
    version: 1,
  };
  await trx.insertInto('contacts').values(row).execute();
  return row;
}

/** Creates a contact; answers it with the existing contacts of the same e-mail (a warning, not a refusal). */
export async function createContact(db: Db, auth: Auth, input: ContactCreate) {
  assertCustomersAccess(auth);
  return db.transaction().execute(async (trx) => {
    const accountName = await accountNameOf(trx, auth.workspaceId, input.accountId);
    const row = await insertContact(trx, auth.workspaceId, input);
    const contact: Contact = {
      id: row.id,
      accountId: row.account_id,
      accountName,
      name: row.name,
      title: row.title,
      phone: row.phone,
      email: row.email,
      wechat: row.wechat,
      notes: row.notes,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      version: 1,
    };
    await audit(trx, auth, row.id, 'create', null, audited(contact));
    return { ...contact, duplicates: await contactsWithEmail(trx, auth.workspaceId, row.email_key, row.id) };
  });
}

export async function updateContact(db: Db, auth: Auth, id: string, patch: ContactPatch, expected: Expected): Promise<Contact> {
  return db.transaction().execute(async (trx) => {
    const contact = await findContact(trx, auth.workspaceId, id);
    if (!contact) throw notFound('Contact');
    assertCustomersAccess(auth);
    assertCurrent(contact.version, expected);
    const { version: _v, ...fields } = patch;
    const changed = changedFields(contact, fields);
    if (Object.keys(changed).length === 0) return contact;
    const accountName =
      'accountId' in changed ? await accountNameOf(trx, auth.workspaceId, changed.accountId ?? null) : contact.accountName;
    const next: Contact = { ...contact, ...changed, accountName, updatedAt: nowIso(), version: contact.version + 1 };
    const result = await trx
      .updateTable('contacts')
      .set({
        account_id: next.accountId,
        name: next.name,
        title: next.title,
        phone: next.phone,
        email: next.email,
        email_key: next.email.toLowerCase(),
        wechat: next.wechat,
        notes: next.notes,
        updated_at: next.updatedAt,
        version: next.version,
      })
      .where('workspace_id', '=', auth.workspaceId)
      .where('id', '=', id)
      .where('version', '=', contact.version)
      .executeTakeFirst();
    assertUpdated(result, 'contact');
    await audit(trx, auth, id, 'update', audited(contact), audited(next));
    return next;
  });
}

/** Deletes a contact; deals and activities that named it stay, without it (same transaction). */
export async function deleteContact(db: Db, auth: Auth, id: string, expected: Expected): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const contact = await findContact(trx, auth.workspaceId, id);
    if (!contact) throw notFound('Contact');
    assertCustomersAccess(auth);
    assertCurrent(contact.version, expected);
    const now = nowIso();
    await trx
      .updateTable('deals')
      .set((eb) => ({ contact_id: null, updated_at: now, version: eb('version', '+', 1) }))
      .where('workspace_id', '=', auth.workspaceId)
      .where('contact_id', '=', id)
      .execute();
    await trx
      .updateTable('activities')
      .set({ contact_id: null })
      .where('workspace_id', '=', auth.workspaceId)
      .where('contact_id', '=', id)
      .execute();
    const result = await trx.deleteFrom('contacts').where('workspace_id', '=', auth.workspaceId).where('id', '=', id).executeTakeFirst();
    if (Number(result.numDeletedRows) !== 1) throw notFound('Contact');
    await audit(trx, auth, id, 'delete', audited(contact), null);
  });
}
