import { sql } from 'kysely';
import type { Contact, ContactListQuery } from '../../../core/contacts/schemas.js';
import type { Db, Trx } from '../../db/database.js';
import { after, likePattern, pageFrom, parseSort } from '../../http/pagination.js';
import { checkedCursor } from '../deals/queries.js';

const contactSelect = (db: Db | Trx, workspaceId: string) =>
  db
    .selectFrom('contacts as c')
    .leftJoin('accounts as a', (join) => join.onRef('a.workspace_id', '=', 'c.workspace_id').onRef('a.id', '=', 'c.account_id'))
    .select([
      'c.id',
      'c.account_id',
      'a.name as account_name',
      'c.name',
      'c.title',
      'c.phone',
      'c.email',
      'c.wechat',
      'c.notes',
      'c.created_at',
      'c.updated_at',
      'c.version',
    ])
    .where('c.workspace_id', '=', workspaceId);

type ContactRow = Awaited<ReturnType<ReturnType<typeof contactSelect>['executeTakeFirstOrThrow']>>;

export const toContact = (row: ContactRow): Contact => ({
  id: row.id,
  accountId: row.account_id,
  accountName: row.account_name ?? null,
  name: row.name,
  title: row.title,
  phone: row.phone,
  email: row.email,
  wechat: row.wechat,
  notes: row.notes,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  version: row.version,
});

export async function findContact(db: Db | Trx, workspaceId: string, id: string): Promise<Contact | undefined> {
  const row = await contactSelect(db, workspaceId).where('c.id', '=', id).executeTakeFirst();
  return row && toContact(row);
}

/** Other contacts with the same e-mail (case-insensitive): the duplicate warning. */
export async function contactsWithEmail(db: Db | Trx, workspaceId: string, emailKey: string, exceptId: string) {
  if (!emailKey) return [];
  const rows = await db
    .selectFrom('contacts')
    .select(['id', 'name'])
    .where('workspace_id', '=', workspaceId)
    .where('email_key', '=', emailKey)
    .where('id', '!=', exceptId)
    .orderBy('id')
    .limit(20)
    .execute();
  return rows.map((row) => ({ id: row.id, name: row.name, reason: 'same-email' as const }));
}

const SORT_COLUMNS = { name: 'c.name', updatedAt: 'c.updated_at' } as const;

export async function listContacts(db: Db, workspaceId: string, query: ContactListQuery) {
  const sort = parseSort(query.sort, SORT_COLUMNS);
  const cursor = checkedCursor(query.cursor, 'string');
  let q = contactSelect(db, workspaceId);
  if (query.q) {
    const pattern = likePattern(query.q);
    q = q.where(
      sql<boolean>`(lower(c.name) like ${pattern} escape '\\' or c.email_key like ${pattern} escape '\\' or c.phone like ${pattern} escape '\\')`,
    );
  }
  if (query.accountId) q = q.where('c.account_id', '=', query.accountId);
  if (cursor) q = q.where(after(sort.column, 'c.id', sort.desc, cursor));
  const direction = sort.desc ? 'desc' : 'asc';
  const rows = await q
    .orderBy(sql.ref(sort.column), direction)
    .orderBy('c.id', direction)
    .limit(query.limit + 1)
    .execute();
  const key = sort.key === 'name' ? 'name' : 'updated_at';
  const page = pageFrom(rows, query.limit, (row) => ({ v: row[key], id: row.id }));
  return { items: page.items.map(toContact), nextCursor: page.nextCursor };
}
