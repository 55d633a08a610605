import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody, IdParams, pageOf } from '../../../core/common/schemas.js';
import {
  ProjectTimeEntryQuery,
  TaskTimeEntryQuery,
  TimeEntry,
  TimeEntryCreate,
  TimeEntryPatch,
} from '../../../core/time-entries/schemas.js';
import type { Db } from '../../db/database.js';
import { authOf } from '../../http/authenticate.js';
import { expectedFrom, setEtag } from '../../http/concurrency.js';
import { createTimeEntry, deleteTimeEntry, getTimeEntry, listProjectTimeEntries, listTaskTimeEntries, updateTimeEntry } from './service.js';

const tags = ['time entries'];
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 412: ErrorBody, 422: ErrorBody };

export const timeEntryRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/tasks/:id/time-entries', {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Time logged on a task, newest first',
        params: IdParams,
        querystring: TaskTimeEntryQuery,
        response: { 200: pageOf(TimeEntry), ...errors },
      },
      handler: (request) => listTaskTimeEntries(db, authOf(request), request.params.id, request.query),
    });

    app.post('/tasks/:id/time-entries', {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Log time on a task (your own; a project manager may log for any member)',
        params: IdParams,
        body: TimeEntryCreate,
        response: { 201: TimeEntry, ...errors },
      },
      handler: async (request, reply) => {
        const entry = await createTimeEntry(db, authOf(request), request.params.id, request.body);
        setEtag(reply, entry.version);
        return reply.status(201).send(entry);
      },
    });

    app.get('/projects/:id/time-entries', {
      config: { access: 'user' },
      schema: {
        tags,
        summary: "A project's time entries by date, e.g. one member's week: ?userId=&from=&to=",
        params: IdParams,
        querystring: ProjectTimeEntryQuery,
        response: { 200: pageOf(TimeEntry), ...errors },
      },
      handler: (request) => listProjectTimeEntries(db, authOf(request), request.params.id, request.query),
    });

    app.get('/time-entries/:id', {
      config: { access: 'user' },
      schema: { tags, summary: 'Get a time entry', params: IdParams, response: { 200: TimeEntry, ...errors } },
      handler: async (request, reply) => {
        const entry = await getTimeEntry(db, authOf(request), request.params.id);
        setEtag(reply, entry.version);
        return entry;
      },
    });

    app.patch('/time-entries/:id', {
      config: { access: 'user' },
      schema: { tags, summary: 'Change a time entry', params: IdParams, body: TimeEntryPatch, response: { 200: TimeEntry, ...errors } },
      handler: async (request, reply) => {
        const entry = await updateTimeEntry(
          db,
          authOf(request),
          request.params.id,
          request.body,
          expectedFrom(request, request.body.version),
        );
        setEtag(reply, entry.version);
        return entry;
      },
    });

    app.delete('/time-entries/:id', {
      config: { access: 'user' },
      schema: { tags, summary: 'Delete a time entry', params: IdParams, response: { 204: z.null(), ...errors } },
      handler: async (request, reply) => {
        await deleteTimeEntry(db, authOf(request), request.params.id, expectedFrom(request, undefined));
        return reply.status(204).send(null);
      },
    });
  };
