import { type Account, type AccountCreate, type AccountPatch, nameKey } from '../../../core/accounts/schemas.js';
import { nowIso } from '../../clock.js';
import type { AccountTable, Db, Trx } from '../../db/database.js';
import type { Auth } from '../../http/access.js';
import { assertCurrent, assertUpdated, changedFields, type Expected } from '../../http/concurrency.js';
import { forbidden, notFound, rule } from '../../http/errors.js';
import { newId } from '../../ids.js';
import { recordAudit } from '../audit/record.js';
import { isWorkspaceUser } from '../members/queries.js';
import { canDeleteAccount, canUseCustomers } from './policy.js';
import { accountsNamed, dealsOf, findAccount, listAccounts, toAccount } from './queries.js';

export function assertCustomersAccess(auth: Auth): void {
  if (!canUseCustomers(auth)) throw forbidden('Guests do not see the workspace’s accounts and contacts.');
}

export async function checkOwner(db: Db | Trx, auth: Auth, ownerId: string | null | undefined): Promise<void> {
  if (ownerId && ownerId !== auth.userId && !(await isWorkspaceUser(db, auth.workspaceId, ownerId))) {
    throw rule('The owner is not a user of this workspace.', { ownerId });
  }
}

const audit = (
  trx: Trx,
  auth: Auth,
  entityId: string,
  action: 'create' | 'update' | 'delete',
  before: object | null,
  after: object | null,
) => recordAudit(trx, { workspaceId: auth.workspaceId, actorId: auth.userId, entityType: 'account', entityId, action, before, after });

export async function listAccountsFor(db: Db, auth: Auth, query: Parameters<typeof listAccounts>[2]) {
  assertCustomersAccess(auth);
  return listAccounts(db, auth.workspaceId, query);
}

export async function getAccount(db: Db, auth: Auth, id: string): Promise<Account> {
  const row = await findAccount(db, auth.workspaceId, id);
  if (!row) throw notFound('Account');
  assertCustomersAccess(auth);
  return toAccount(row);
}

/** An account's deals in every project of the workspace (workspace members see every project). */
export async function listAccountDeals(db: Db, auth: Auth, id: string) {
  const row = await findAccount(db, auth.workspaceId, id);
  if (!row) throw notFound('Account');
  assertCustomersAccess(auth);
  return { items: await dealsOf(db, auth.workspaceId, { accountId: id }), nextCursor: null };
}

/** Inserts an account row (also used by imports); no audit here. */
export async function insertAccount(
  trx: Trx,
  workspaceId: string,
  input: AccountCreate & { ownerId: string | null },
): Promise<AccountTable> {
  const now = nowIso();
  const row: AccountTable = {
    workspace_id: workspaceId,
    id: newId(),
    name: input.name,
    name_key: nameKey(input.name),
    industry: input.industry,
    region: input.region,
    size: input.size,
    owner_id: input.ownerId,
    notes: input.notes,
    created_at: now,
    updated_at: now,
    version: 1,
  };
  await trx.insertInto('accounts').values(row).execute();
  return row;
}

/** Creates an account; answers it with the existing accounts of the same name (a warning, not a refusal). */
export async function createAccount(db: Db, auth: Auth, input: AccountCreate) {
  assertCustomersAccess(auth);
  return db.transaction().execute(async (trx) => {
    await checkOwner(trx, auth, input.ownerId);
    const row = await insertAccount(trx, auth.workspaceId, {
      ...input,
      ownerId: input.ownerId === undefined ? auth.userId : input.ownerId,
    });
    const account = toAccount(row);
    await audit(trx, auth, row.id, 'create', null, account);
    return { ...account, duplicates: await accountsNamed(trx, auth.workspaceId, row.name_key, row.id) };
  });
}

export async function updateAccount(db: Db, auth: Auth, id: string, patch: AccountPatch, expected: Expected): Promise<Account> {
  return db.transaction().execute(async (trx) => {
    const row = await findAccount(trx, auth.workspaceId, id);
    if (!row) throw notFound('Account');
    assertCustomersAccess(auth);
    const before = toAccount(row);
    assertCurrent(row.version, expected);
    const { version: _v, ...fields } = patch;
    const changed = changedFields(before, fields);
    if (Object.keys(changed).length === 0) return before;
    if ('ownerId' in changed) await checkOwner(trx, auth, changed.ownerId);
    const next: Account = { ...before, ...changed, updatedAt: nowIso(), version: row.version + 1 };
    const result = await trx
      .updateTable('accounts')
      .set({
        name: next.name,
        name_key: nameKey(next.name),
        industry: next.industry,
        region: next.region,
        size: next.size,
        owner_id: next.ownerId,
        notes: next.notes,
        updated_at: next.updatedAt,
        version: next.version,
      })
      .where('workspace_id', '=', auth.workspaceId)
      .where('id', '=', id)
      .where('version', '=', row.version)
      .executeTakeFirst();
    assertUpdated(result, 'account');
    await audit(trx, auth, id, 'update', before, next);
    return next;
  });
}

/** Deletes an account; its contacts and deals stay, without the account (in the same transaction). */
export async function deleteAccount(db: Db, auth: Auth, id: string, expected: Expected): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await findAccount(trx, auth.workspaceId, id);
    if (!row) throw notFound('Account');
    assertCustomersAccess(auth);
    if (!canDeleteAccount(auth, row.owner_id)) throw forbidden('Only the account’s owner and workspace admins can delete it.');
    assertCurrent(row.version, expected);
    const now = nowIso();
    const contacts = await trx
      .updateTable('contacts')
      .set((eb) => ({ account_id: null, updated_at: now, version: eb('version', '+', 1) }))
      .where('workspace_id', '=', auth.workspaceId)
      .where('account_id', '=', id)
      .executeTakeFirst();
    const deals = await trx
      .updateTable('deals')
      .set((eb) => ({ account_id: null, updated_at: now, version: eb('version', '+', 1) }))
      .where('workspace_id', '=', auth.workspaceId)
      .where('account_id', '=', id)
      .executeTakeFirst();
    const result = await trx.deleteFrom('accounts').where('workspace_id', '=', auth.workspaceId).where('id', '=', id).executeTakeFirst();
    if (Number(result.numDeletedRows) !== 1) throw notFound('Account');
    await audit(trx, auth, id, 'delete', toAccount(row), {
      detachedContacts: Number(contacts.numUpdatedRows),
      detachedDeals: Number(deals.numUpdatedRows),
    });
  });
}
