import { type Kysely, PostgresAdapter, sql } from 'kysely';

/**
 * Sales execution (SPEC §1.6, §4.1 Deal): accounts, contacts, the workspace's stages, deals with their
 * stage history, and activities. Tenant tables: composite keys and references carrying workspace_id.
 * Text search on deal titles: an FTS5 trigram index on SQLite, a pg_trgm GIN index on PostgreSQL
 * (plain lower(title) LIKE there when the extension is not installable).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const isPostgres = db.getExecutor().adapter instanceof PostgresAdapter;

  await db.schema
    .createTable('accounts')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('industry', 'text', (c) => c.notNull())
    .addColumn('region', 'text', (c) => c.notNull())
    .addColumn('size', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text')
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('accounts_pk', ['workspace_id', 'id'])
    .execute();
  await db.schema.createIndex('accounts_name').on('accounts').columns(['workspace_id', 'name', 'id']).execute();
  await db.schema.createIndex('accounts_name_key').on('accounts').columns(['workspace_id', 'name_key']).execute();
  await db.schema.createIndex('accounts_updated').on('accounts').columns(['workspace_id', 'updated_at', 'id']).execute();

  await db.schema
    .createTable('contacts')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('email_key', 'text', (c) => c.notNull())
    .addColumn('wechat', 'text', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('contacts_pk', ['workspace_id', 'id'])
    .addForeignKeyConstraint('contacts_account', ['workspace_id', 'account_id'], 'accounts', ['workspace_id', 'id'])
    .execute();
  await db.schema.createIndex('contacts_name').on('contacts').columns(['workspace_id', 'name', 'id']).execute();
  await db.schema.createIndex('contacts_email_key').on('contacts').columns(['workspace_id', 'email_key']).execute();
  await db.schema.createIndex('contacts_account').on('contacts').columns(['workspace_id', 'account_id']).execute();
  await db.schema.createIndex('contacts_updated').on('contacts').columns(['workspace_id', 'updated_at', 'id']).execute();

  await db.schema
    .createTable('stages')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('probability', 'double precision', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('stages_pk', ['workspace_id', 'id'])
    .addUniqueConstraint('stages_key', ['workspace_id', 'key'])
    .execute();

  await db.schema
    .createTable('deals')
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('project_id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text')
    .addColumn('contact_id', 'text')
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('probability', 'double precision')
    .addColumn('expected_close_date', 'text')
    .addColumn('close_date', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('lost_reason', 'text', (c) => c.notNull())
    // Board order within a column: fractional-index keys compared byte by byte (C collation on PostgreSQL).
    .addColumn('rank', isPostgres ? sql`text collate "C"` : 'text', (c) => c.notNull())
    .addColumn('stage_entered_at', 'text', (c) => c.notNull())
    .addColumn('contract_number', 'text')
    .addColumn('contract_value', 'bigint')
    .addColumn('contract_signed_date', 'text')
    .addColumn('contract_term_months', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('deals_pk', ['workspace_id', 'id'])
    .addForeignKeyConstraint('deals_project', ['workspace_id', 'project_id'], 'projects', ['workspace_id', 'id'], (c) =>
      c.onDelete('cascade'),
    )
    .addForeignKeyConstraint('deals_account', ['workspace_id', 'account_id'], 'accounts', ['workspace_id', 'id'])
    .addForeignKeyConstraint('deals_contact', ['workspace_id', 'contact_id'], 'contacts', ['workspace_id', 'id'])
    .addForeignKeyConstraint('deals_stage', ['workspace_id', 'stage'], 'stages', ['workspace_id', 'key'])
    .execute();
  await db.schema.createIndex('deals_board').on('deals').columns(['workspace_id', 'project_id', 'status', 'stage', 'rank', 'id']).execute();
  await db.schema.createIndex('deals_updated').on('deals').columns(['workspace_id', 'project_id', 'updated_at', 'id']).execute();
  await db.schema.createIndex('deals_amount').on('deals').columns(['workspace_id', 'project_id', 'amount', 'id']).execute();
  await db.schema.createIndex('deals_title').on('deals').columns(['workspace_id', 'project_id', 'title', 'id']).execute();
  await sql`create index deals_expected on deals (workspace_id, project_id, (coalesce(expected_close_date, '')), id)`.execute(db);
  await sql`create index deals_closed on deals (workspace_id, project_id, (coalesce(close_date, '')), id)`.execute(db);
  await db.schema.createIndex('deals_account').on('deals').columns(['workspace_id', 'account_id']).execute();
  await db.schema.createIndex('deals_contact').on('deals').columns(['workspace_id', 'contact_id']).execute();

  if (isPostgres) {
    const available = await sql<{ n: number }>`select count(*)::int as n from pg_available_extensions where name = 'pg_trgm'`.execute(db);
    if (Number(available.rows[0]?.n ?? 0) > 0) {
      await sql`create extension if not exists pg_trgm`.execute(db);
      await sql`create index deals_title_trgm on deals using gin (lower(title) gin_trgm_ops)`.execute(db);
      await sql`create index accounts_name_trgm on accounts using gin (lower(name) gin_trgm_ops)`.execute(db);
    }
  } else {
    // External-content FTS5 index of deal titles, kept in step by triggers (rowid of the deals table).
    await sql`create virtual table deals_fts using fts5(title, content='deals', content_rowid='rowid', tokenize='trigram')`.execute(db);
    await sql`create trigger deals_fts_insert after insert on deals begin
      insert into deals_fts(rowid, title) values (new.rowid, new.title);
    end`.execute(db);
    await sql`create trigger deals_fts_delete after delete on deals begin
      insert into deals_fts(deals_fts, rowid, title) values ('delete', old.rowid, old.title);
    end`.execute(db);
    await sql`create trigger deals_fts_update after update of title on deals begin
      insert into deals_fts(deals_fts, rowid, title) values ('delete', old.rowid, old.title);
      insert into deals_fts(rowid, title) values (new.rowid, new.title);
    end`.execute(db);
  }

  await db.schema
    .createTable('deal_stage_history')
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('deal_id', 'text', (c) => c.notNull())
    .addColumn('project_id', 'text', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('entered_at', 'text', (c) => c.notNull())
    .addColumn('left_at', 'text')
    .addColumn('entered_by', 'text')
    .addColumn('left_by', 'text')
    .addPrimaryKeyConstraint('deal_stage_history_pk', ['workspace_id', 'id'])
    .addForeignKeyConstraint('deal_stage_history_deal', ['workspace_id', 'deal_id'], 'deals', ['workspace_id', 'id'], (c) =>
      c.onDelete('cascade'),
    )
    .execute();
  await db.schema.createIndex('deal_stage_history_deal').on('deal_stage_history').columns(['workspace_id', 'deal_id', 'id']).execute();

  await db.schema
    .createTable('activities')
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('deal_id', 'text', (c) => c.notNull())
    .addColumn('project_id', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text')
    .addColumn('contact_id', 'text')
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('next_step', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('activities_pk', ['workspace_id', 'id'])
    .addForeignKeyConstraint('activities_deal', ['workspace_id', 'deal_id'], 'deals', ['workspace_id', 'id'], (c) => c.onDelete('cascade'))
    .addForeignKeyConstraint('activities_contact', ['workspace_id', 'contact_id'], 'contacts', ['workspace_id', 'id'])
    .execute();
  await db.schema.createIndex('activities_deal').on('activities').columns(['workspace_id', 'deal_id', 'at', 'id']).execute();
  await db.schema.createIndex('activities_project').on('activities').columns(['workspace_id', 'project_id', 'at', 'id']).execute();
  await db.schema.createIndex('activities_contact').on('activities').columns(['workspace_id', 'contact_id']).execute();
}
