import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorBody, IdParams, pageOf } from '../../../core/common/schemas.js';
import { Deal, LoseBody, MoveBody, Pipeline, PipelineQuery, ReopenBody, StageHistoryEntry, WinBody } from '../../../core/deals/schemas.js';
import { AnswerCache } from '../../db/answer-cache.js';
import type { Db, DbContext } from '../../db/database.js';
import { authOf } from '../../http/authenticate.js';
import { expectedFrom, setEtag } from '../../http/concurrency.js';
import { writtenAsIs } from '../../http/serializer.js';
import { boardJson, projectPipeline } from './pipeline.js';
import { dealStageHistory } from './service.js';
import { loseDeal, moveDeal, reopenDeal, winDeal } from './transitions.js';

const tags = ['deals'];
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 412: ErrorBody, 422: ErrorBody };

/** The board, the stage actions and the stage history. */
export const boardRoutes =
  (db: Db, dataKey: DbContext['dataKey']): FastifyPluginAsyncZod =>
  async (app) => {
    // A board is reused while nothing in the database has changed: ten people looking at the same board
    // cost one build. The caller is part of the key (a cached board proves nothing about who else may see it).
    const boards = new AnswerCache<Buffer>(dataKey);

    app.get('/projects/:id/pipeline', {
      config: { access: 'user' },
      // The answer comes as JSON bytes (the cards written by the database, board-cards.ts; checking 1,000 of them
      // with zod would cost more than the queries); Fastify sends a Buffer as it is.
      serializerCompiler: writtenAsIs,
      schema: {
        tags,
        summary: 'The pipeline board: a column per stage with count, total and weighted amount, and compact cards',
        params: IdParams,
        querystring: PipelineQuery,
        response: { 200: Pipeline, ...errors },
      },
      handler: async (request, reply) => {
        const auth = authOf(request);
        const key = `${auth.workspaceId}/${auth.userId}/${request.params.id}/${JSON.stringify(request.query)}`;
        const bytes = await boards.get(key, async () => boardJson(await projectPipeline(db, auth, request.params.id, request.query)));
        return reply.type('application/json; charset=utf-8').send(bytes as unknown as Pipeline);
      },
    });

    app.post('/deals/:id/win', {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Win an open deal (close date today in your time zone unless given; optional contract)',
        params: IdParams,
        body: WinBody,
        response: { 200: Deal, ...errors },
      },
      handler: async (request, reply) => {
        const deal = await winDeal(db, authOf(request), request.params.id, request.body, expectedFrom(request, request.body.version));
        setEtag(reply, deal.version);
        return deal;
      },
    });

    app.post('/deals/:id/lose', {
      config: { access: 'user' },
      schema: { tags, summary: 'Lose an open deal, with the reason', params: IdParams, body: LoseBody, response: { 200: Deal, ...errors } },
      handler: async (request, reply) => {
        const deal = await loseDeal(db, authOf(request), request.params.id, request.body, expectedFrom(request, request.body.version));
        setEtag(reply, deal.version);
        return deal;
      },
    });

    app.post('/deals/:id/reopen', {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Reopen a won or lost deal (into its last open stage unless given)',
        params: IdParams,
        body: ReopenBody,
        response: { 200: Deal, ...errors },
      },
      handler: async (request, reply) => {
        const deal = await reopenDeal(db, authOf(request), request.params.id, request.body, expectedFrom(request, request.body.version));
        setEtag(reply, deal.version);
        return deal;
      },
    });

    app.post('/deals/:id/move', {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Drop a card on the board: target stage and place in the column; a stale version answers 409',
        params: IdParams,
        body: MoveBody,
        response: { 200: Deal, ...errors },
      },
      handler: async (request, reply) => {
        const deal = await moveDeal(db, authOf(request), request.params.id, request.body, expectedFrom(request, request.body.version));
        setEtag(reply, deal.version);
        return deal;
      },
    });

    app.get('/deals/:id/stage-history', {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'When the deal entered and left each stage, and who moved it',
        params: IdParams,
        response: { 200: pageOf(StageHistoryEntry), ...errors },
      },
      handler: (request) => dealStageHistory(db, authOf(request), request.params.id),
    });
  };
