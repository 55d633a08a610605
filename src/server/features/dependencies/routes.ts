import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody, IdParams, pageOf } from '../../../core/common/schemas.js';
import { Dependency, DependencyCreate, DependencyListQuery, DependencyPatch } from '../../../core/dependencies/schemas.js';
import type { Db } from '../../db/database.js';
import { authOf } from '../../http/authenticate.js';
import { expectedFrom, setEtag } from '../../http/concurrency.js';
import { createDependency, deleteDependency, getDependency, listProjectDependencies, updateDependency } from './service.js';

const tags = ['dependencies'];
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 412: ErrorBody, 422: ErrorBody };

export const dependencyRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/projects/:id/dependencies', {
      config: { access: 'user' },
      schema: {
        tags,
        summary: "The project's dependencies",
        params: IdParams,
        querystring: DependencyListQuery,
        response: { 200: pageOf(Dependency), ...errors },
      },
      handler: (request) => listProjectDependencies(db, authOf(request), request.params.id, request.query),
    });

    app.post('/projects/:id/dependencies', {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Link two leaf tasks or milestones (FS, SS, FF, SF with a lag in working days); a cycle is refused with its tasks named',
        params: IdParams,
        body: DependencyCreate,
        response: { 201: Dependency, ...errors },
      },
      handler: async (request, reply) => {
        const dependency = await createDependency(db, authOf(request), request.params.id, request.body);
        setEtag(reply, dependency.version);
        return reply.status(201).send(dependency);
      },
    });

    app.get('/dependencies/:id', {
      config: { access: 'user' },
      schema: { tags, summary: 'Get a dependency', params: IdParams, response: { 200: Dependency, ...errors } },
      handler: async (request, reply) => {
        const dependency = await getDependency(db, authOf(request), request.params.id);
        setEtag(reply, dependency.version);
        return dependency;
      },
    });

    app.patch('/dependencies/:id', {
      config: { access: 'user' },
      schema: { tags, summary: 'Change a dependency', params: IdParams, body: DependencyPatch, response: { 200: Dependency, ...errors } },
      handler: async (request, reply) => {
        const dependency = await updateDependency(
          db,
          authOf(request),
          request.params.id,
          request.body,
          expectedFrom(request, request.body.version),
        );
        setEtag(reply, dependency.version);
        return dependency;
      },
    });

    app.delete('/dependencies/:id', {
      config: { access: 'user' },
      schema: { tags, summary: 'Delete a dependency', params: IdParams, response: { 204: z.null(), ...errors } },
      handler: async (request, reply) => {
        await deleteDependency(db, authOf(request), request.params.id, expectedFrom(request, undefined));
        return reply.status(204).send(null);
      },
    });
  };
