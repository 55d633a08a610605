import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import { jsonSchemaTransform, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './config.js';
import type { DbContext } from './db/database.js';
import { accountRoutes } from './features/accounts/routes.js';
import { activityRoutes } from './features/activities/routes.js';
import { auditRoutes } from './features/audit/routes.js';
import { authRoutes } from './features/auth/routes.js';
import { baselineRoutes } from './features/baselines/routes.js';
import { calendarRoutes } from './features/calendars/routes.js';
import { checkInRoutes } from './features/check-ins/routes.js';
import { contactRoutes } from './features/contacts/routes.js';
import { dealRoutes } from './features/deals/routes.js';
import { dependencyRoutes } from './features/dependencies/routes.js';
import { exchangeRateRoutes } from './features/exchange-rates/routes.js';
import { exportRoutes } from './features/exports/routes.js';
import { goalRoutes } from './features/goals/routes.js';
import { healthRoutes } from './features/health/routes.js';
import { importRoutes } from './features/imports/routes.js';
import { memberRoutes } from './features/members/routes.js';
import { projectRoutes } from './features/projects/routes.js';
import { scheduleRoutes } from './features/schedule/routes.js';
import { stageRoutes } from './features/stages/routes.js';
import { taskRoutes } from './features/tasks/routes.js';
import { timeEntryRoutes } from './features/time-entries/routes.js';
import { tokenRoutes } from './features/tokens/routes.js';
import { userRoutes } from './features/users/routes.js';
import { requireAccessDeclarations } from './http/access.js';
import { registerAuthentication } from './http/authenticate.js';
import { answerRouterError, registerErrorHandler } from './http/error-handler.js';
import { waitForHandlersOnClose } from './http/in-flight.js';
import { lazyChildLoggerFactory } from './http/lazy-logger.js';
import { registerSecurityHeaders, securityHeadersFor } from './http/security-headers.js';
import { serializerCompiler } from './http/serializer.js';
import { refuseNulCharacters } from './http/text-guard.js';

export const APP_VERSION = '0.1.0';
/** The built web app: dist/web, or QD_WEB_DIR when set (the same variable vite.config.ts reads). */
const WEB_ROOT = process.env.QD_WEB_DIR ? path.resolve(process.env.QD_WEB_DIR) : path.resolve(import.meta.dirname, '../../dist/web');

export type AppOptions = {
  config: Pick<Config, 'signupMode' | 'publicUrl' | 'trustProxy' | 'logLevel'>;
  database: DbContext;
  /** Serve the built web app from dist/web when it exists (default true). */
  serveWeb?: boolean;
};

/** The whole application without `listen`: tests drive it through `app.inject`. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { config, database } = options;
  const { db } = database;
  const app = Fastify({
    logger: { level: config.logLevel, redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'] },
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    // One log line per request costs more than the request; errors and refusals are logged where they happen.
    logController: new LogController({ disableRequestLogging: true }),
    frameworkErrors: answerRouterError,
    // Most requests log nothing: their child logger is made on their first line (see lazy-logger.ts).
    childLoggerFactory: lazyChildLoggerFactory,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  requireAccessDeclarations(app);
  waitForHandlersOnClose(app);
  registerErrorHandler(app);
  refuseNulCharacters(app);

  registerSecurityHeaders(app);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Quarterdeck API',
        version: APP_VERSION,
        description: 'Sales project management (销售项目管理). All that the web app does goes through this API.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'qd_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, () => app.swagger());

  registerAuthentication(app, db);
  await app.register(
    async (api) => {
      await api.register(healthRoutes(database, APP_VERSION));
      await api.register(authRoutes(db, config.signupMode));
      await api.register(userRoutes(db, config.publicUrl));
      await api.register(tokenRoutes(db));
      await api.register(calendarRoutes(db));
      await api.register(projectRoutes(db));
      await api.register(memberRoutes(db));
      await api.register(auditRoutes(db));
      await api.register(accountRoutes(db));
      await api.register(contactRoutes(db));
      await api.register(stageRoutes(db));
      await api.register(dealRoutes(db, database.reads ?? db, database.dataKey));
      await api.register(activityRoutes(db));
      await api.register(importRoutes(db));
      await api.register(exportRoutes(db, database.reads ?? db));
      await api.register(taskRoutes(db));
      await api.register(dependencyRoutes(db));
      await api.register(scheduleRoutes(db));
      await api.register(baselineRoutes(db));
      await api.register(timeEntryRoutes(db));
      // Check-ins before goals: route-table sweeps (the audit test) then delete a goal's check-ins before the goal.
      await api.register(checkInRoutes(db));
      await api.register(goalRoutes(db));
      await api.register(exchangeRateRoutes(db));
    },
    { prefix: '/api/v1' },
  );

  const serveWeb = (options.serveWeb ?? true) && fs.existsSync(path.join(WEB_ROOT, 'index.html'));
  if (serveWeb) {
    await app.register(fastifyStatic, { root: path.join(WEB_ROOT, 'assets'), prefix: '/assets/', immutable: true, maxAge: '365d' });
  }
  app.setNotFoundHandler((request, reply) => {
    reply.headers(securityHeadersFor(request.url));
    const isPage = (request.method === 'GET' || request.method === 'HEAD') && !request.url.startsWith('/api/');
    if (isPage && serveWeb) {
      // The single-page app owns every other path.
      return reply
        .type('text/html')
        .header('cache-control', 'no-cache')
        .send(fs.createReadStream(path.join(WEB_ROOT, 'index.html')));
    }
    return reply.status(404).send({ error: { code: 'NOT_FOUND', message: `No route ${request.method} ${request.url.split('?')[0]}` } });
  });
  return app;
}
