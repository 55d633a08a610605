import type { Selectable } from 'kysely';
import type { Calendar } from '../../../core/calendar/schemas';
import type { CalendarTable, Db, Trx } from '../../db/database.js';
import { AppError } from '../../http/errors.js';

type Handle = Db | Trx;

export const toCalendar = (row: Selectable<CalendarTable>): Calendar => ({
  id: row.id,
  name: row.name,
  workingWeekdays: JSON.parse(row.working_weekdays) as number[],
  holidays: JSON.parse(row.holidays) as string[],
  workdays: JSON.parse(row.workdays) as string[],
  dayNames: JSON.parse(row.day_names) as Record<string, string>,
  version: row.version,
});

export async function findCalendar(db: Handle, workspaceId: string, id: string): Promise<Calendar | undefined> {
  const row = await db.selectFrom('calendars').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
  return row && toCalendar(row);
}

export async function listCalendars(db: Handle, workspaceId: string): Promise<Calendar[]> {
  const rows = await db
    .selectFrom('calendars')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(toCalendar);
}

/** Ids and names of (up to 20 of) the projects that use the calendar. */
export async function projectsUsing(db: Handle, workspaceId: string, calendarId: string): Promise<{ id: string; name: string }[]> {
  const rows = await db
    .selectFrom('projects')
    .select(['id', 'name'])
    .where('workspace_id', '=', workspaceId)
    .where('calendar_id', '=', calendarId)
    .orderBy('id')
    .limit(20)
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name }));
}

/** Deletes a calendar; a project that took it meanwhile (the foreign key refuses) is a 409 too. */
export async function deleteCalendarRow(trx: Trx, workspaceId: string, id: string): Promise<void> {
  try {
    await trx.deleteFrom('calendars').where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === '23503' || code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
      throw new AppError('CONFLICT', 'A project uses this calendar; give it another calendar first.');
    }
    throw error;
  }
}
