import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { DbContext } from '../../db/database.js';
import { writtenAsIs } from '../../http/serializer.js';

const Health = z.object({
  status: z.enum(['ok', 'degraded']),
  version: z.string(),
  database: z.object({ dialect: z.string(), ok: z.boolean() }),
});

export const healthRoutes =
  ({ dialect, ping }: Pick<DbContext, 'dialect' | 'ping'>, version: string): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/health', {
      config: { access: 'public' },
      // Built right here from three known values.
      serializerCompiler: writtenAsIs,
      schema: { tags: ['health'], summary: 'Server and database health', response: { 200: Health, 503: Health } },
      handler: async (_request, reply) => {
        const ok = await ping();
        return reply.status(ok ? 200 : 503).send({ status: ok ? 'ok' : 'degraded', version, database: { dialect, ok } });
      },
    });
  };
