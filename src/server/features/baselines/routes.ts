import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Baseline, BaselineCreate, BaselineDetail, BaselineVariance } from '../../../core/baselines/schemas.js';
import { ErrorBody, IdParams, pageOf } from '../../../core/common/schemas.js';
import type { Db } from '../../db/database.js';
import { authOf } from '../../http/authenticate.js';
import { baselineVariance, createBaseline, deleteBaseline, getBaseline, listProjectBaselines } from './service.js';

const tags = ['baselines'];
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };

export const baselineRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/projects/:id/baselines', {
      config: { access: 'user' },
      schema: {
        tags,
        summary: "The project's saved baselines, newest first",
        params: IdParams,
        response: { 200: pageOf(Baseline), ...errors },
      },
      handler: (request) => listProjectBaselines(db, authOf(request), request.params.id),
    });

    app.post('/projects/:id/baselines', {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Save the current schedule as a baseline (project managers and workspace admins)',
        params: IdParams,
        body: BaselineCreate,
        response: { 201: Baseline, ...errors },
      },
      handler: async (request, reply) => reply.status(201).send(await createBaseline(db, authOf(request), request.params.id, request.body)),
    });

    app.get('/baselines/:id', {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'A baseline with the dates it saved for each task',
        params: IdParams,
        response: { 200: BaselineDetail, ...errors },
      },
      handler: (request) => getBaseline(db, authOf(request), request.params.id),
    });

    app.delete('/baselines/:id', {
      config: { access: 'user' },
      schema: { tags, summary: 'Delete a baseline', params: IdParams, response: { 204: z.null(), ...errors } },
      handler: async (request, reply) => {
        await deleteBaseline(db, authOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    });

    app.get('/baselines/:id/variance', {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'The current plan against a baseline: start and finish slip, duration change, project finish slip',
        params: IdParams,
        response: { 200: BaselineVariance, ...errors },
      },
      handler: (request) => baselineVariance(db, authOf(request), request.params.id),
    });
  };
