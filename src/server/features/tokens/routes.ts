import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody, IdParams, pageOf } from '../../../core/common/schemas.js';
import { ApiToken, CreatedToken, TokenCreate } from '../../../core/tokens/schemas.js';
import type { Db } from '../../db/database.js';
import { authOf } from '../../http/authenticate.js';
import { createToken, listTokens, revokeToken } from './service.js';

const tags = ['tokens'];
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };

export const tokenRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/tokens', {
      config: { access: 'user' },
      schema: { tags, summary: 'Your personal API tokens (without secrets)', response: { 200: pageOf(ApiToken), ...errors } },
      handler: (request) => listTokens(db, authOf(request)),
    });

    app.post('/tokens', {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Create a personal API token; the secret is shown once',
        body: TokenCreate,
        response: { 201: CreatedToken, ...errors },
      },
      handler: async (request, reply) =>
        reply.status(201).send(await createToken(db, authOf(request), request.body.name, request.body.expiresInDays)),
    });

    app.delete('/tokens/:id', {
      config: { access: 'user' },
      schema: { tags, summary: 'Revoke a token', params: IdParams, response: { 204: z.null(), ...errors } },
      handler: async (request, reply) => {
        await revokeToken(db, authOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    });
  };
