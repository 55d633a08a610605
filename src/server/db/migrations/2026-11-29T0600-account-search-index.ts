import type { Kysely } from 'kysely';

/**
 * Deal search matches account names on their folded form (`name_key`) on both databases: an index that
 * holds the folded name and the id answers it without reading the accounts themselves (and serves the
 * duplicate-name check the narrower index did).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('accounts_name_key_id').on('accounts').columns(['workspace_id', 'name_key', 'id']).execute();
  await db.schema.dropIndex('accounts_name_key').execute();
}
