import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody, IdParams, pageOf } from '../../../core/common/schemas.js';
import { Deal, DealCreate, DealListQuery, DealPatch } from '../../../core/deals/schemas.js';
import type { Db, DbContext } from '../../db/database.js';
import { authOf } from '../../http/authenticate.js';
import { expectedFrom, setEtag } from '../../http/concurrency.js';
import { writtenAsIs } from '../../http/serializer.js';
import { boardRoutes } from './board-routes.js';
import { createDeal, deleteDeal, getDeal, listProjectDeals, updateDeal } from './service.js';

const tags = ['deals'];
const DealPage = pageOf(Deal);
type DealPage = z.infer<typeof DealPage>;
export const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 412: ErrorBody, 422: ErrorBody };

export const dealRoutes =
  (db: Db, reads: Db, dataKey: DbContext['dataKey']): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/projects/:id/deals', {
      config: { access: 'user' },
      schema: {
        tags,
        summary: "List a project's deals: filters, allow-listed sort, cursor paging",
        description:
          '`q` searches deal titles and account names. `ownerId`, `stage` and `status` take comma-separated lists; amounts are minor units.',
        params: IdParams,
        querystring: DealListQuery,
        response: { 200: DealPage, ...errors },
      },
      // The page's JSON is written by the database in the schema's shape (dealJson): sent as its bytes.
      serializerCompiler: writtenAsIs,
      handler: async (request, reply) => {
        const page = await listProjectDeals(db, reads, authOf(request), request.params.id, request.query);
        return reply.type('application/json; charset=utf-8').send(page as unknown as DealPage);
      },
    });

    app.post('/projects/:id/deals', {
      config: { access: 'user' },
      schema: { tags, summary: 'Create a deal in a project', params: IdParams, body: DealCreate, response: { 201: Deal, ...errors } },
      handler: async (request, reply) => {
        const deal = await createDeal(db, authOf(request), request.params.id, request.body);
        setEtag(reply, deal.version);
        return reply.status(201).send(deal);
      },
    });

    app.get('/deals/:id', {
      config: { access: 'user' },
      // toDeal writes the answer field by field in the schema's shape: no second check on this hot read.
      serializerCompiler: writtenAsIs,
      schema: { tags, summary: 'Get a deal', params: IdParams, response: { 200: Deal, ...errors } },
      handler: async (request, reply) => {
        const deal = await getDeal(db, authOf(request), request.params.id);
        setEtag(reply, deal.version);
        return deal;
      },
    });

    app.patch('/deals/:id', {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Change a deal',
        description:
          '`stage` moves an open deal between open stages (to the end of the column); use win, lose, reopen or move for the rest.',
        params: IdParams,
        body: DealPatch,
        response: { 200: Deal, ...errors },
      },
      handler: async (request, reply) => {
        const deal = await updateDeal(db, authOf(request), request.params.id, request.body, expectedFrom(request, request.body.version));
        setEtag(reply, deal.version);
        return deal;
      },
    });

    app.delete('/deals/:id', {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Delete a deal with its activities and stage history',
        params: IdParams,
        response: { 204: z.null(), ...errors },
      },
      handler: async (request, reply) => {
        await deleteDeal(db, authOf(request), request.params.id, expectedFrom(request, undefined));
        return reply.status(204).send(null);
      },
    });

    await app.register(boardRoutes(db, dataKey));
  };
