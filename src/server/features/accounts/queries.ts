import { sql } from 'kysely';
import {
  ACCOUNT_DEALS_LIMIT,
  type Account,
  type AccountDeal,
  type AccountListQuery,
  type DuplicateRef,
} from '../../../core/accounts/schemas.js';
import type { AccountTable, Db, Trx } from '../../db/database.js';
import { after, likePattern, pageFrom, parseSort } from '../../http/pagination.js';
import { checkedCursor } from '../deals/queries.js';

export const toAccount = (row: AccountTable): Account => ({
  id: row.id,
  name: row.name,
  industry: row.industry,
  region: row.region,
  size: row.size,
  ownerId: row.owner_id,
  notes: row.notes,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  version: row.version,
});

export async function findAccount(db: Db | Trx, workspaceId: string, id: string): Promise<AccountTable | undefined> {
  return db.selectFrom('accounts').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
}

/** Accounts whose name folds to `key` (other than `exceptId`): the duplicate warning. */
export async function accountsNamed(db: Db | Trx, workspaceId: string, key: string, exceptId: string): Promise<DuplicateRef[]> {
  const rows = await db
    .selectFrom('accounts')
    .select(['id', 'name'])
    .where('workspace_id', '=', workspaceId)
    .where('name_key', '=', key)
    .where('id', '!=', exceptId)
    .orderBy('id')
    .limit(20)
    .execute();
  return rows.map((row) => ({ id: row.id, name: row.name, reason: 'same-name' as const }));
}

const SORT_COLUMNS = { name: 'name', updatedAt: 'updated_at' } as const;

export async function listAccounts(db: Db, workspaceId: string, query: AccountListQuery) {
  const sort = parseSort(query.sort, SORT_COLUMNS);
  const cursor = checkedCursor(query.cursor, 'string');
  let q = db.selectFrom('accounts').selectAll().where('workspace_id', '=', workspaceId);
  if (query.q) q = q.where(sql<boolean>`lower(name) like ${likePattern(query.q)} escape '\\'`);
  if (query.ownerId) q = q.where('owner_id', '=', query.ownerId);
  if (query.region) q = q.where('region', '=', query.region);
  if (query.industry) q = q.where('industry', '=', query.industry);
  if (cursor) q = q.where(after(sort.column, 'id', sort.desc, cursor));
  const direction = sort.desc ? 'desc' : 'asc';
  const rows = await q
    .orderBy(sql.ref(sort.column), direction)
    .orderBy('id', direction)
    .limit(query.limit + 1)
    .execute();
  const page = pageFrom(rows, query.limit, (row) => ({ v: row[sort.column as keyof AccountTable] as string, id: row.id }));
  return { items: page.items.map(toAccount), nextCursor: page.nextCursor };
}

/** An account's (or a contact's) deals across the workspace's projects, most recently changed first. */
export async function dealsOf(db: Db, workspaceId: string, of: { accountId: string } | { contactId: string }): Promise<AccountDeal[]> {
  const rows = await db
    .selectFrom('deals as d')
    .innerJoin('projects as p', (join) => join.onRef('p.workspace_id', '=', 'd.workspace_id').onRef('p.id', '=', 'd.project_id'))
    .select([
      'd.id',
      'd.project_id',
      'p.name as project_name',
      'd.title',
      'd.amount',
      'd.currency',
      'd.stage',
      'd.status',
      'd.expected_close_date',
      'd.close_date',
      'd.owner_id',
      'd.updated_at',
    ])
    .where('d.workspace_id', '=', workspaceId)
    .where('accountId' in of ? 'd.account_id' : 'd.contact_id', '=', 'accountId' in of ? of.accountId : of.contactId)
    .orderBy('d.updated_at', 'desc')
    .orderBy('d.id', 'desc')
    .limit(ACCOUNT_DEALS_LIMIT)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    projectId: r.project_id,
    projectName: r.project_name,
    title: r.title,
    amount: Number(r.amount),
    currency: r.currency,
    stage: r.stage,
    status: r.status as AccountDeal['status'],
    expectedCloseDate: r.expected_close_date,
    closeDate: r.close_date,
    ownerId: r.owner_id,
    updatedAt: r.updated_at,
  }));
}
