import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorBody, IdParams } from '../../../core/common/schemas.js';
import { ProjectSchedule } from '../../../core/tasks/schemas.js';
import type { Db } from '../../db/database.js';
import { authOf } from '../../http/authenticate.js';
import { getSchedule } from './service.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 422: ErrorBody };

export const scheduleRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/projects/:id/schedule', {
      config: { access: 'user' },
      schema: {
        tags: ['schedule'],
        summary: "The project's schedule: critical path on its working calendar (SPEC §3.1), summaries rolled up",
        params: IdParams,
        response: { 200: ProjectSchedule, ...errors },
      },
      handler: (request) => getSchedule(db, authOf(request), request.params.id),
    });
  };
