import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Activity, ActivityCreate, ActivityListQuery, ActivityPatch } from '../../../core/activities/schemas.js';
import { ErrorBody, IdParams, pageOf } from '../../../core/common/schemas.js';
import type { Db } from '../../db/database.js';
import { authOf } from '../../http/authenticate.js';
import { expectedFrom, setEtag } from '../../http/concurrency.js';
import { createActivity, deleteActivity, getActivity, listDealActivities, updateActivity } from './service.js';

const tags = ['activities'];
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 412: ErrorBody, 422: ErrorBody };

export const activityRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/deals/:id/activities', {
      config: { access: 'user' },
      schema: {
        tags,
        summary: "A deal's activity timeline (newest first)",
        params: IdParams,
        querystring: ActivityListQuery,
        response: { 200: pageOf(Activity), ...errors },
      },
      handler: (request) => listDealActivities(db, authOf(request), request.params.id, request.query),
    });

    app.post('/deals/:id/activities', {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Log a call, meeting, visit, e-mail or note on a deal',
        params: IdParams,
        body: ActivityCreate,
        response: { 201: Activity, ...errors },
      },
      handler: async (request, reply) => {
        const activity = await createActivity(db, authOf(request), request.params.id, request.body);
        setEtag(reply, activity.version);
        return reply.status(201).send(activity);
      },
    });

    app.get('/activities/:id', {
      config: { access: 'user' },
      schema: { tags, summary: 'Get an activity', params: IdParams, response: { 200: Activity, ...errors } },
      handler: async (request, reply) => {
        const activity = await getActivity(db, authOf(request), request.params.id);
        setEtag(reply, activity.version);
        return activity;
      },
    });

    app.patch('/activities/:id', {
      config: { access: 'user' },
      schema: { tags, summary: 'Change an activity', params: IdParams, body: ActivityPatch, response: { 200: Activity, ...errors } },
      handler: async (request, reply) => {
        const activity = await updateActivity(
          db,
          authOf(request),
          request.params.id,
          request.body,
          expectedFrom(request, request.body.version),
        );
        setEtag(reply, activity.version);
        return activity;
      },
    });

    app.delete('/activities/:id', {
      config: { access: 'user' },
      schema: { tags, summary: 'Delete an activity', params: IdParams, response: { 204: z.null(), ...errors } },
      handler: async (request, reply) => {
        await deleteActivity(db, authOf(request), request.params.id, expectedFrom(request, undefined));
        return reply.status(204).send(null);
      },
    });
  };
