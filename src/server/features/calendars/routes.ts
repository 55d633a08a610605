import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { calendarSchema } from '../../../core/calendar/schemas';
import { ErrorBody, IdParams, pageOf } from '../../../core/common/schemas.js';
import type { CalendarTable, Db } from '../../db/database.js';
import { authOf } from '../../http/authenticate.js';
import { notFound } from '../../http/errors.js';

const toCalendar = (row: CalendarTable) => ({
  id: row.id,
  name: row.name,
  workingWeekdays: JSON.parse(row.working_weekdays) as number[],
  holidays: JSON.parse(row.holidays) as string[],
  workdays: JSON.parse(row.workdays) as string[],
  version: row.version,
});

export const calendarRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/calendars', {
      config: { access: 'user' },
      schema: {
        tags: ['calendars'],
        summary: "The workspace's working calendars",
        response: { 200: pageOf(calendarSchema), 401: ErrorBody },
      },
      handler: async (request) => {
        const rows = await db
          .selectFrom('calendars')
          .selectAll()
          .where('workspace_id', '=', authOf(request).workspaceId)
          .orderBy('created_at')
          .orderBy('id')
          .execute();
        return { items: rows.map(toCalendar), nextCursor: null };
      },
    });

    app.get('/calendars/:id', {
      config: { access: 'user' },
      schema: {
        tags: ['calendars'],
        summary: 'One working calendar',
        params: IdParams,
        response: { 200: calendarSchema, 401: ErrorBody, 404: ErrorBody },
      },
      handler: async (request) => {
        const row = await db
          .selectFrom('calendars')
          .selectAll()
          .where('workspace_id', '=', authOf(request).workspaceId)
          .where('id', '=', request.params.id)
          .executeTakeFirst();
        if (!row) throw notFound('Calendar');
        return toCalendar(row);
      },
    });
  };
