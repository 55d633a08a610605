import type { Kysely } from 'kysely';

/** Names of a calendar's holidays and make-up workdays ("春节", "Company offsite"): a JSON object date → name. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('calendars')
    .addColumn('day_names', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
}
