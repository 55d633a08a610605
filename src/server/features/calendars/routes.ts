import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { calendarSchema, createCalendarSchema, updateCalendarSchema } from '../../../core/calendar/schemas';
import { ErrorBody, IdParams, pageOf } from '../../../core/common/schemas.js';
import type { Db } from '../../db/database.js';
import { authOf } from '../../http/authenticate.js';
import { expectedFrom, setEtag } from '../../http/concurrency.js';
import { createCalendar, deleteCalendar, getCalendar, listWorkspaceCalendars, updateCalendar } from './service.js';

const tags = ['calendars'];
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 412: ErrorBody, 422: ErrorBody };

/** Working calendars: every user reads them, workspace owners and admins change them. */
export const calendarRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/calendars', {
      config: { access: 'user' },
      schema: { tags, summary: "The workspace's working calendars", response: { 200: pageOf(calendarSchema), 401: ErrorBody } },
      handler: (request) => listWorkspaceCalendars(db, authOf(request)),
    });

    app.post('/calendars', {
      config: { access: 'admin' },
      schema: { tags, summary: 'Add a working calendar', body: createCalendarSchema, response: { 201: calendarSchema, ...errors } },
      handler: async (request, reply) => {
        const calendar = await createCalendar(db, authOf(request), request.body);
        setEtag(reply, calendar.version);
        return reply.status(201).send(calendar);
      },
    });

    app.get('/calendars/:id', {
      config: { access: 'user' },
      schema: { tags, summary: 'One working calendar', params: IdParams, response: { 200: calendarSchema, ...errors } },
      handler: async (request, reply) => {
        const calendar = await getCalendar(db, authOf(request), request.params.id);
        setEtag(reply, calendar.version);
        return calendar;
      },
    });

    app.patch('/calendars/:id', {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: "Replace a calendar's name, working weekdays, holidays and make-up workdays (send them all, with the version)",
        params: IdParams,
        body: updateCalendarSchema,
        response: { 200: calendarSchema, ...errors },
      },
      handler: async (request, reply) => {
        const calendar = await updateCalendar(
          db,
          authOf(request),
          request.params.id,
          request.body,
          expectedFrom(request, request.body.version),
        );
        setEtag(reply, calendar.version);
        return calendar;
      },
    });

    app.delete('/calendars/:id', {
      config: { access: 'admin' },
      schema: { tags, summary: 'Delete a calendar that no project uses', params: IdParams, response: { 204: z.null(), ...errors } },
      handler: async (request, reply) => {
        await deleteCalendar(db, authOf(request), request.params.id, expectedFrom(request, undefined));
        return reply.status(204).send(null);
      },
    });
  };
