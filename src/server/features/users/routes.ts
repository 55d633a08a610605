import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody, IdParams, pageOf } from '../../../core/common/schemas.js';
import {
  CreatedInvitation,
  Invitation,
  InvitationCreate,
  InvitationLookupQuery,
  InvitationPreview,
  WorkspaceUser,
  WorkspaceUserPatch,
} from '../../../core/users/schemas.js';
import type { Db } from '../../db/database.js';
import { authOf } from '../../http/authenticate.js';
import { createInvitation, listInvitations, previewInvitation, revokeInvitation } from './invitations.js';
import { changeUserRole, getUser, listUsers, removeUser } from './service.js';

const tags = ['users'];
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };

export const userRoutes =
  (db: Db, publicUrl: string | null): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/users', {
      config: { access: 'user' },
      schema: { tags, summary: "The workspace's users", response: { 200: pageOf(WorkspaceUser), ...errors } },
      handler: (request) => listUsers(db, authOf(request)),
    });

    app.get('/users/:id', {
      config: { access: 'user' },
      schema: { tags, summary: 'One workspace user', params: IdParams, response: { 200: WorkspaceUser, ...errors } },
      handler: (request) => getUser(db, authOf(request), request.params.id),
    });

    app.patch('/users/:id', {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: "Change a user's workspace role",
        params: IdParams,
        body: WorkspaceUserPatch,
        response: { 200: WorkspaceUser, ...errors },
      },
      handler: (request) => changeUserRole(db, authOf(request), request.params.id, request.body.role),
    });

    app.delete('/users/:id', {
      config: { access: 'admin' },
      schema: { tags, summary: 'Remove a user from the workspace', params: IdParams, response: { 204: z.null(), ...errors } },
      handler: async (request, reply) => {
        await removeUser(db, authOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    });

    app.get('/invitations', {
      config: { access: 'admin' },
      schema: { tags, summary: 'Pending invitations', response: { 200: pageOf(Invitation), ...errors } },
      handler: (request) => listInvitations(db, authOf(request)),
    });

    app.post('/invitations', {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Create an invitation link (shown once)',
        body: InvitationCreate,
        response: { 201: CreatedInvitation, ...errors },
      },
      handler: async (request, reply) => {
        const base = publicUrl ?? `${request.protocol}://${request.host}`;
        return reply.status(201).send(await createInvitation(db, authOf(request), request.body, base));
      },
    });

    app.delete('/invitations/:id', {
      config: { access: 'admin' },
      schema: { tags, summary: 'Revoke an invitation', params: IdParams, response: { 204: z.null(), ...errors } },
      handler: async (request, reply) => {
        await revokeInvitation(db, authOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    });

    app.get('/invitations/preview', {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'What an invitation link is for',
        querystring: InvitationLookupQuery,
        response: { 200: InvitationPreview, ...errors },
      },
      handler: (request) => previewInvitation(db, request.query.token),
    });
  };
