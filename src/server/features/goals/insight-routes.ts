import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../../core/common/schemas.js';
import { ForecastSchema, LeaderboardSchema, SmartDraftSchema, SmartSchema } from '../../../core/goals/schemas';
import type { Db } from '../../db/database.js';
import { authOf } from '../../http/authenticate.js';
import type { ForecastPool } from './forecast-pool.js';
import { draftSmart, goalForecast, goalLeaderboard, goalSmart } from './forecast-service.js';
import { errors } from './route-errors.js';

const tags = ['goals'];

/** The computed views of a goal: forecast, SMART check, member leaderboard. */
export const insightRoutes =
  (db: Db, pool: ForecastPool): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/goals/:id/forecast', {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Forecast of a goal: attained, pipeline, pace and the probability of reaching the target (SPEC §3.3)',
        description:
          'Values are in the goal’s unit (minor units of its currency, or a count). The probability and P10/P50/P90 are exact when the distribution is small (`method: exact`), else from a seeded Monte Carlo of 20,000 trials. `drivers` are the open deals whose outcome moves the probability most. Working days come from the project’s calendar; money in other currencies converts at the workspace’s rates (deals without a rate are listed in `excludedDealIds`).',
        params: IdParams,
        response: { 200: ForecastSchema, ...errors },
      },
      handler: (request) => goalForecast(db, pool, authOf(request), request.params.id),
    });

    app.get('/goals/:id/smart', {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'SMART check of a goal (SPEC §3.4): pass, warn or fail per letter, with the reason',
        params: IdParams,
        response: { 200: SmartSchema, ...errors },
      },
      handler: (request) => goalSmart(db, pool, authOf(request), request.params.id),
    });

    app.post('/goals/smart', {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'SMART check of an unsaved goal (the goal form as the user types); saves nothing',
        body: SmartDraftSchema,
        response: { 200: SmartSchema, ...errors },
      },
      handler: (request) => draftSmart(db, pool, authOf(request), request.body),
    });

    app.get('/goals/:id/leaderboard', {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Member leaderboard of a goal: its member quotas with target, attained, progress and probability',
        params: IdParams,
        response: { 200: LeaderboardSchema, ...errors },
      },
      handler: (request) => goalLeaderboard(db, pool, authOf(request), request.params.id),
    });
  };
