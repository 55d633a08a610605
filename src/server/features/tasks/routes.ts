import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody, IdParams, pageOf } from '../../../core/common/schemas.js';
import { Task, TaskCreate, TaskListItem, TaskListQuery, TaskMove, TaskPatch } from '../../../core/tasks/schemas.js';
import type { Db } from '../../db/database.js';
import { authOf } from '../../http/authenticate.js';
import { expectedFrom, setEtag } from '../../http/concurrency.js';
import { createTask, deleteTask, getTask, listTasks, moveTask, updateTask } from './service.js';

const tags = ['tasks'];
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 412: ErrorBody, 422: ErrorBody };

export const taskRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/projects/:id/tasks', {
      config: { access: 'user' },
      schema: {
        tags,
        summary: "The project's work breakdown structure in outline order, with scheduled dates and summary rollups",
        params: IdParams,
        querystring: TaskListQuery,
        response: { 200: pageOf(TaskListItem), ...errors },
      },
      handler: (request) => listTasks(db, authOf(request), request.params.id, request.query),
    });

    app.post('/projects/:id/tasks', {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Add a task (last among its siblings)',
        params: IdParams,
        body: TaskCreate,
        response: { 201: Task, ...errors },
      },
      handler: async (request, reply) => {
        const task = await createTask(db, authOf(request), request.params.id, request.body);
        setEtag(reply, task.version);
        return reply.status(201).send(task);
      },
    });

    app.get('/tasks/:id', {
      config: { access: 'user' },
      schema: { tags, summary: 'Get a task', params: IdParams, response: { 200: Task, ...errors } },
      handler: async (request, reply) => {
        const task = await getTask(db, authOf(request), request.params.id);
        setEtag(reply, task.version);
        return task;
      },
    });

    app.patch('/tasks/:id', {
      config: { access: 'user' },
      schema: { tags, summary: 'Change a task', params: IdParams, body: TaskPatch, response: { 200: Task, ...errors } },
      handler: async (request, reply) => {
        const task = await updateTask(db, authOf(request), request.params.id, request.body, expectedFrom(request, request.body.version));
        setEtag(reply, task.version);
        return task;
      },
    });

    app.post('/tasks/:id/move', {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Indent, outdent or reorder a task: put it under parentId at position index',
        params: IdParams,
        body: TaskMove,
        response: { 200: Task, ...errors },
      },
      handler: async (request, reply) => {
        const task = await moveTask(db, authOf(request), request.params.id, request.body, expectedFrom(request, request.body.version));
        setEtag(reply, task.version);
        return task;
      },
    });

    app.delete('/tasks/:id', {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Delete a task; a summary task goes with its whole subtree, and their dependencies and time entries with them',
        params: IdParams,
        response: { 204: z.null(), ...errors },
      },
      handler: async (request, reply) => {
        await deleteTask(db, authOf(request), request.params.id, expectedFrom(request, undefined));
        return reply.status(204).send(null);
      },
    });
  };
