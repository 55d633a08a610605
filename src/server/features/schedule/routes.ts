import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody, IdParams } from '../../../core/common/schemas.js';
import { ProjectSchedule } from '../../../core/tasks/schemas.js';
import type { Db } from '../../db/database.js';
import { authOf } from '../../http/authenticate.js';
import { createScheduleCache } from './cache.js';
import { getSchedule } from './service.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 422: ErrorBody };
const notModified = z.null().describe('Not modified: the plan is as the If-None-Match ETag says');

export const scheduleRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    const cache = createScheduleCache();
    app.get('/projects/:id/schedule', {
      config: { access: 'user' },
      schema: {
        tags: ['schedule'],
        summary: "The project's schedule: critical path on its working calendar (SPEC §3.1), summaries rolled up",
        params: IdParams,
        response: { 200: ProjectSchedule, 304: notModified, ...errors },
      },
      handler: async (request, reply) => {
        const { json, etag } = await getSchedule(db, cache, authOf(request), request.params.id);
        reply.header('etag', etag);
        if (request.headers['if-none-match'] === etag) return reply.status(304).send(null);
        // Already UTF-8 JSON of the response schema's shape (built by the service as a ProjectSchedule, kept by
        // the cache): Fastify sends a Buffer as it is, so the cast only tells the type provider so.
        return reply.type('application/json; charset=utf-8').send(json as unknown as ProjectSchedule);
      },
    });
  };
