import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../../core/common/schemas.js';
import { GoalCreateSchema, GoalPatchSchema, GoalSchema, GoalTreeSchema } from '../../../core/goals/schemas';
import type { Db } from '../../db/database.js';
import { authOf } from '../../http/authenticate.js';
import { expectedFrom, setEtag } from '../../http/concurrency.js';
import { createForecastPool } from './forecast-pool.js';
import { insightRoutes } from './insight-routes.js';
import { errors } from './route-errors.js';
import { createGoal, deleteGoal, getGoal, updateGoal } from './service.js';
import { listGoalTree } from './tree.js';

const tags = ['goals'];

export const goalRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    const pool = createForecastPool();
    app.addHook('onClose', () => pool.close());

    app.get('/projects/:id/goals', {
      config: { access: 'user' },
      schema: {
        tags,
        summary: "A project's goals as a tree, with progress computed from data",
        description:
          'Depth-first (`depth` 0 for top-level goals). `attained` comes from won deals, new customers, logged activities or the latest check-in, in the period and scope of each goal, as of today in the caller’s time zone. For a parent, `childrenTarget`, `childrenGap` and `childrenAddUp` say whether its children (same metric, money converted at the workspace’s rates) add up to its target.',
        params: IdParams,
        response: { 200: GoalTreeSchema, ...errors },
      },
      handler: (request) => listGoalTree(db, authOf(request), request.params.id),
    });

    app.post('/projects/:id/goals', {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Create a goal in a project (project managers, owners and admins)',
        description:
          'A child goal (`parentId`) with an `ownerId` is that member’s quota and counts only their deals; `region` counts only deals of accounts in that region. The owner must be a project member.',
        params: IdParams,
        body: GoalCreateSchema,
        response: { 201: GoalSchema, ...errors },
      },
      handler: async (request, reply) => {
        const goal = await createGoal(db, authOf(request), request.params.id, request.body);
        setEtag(reply, goal.version);
        return reply.status(201).send(goal);
      },
    });

    app.get('/goals/:id', {
      config: { access: 'user' },
      schema: { tags, summary: 'Get a goal', params: IdParams, response: { 200: GoalSchema, ...errors } },
      handler: async (request, reply) => {
        const goal = await getGoal(db, authOf(request), request.params.id);
        setEtag(reply, goal.version);
        return goal;
      },
    });

    app.patch('/goals/:id', {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Change a goal',
        description: 'A stale `version` answers 409 and a stale `If-Match` 412; either way nothing changes.',
        params: IdParams,
        body: GoalPatchSchema,
        response: { 200: GoalSchema, ...errors },
      },
      handler: async (request, reply) => {
        const goal = await updateGoal(db, authOf(request), request.params.id, request.body, expectedFrom(request, request.body.version));
        setEtag(reply, goal.version);
        return goal;
      },
    });

    app.delete('/goals/:id', {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Delete a goal and its check-ins',
        description: 'A goal with child goals answers 409: delete or move its children first.',
        params: IdParams,
        response: { 204: z.null(), ...errors },
      },
      handler: async (request, reply) => {
        await deleteGoal(db, authOf(request), request.params.id, expectedFrom(request, undefined));
        return reply.status(204).send(null);
      },
    });

    await app.register(insightRoutes(db, pool));
  };
