import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../../core/common/schemas.js';
import { CheckInCreateSchema, CheckInListSchema, CheckInPatchSchema, CheckInSchema } from '../../../core/goals/schemas';
import type { Db } from '../../db/database.js';
import { authOf } from '../../http/authenticate.js';
import { expectedFrom, setEtag } from '../../http/concurrency.js';
import { errors } from '../goals/route-errors.js';
import { createCheckIn, deleteCheckIn, getCheckIn, listCheckIns, updateCheckIn } from './service.js';

const tags = ['goals'];

/** Manual progress readings of `custom` goals: each check-in is the value reached as of its date. */
export const checkInRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/goals/:id/check-ins', {
      config: { access: 'user' },
      schema: {
        tags,
        summary: "A goal's check-ins, oldest first",
        params: IdParams,
        response: { 200: CheckInListSchema, ...errors },
      },
      handler: (request) => listCheckIns(db, authOf(request), request.params.id),
    });

    app.post('/goals/:id/check-ins', {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Record a check-in of a custom goal (the value reached as of the date)',
        description: 'Other metrics are computed from data and answer 422.',
        params: IdParams,
        body: CheckInCreateSchema,
        response: { 201: CheckInSchema, ...errors },
      },
      handler: async (request, reply) => {
        const checkIn = await createCheckIn(db, authOf(request), request.params.id, request.body);
        setEtag(reply, checkIn.version);
        return reply.status(201).send(checkIn);
      },
    });

    app.get('/check-ins/:id', {
      config: { access: 'user' },
      schema: { tags, summary: 'Get a check-in', params: IdParams, response: { 200: CheckInSchema, ...errors } },
      handler: async (request, reply) => {
        const checkIn = await getCheckIn(db, authOf(request), request.params.id);
        setEtag(reply, checkIn.version);
        return checkIn;
      },
    });

    app.patch('/check-ins/:id', {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Correct a check-in',
        params: IdParams,
        body: CheckInPatchSchema,
        response: { 200: CheckInSchema, ...errors },
      },
      handler: async (request, reply) => {
        const checkIn = await updateCheckIn(
          db,
          authOf(request),
          request.params.id,
          request.body,
          expectedFrom(request, request.body.version),
        );
        setEtag(reply, checkIn.version);
        return checkIn;
      },
    });

    app.delete('/check-ins/:id', {
      config: { access: 'user' },
      schema: { tags, summary: 'Delete a check-in', params: IdParams, response: { 204: z.null(), ...errors } },
      handler: async (request, reply) => {
        await deleteCheckIn(db, authOf(request), request.params.id, expectedFrom(request, undefined));
        return reply.status(204).send(null);
      },
    });
  };
