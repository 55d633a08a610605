import { type Kysely, PostgresAdapter } from 'kysely';

/**
 * `real` is a 4-byte float on PostgreSQL (about 7 significant digits) but an 8-byte double on SQLite:
 * a capacity of 12.3456789 hours came back as 12.345679 on PostgreSQL only. Make it a double there too.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await db.schema
    .alterTable('project_members')
    .alterColumn('capacity_hours_per_week', (c) => c.setDataType('double precision'))
    .execute();
}
