import type { Kysely } from 'kysely';

/**
 * Goals (SPEC §1.1, §4.1 Goal): a project's goals with their tree (parent goal), the check-ins of
 * `custom` goals, and the workspace's exchange-rate table (base currency + rates by effective date).
 * Progress is never stored: it is computed from deals, accounts, activities and check-ins.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('goals')
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('project_id', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('metric', 'text', (c) => c.notNull())
    // Money in minor units or a count (integers), or a custom metric's number: a double holds integers exactly up to 2^53.
    .addColumn('target', 'double precision', (c) => c.notNull())
    .addColumn('currency', 'text')
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text')
    .addColumn('region', 'text')
    .addColumn('relevance', 'text', (c) => c.notNull())
    .addColumn('weight', 'double precision', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('goals_pk', ['workspace_id', 'id'])
    .addForeignKeyConstraint('goals_project', ['workspace_id', 'project_id'], 'projects', ['workspace_id', 'id'], (c) =>
      c.onDelete('cascade'),
    )
    // No action: a goal with child goals cannot be deleted (the service answers 409, also when a child arrives concurrently).
    .addForeignKeyConstraint('goals_parent', ['workspace_id', 'parent_id'], 'goals', ['workspace_id', 'id'])
    .execute();
  await db.schema.createIndex('goals_project').on('goals').columns(['workspace_id', 'project_id', 'start_date', 'id']).execute();
  await db.schema.createIndex('goals_parent').on('goals').columns(['workspace_id', 'parent_id']).execute();

  await db.schema
    .createTable('goal_check_ins')
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('goal_id', 'text', (c) => c.notNull())
    .addColumn('project_id', 'text', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('comment', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('goal_check_ins_pk', ['workspace_id', 'id'])
    .addForeignKeyConstraint('goal_check_ins_goal', ['workspace_id', 'goal_id'], 'goals', ['workspace_id', 'id'], (c) =>
      c.onDelete('cascade'),
    )
    .execute();
  await db.schema.createIndex('goal_check_ins_goal').on('goal_check_ins').columns(['workspace_id', 'goal_id', 'date', 'id']).execute();

  await db.schema
    .createTable('exchange_rate_tables')
    .addColumn('workspace_id', 'text', (c) => c.primaryKey().references('workspaces.id').onDelete('cascade'))
    .addColumn('base_currency', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('exchange_rates')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('exchange_rate_tables.workspace_id').onDelete('cascade'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('rate', 'double precision', (c) => c.notNull())
    .addColumn('effective_date', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('exchange_rates_pk', ['workspace_id', 'id'])
    .addUniqueConstraint('exchange_rates_currency_date', ['workspace_id', 'currency', 'effective_date'])
    .execute();
}
