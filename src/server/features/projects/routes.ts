import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody, IdParams, pageOf } from '../../../core/common/schemas.js';
import { Project, ProjectCreate, ProjectListQuery, ProjectPatch } from '../../../core/projects/schemas.js';
import type { Db } from '../../db/database.js';
import { authOf } from '../../http/authenticate.js';
import { expectedFrom, setEtag } from '../../http/concurrency.js';
import { writtenAsIs } from '../../http/serializer.js';
import { createProject, deleteProject, getProject, listProjectsFor, updateProject } from './service.js';

const tags = ['projects'];
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 412: ErrorBody, 422: ErrorBody };

export const projectRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/projects', {
      config: { access: 'user' },
      // Each item is written field by field by toProject, in the schema's shape: no second check of 50 of them.
      serializerCompiler: writtenAsIs,
      schema: { tags, summary: 'List projects', querystring: ProjectListQuery, response: { 200: pageOf(Project), ...errors } },
      handler: (request) => listProjectsFor(db, authOf(request), request.query),
    });

    app.post('/projects', {
      config: { access: 'user' },
      schema: { tags, summary: 'Create a project', body: ProjectCreate, response: { 201: Project, ...errors } },
      handler: async (request, reply) => {
        const project = await createProject(db, authOf(request), request.body);
        setEtag(reply, project.version);
        return reply.status(201).send(project);
      },
    });

    app.get('/projects/:id', {
      config: { access: 'user' },
      // toProject writes the answer field by field in the schema's shape: no second check on this hot read.
      serializerCompiler: writtenAsIs,
      schema: { tags, summary: 'Get a project', params: IdParams, response: { 200: Project, ...errors } },
      handler: async (request, reply) => {
        const project = await getProject(db, authOf(request), request.params.id);
        setEtag(reply, project.version);
        return project;
      },
    });

    app.patch('/projects/:id', {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Change, archive or restore a project',
        params: IdParams,
        body: ProjectPatch,
        response: { 200: Project, ...errors },
      },
      handler: async (request, reply) => {
        const expected = expectedFrom(request, request.body.version);
        const project = await updateProject(db, authOf(request), request.params.id, request.body, expected);
        setEtag(reply, project.version);
        return project;
      },
    });

    app.delete('/projects/:id', {
      config: { access: 'user' },
      schema: { tags, summary: 'Delete a project and everything in it', params: IdParams, response: { 204: z.null(), ...errors } },
      handler: async (request, reply) => {
        await deleteProject(db, authOf(request), request.params.id, expectedFrom(request, undefined));
        return reply.status(204).send(null);
      },
    });
  };
