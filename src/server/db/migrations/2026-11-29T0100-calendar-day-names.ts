import type { Kysely } from 'kysely';
import { chinaMainlandDayNames } from '../../../core/calendar/calendar';

/**
 * Names of a calendar's holidays and make-up workdays ("春节", "Company offsite"): a JSON object date → name.
 * The mainland-China calendars seeded before get the names of the days they still list, in the language of
 * their seeded name.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('calendars')
    .addColumn('day_names', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
  await nameSeededChinaDays(db);
}

/** Names the days the seeded mainland-China calendars list (in the language of the calendar's own name). */
export async function nameSeededChinaDays(db: Kysely<any>): Promise<void> {
  const seeded = await db
    .selectFrom('calendars')
    .select(['workspace_id', 'id', 'name', 'holidays', 'workdays'])
    .where('kind', '=', 'china')
    .execute();
  for (const row of seeded) {
    const names = chinaMainlandDayNames(/[\u4e00-\u9fff]/.test(row.name) ? 'zh' : 'en');
    const listed: string[] = [...JSON.parse(row.holidays), ...JSON.parse(row.workdays)];
    const dayNames = Object.fromEntries(listed.filter((date) => names[date] !== undefined).map((date) => [date, names[date]]));
    await db
      .updateTable('calendars')
      .set({ day_names: JSON.stringify(dayNames) })
      .where('workspace_id', '=', row.workspace_id)
      .where('id', '=', row.id)
      .execute();
  }
}
