import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { DbContext } from '../../db/database.js';

const Health = z.object({
  status: z.enum(['ok', 'degraded']),
  version: z.string(),
  database: z.object({ dialect: z.string(), ok: z.boolean() }),
});

/**
 * `GET /health`, what load balancers and monitors call many times a second: its two possible answers are
 * written once (three known values), and on SQLite, whose ping answers at once, no promise is made.
 */
export const healthRoutes =
  ({ dialect, ping }: Pick<DbContext, 'dialect' | 'ping'>, version: string): FastifyPluginAsyncZod =>
  async (app) => {
    const text = (ok: boolean) => JSON.stringify(Health.parse({ status: ok ? 'ok' : 'degraded', version, database: { dialect, ok } }));
    const answers = { ok: text(true), degraded: text(false) };
    const answer = (reply: FastifyReply, ok: boolean): void => {
      reply
        .status(ok ? 200 : 503)
        .type('application/json; charset=utf-8')
        .send(ok ? answers.ok : answers.degraded);
    };
    app.get('/health', {
      config: { access: 'public' },
      schema: { tags: ['health'], summary: 'Server and database health', response: { 200: Health, 503: Health } },
      handler: (_request, reply) => {
        const ok = ping();
        return typeof ok === 'boolean' ? answer(reply, ok) : ok.then((done) => answer(reply, done));
      },
    });
  };
