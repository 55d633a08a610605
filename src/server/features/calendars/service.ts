import type { Calendar, CreateCalendar, UpdateCalendar } from '../../../core/calendar/schemas';
import { nowIso } from '../../clock.js';
import type { Db } from '../../db/database.js';
import type { Auth } from '../../http/access.js';
import { assertCurrent, assertUpdated, type Expected } from '../../http/concurrency.js';
import { AppError, notFound } from '../../http/errors.js';
import { newId } from '../../ids.js';
import { recordAudit } from '../audit/record.js';
import { deleteCalendarRow, findCalendar, listCalendars, projectsUsing } from './queries.js';

type CalendarFields = Pick<Calendar, 'name' | 'workingWeekdays' | 'holidays' | 'workdays' | 'dayNames'>;

/** Stored tidy: weekdays, dates and named dates ascending. */
const tidy = (input: CalendarFields): CalendarFields => ({
  name: input.name,
  workingWeekdays: [...input.workingWeekdays].sort((a, b) => a - b),
  holidays: [...input.holidays].sort(),
  workdays: [...input.workdays].sort(),
  dayNames: Object.fromEntries(Object.entries(input.dayNames).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
});

const columns = (fields: CalendarFields) => ({
  name: fields.name,
  working_weekdays: JSON.stringify(fields.workingWeekdays),
  holidays: JSON.stringify(fields.holidays),
  workdays: JSON.stringify(fields.workdays),
  day_names: JSON.stringify(fields.dayNames),
});

/** The names an update keeps when it sends none: those of the days it still lists. */
const keptNames = (current: Calendar, input: UpdateCalendar): Record<string, string> => {
  const listed = new Set([...input.holidays, ...input.workdays]);
  return Object.fromEntries(Object.entries(current.dayNames).filter(([date]) => listed.has(date)));
};

export async function listWorkspaceCalendars(db: Db, auth: Auth) {
  return { items: await listCalendars(db, auth.workspaceId), nextCursor: null };
}

export async function getCalendar(db: Db, auth: Auth, id: string): Promise<Calendar> {
  const calendar = await findCalendar(db, auth.workspaceId, id);
  if (!calendar) throw notFound('Calendar');
  return calendar;
}

export async function createCalendar(db: Db, auth: Auth, input: CreateCalendar): Promise<Calendar> {
  return db.transaction().execute(async (trx) => {
    const calendar: Calendar = { id: newId(), ...tidy(input), version: 1 };
    await trx
      .insertInto('calendars')
      .values({ workspace_id: auth.workspaceId, id: calendar.id, kind: 'custom', ...columns(calendar), created_at: nowIso(), version: 1 })
      .execute();
    await recordAudit(trx, {
      workspaceId: auth.workspaceId,
      actorId: auth.userId,
      entityType: 'calendar',
      entityId: calendar.id,
      action: 'create',
      after: calendar,
    });
    return calendar;
  });
}

/** Replaces a calendar's name, working weekdays, holidays and make-up workdays (the body carries them all). */
export async function updateCalendar(db: Db, auth: Auth, id: string, input: UpdateCalendar, expected: Expected): Promise<Calendar> {
  return db.transaction().execute(async (trx) => {
    const current = await findCalendar(trx, auth.workspaceId, id);
    if (!current) throw notFound('Calendar');
    assertCurrent(current.version, expected);
    const fields = tidy({ ...input, dayNames: input.dayNames ?? keptNames(current, input) });
    const { id: _id, version: _version, ...before } = current;
    if (JSON.stringify(fields) === JSON.stringify(before)) return current;
    const next: Calendar = { id, ...fields, version: current.version + 1 };
    const result = await trx
      .updateTable('calendars')
      .set({ ...columns(fields), version: next.version })
      .where('workspace_id', '=', auth.workspaceId)
      .where('id', '=', id)
      .where('version', '=', current.version)
      .executeTakeFirst();
    assertUpdated(result, 'calendar');
    await recordAudit(trx, {
      workspaceId: auth.workspaceId,
      actorId: auth.userId,
      entityType: 'calendar',
      entityId: id,
      action: 'update',
      before: current,
      after: next,
    });
    return next;
  });
}

/** Deletes a calendar no project uses (409 naming the projects otherwise). */
export async function deleteCalendar(db: Db, auth: Auth, id: string, expected: Expected): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const current = await findCalendar(trx, auth.workspaceId, id);
    if (!current) throw notFound('Calendar');
    assertCurrent(current.version, expected);
    const projects = await projectsUsing(trx, auth.workspaceId, id);
    if (projects.length > 0) {
      throw new AppError('CONFLICT', 'Projects use this calendar; give them another calendar first.', {
        projectIds: projects.map((p) => p.id),
        projectNames: projects.map((p) => p.name),
      });
    }
    await deleteCalendarRow(trx, auth.workspaceId, id);
    await recordAudit(trx, {
      workspaceId: auth.workspaceId,
      actorId: auth.userId,
      entityType: 'calendar',
      entityId: id,
      action: 'delete',
      before: current,
    });
  });
}
