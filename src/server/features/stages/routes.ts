import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody, IdParams, pageOf } from '../../../core/common/schemas.js';
import { Stage, StageCreate, StageDeleteQuery, StageDuration, StagePatch } from '../../../core/stages/schemas.js';
import type { Db } from '../../db/database.js';
import { authOf } from '../../http/authenticate.js';
import { expectedFrom, setEtag } from '../../http/concurrency.js';
import { createStage, deleteStage, getStage, listStagesFor, stageDurations, updateStage } from './service.js';

const tags = ['stages'];
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 412: ErrorBody, 422: ErrorBody };

/** The workspace's deal stages: anyone reads them, owners and admins change them. */
export const stageRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/stages', {
      config: { access: 'user' },
      schema: { tags, summary: "List the workspace's deal stages in board order", response: { 200: pageOf(Stage), ...errors } },
      handler: (request) => listStagesFor(db, authOf(request)),
    });

    app.get('/stages/durations', {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Median days deals spent in each stage (completed stays of the stage history)',
        response: { 200: z.object({ items: z.array(StageDuration) }), ...errors },
      },
      handler: (request) => stageDurations(db, authOf(request)),
    });

    app.post('/stages', {
      config: { access: 'admin' },
      schema: { tags, summary: 'Add an open stage', body: StageCreate, response: { 201: Stage, ...errors } },
      handler: async (request, reply) => {
        const stage = await createStage(db, authOf(request), request.body);
        setEtag(reply, stage.version);
        return reply.status(201).send(stage);
      },
    });

    app.get('/stages/:id', {
      config: { access: 'user' },
      schema: { tags, summary: 'Get a stage', params: IdParams, response: { 200: Stage, ...errors } },
      handler: async (request, reply) => {
        const stage = await getStage(db, authOf(request), request.params.id);
        setEtag(reply, stage.version);
        return stage;
      },
    });

    app.patch('/stages/:id', {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Rename a stage, change its default probability or its place on the board',
        params: IdParams,
        body: StagePatch,
        response: { 200: Stage, ...errors },
      },
      handler: async (request, reply) => {
        const stage = await updateStage(db, authOf(request), request.params.id, request.body, expectedFrom(request, request.body.version));
        setEtag(reply, stage.version);
        return stage;
      },
    });

    app.delete('/stages/:id', {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Delete an open stage; its deals move to another open stage in the same transaction',
        params: IdParams,
        querystring: StageDeleteQuery,
        response: { 204: z.null(), ...errors },
      },
      handler: async (request, reply) => {
        await deleteStage(db, authOf(request), request.params.id, request.query.moveTo, expectedFrom(request, undefined));
        return reply.status(204).send(null);
      },
    });
  };
