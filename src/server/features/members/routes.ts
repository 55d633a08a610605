import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody, IdParams, pageOf } from '../../../core/common/schemas.js';
import { Member, MemberCreate, MemberPatch } from '../../../core/members/schemas.js';
import type { Db } from '../../db/database.js';
import { authOf } from '../../http/authenticate.js';
import { expectedFrom, setEtag } from '../../http/concurrency.js';
import { addMember, getMember, listProjectMembers, removeMember, updateMember } from './service.js';

const tags = ['members'];
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 412: ErrorBody, 422: ErrorBody };

export const memberRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/projects/:id/members', {
      config: { access: 'user' },
      schema: { tags, summary: "List a project's members", params: IdParams, response: { 200: pageOf(Member), ...errors } },
      handler: (request) => listProjectMembers(db, authOf(request), request.params.id),
    });

    app.post('/projects/:id/members', {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Add a workspace user to a project',
        params: IdParams,
        body: MemberCreate,
        response: { 201: Member, ...errors },
      },
      handler: async (request, reply) => {
        const member = await addMember(db, authOf(request), request.params.id, request.body);
        setEtag(reply, member.version);
        return reply.status(201).send(member);
      },
    });

    app.get('/members/:id', {
      config: { access: 'user' },
      schema: { tags, summary: 'Get a project member', params: IdParams, response: { 200: Member, ...errors } },
      handler: async (request, reply) => {
        const member = await getMember(db, authOf(request), request.params.id);
        setEtag(reply, member.version);
        return member;
      },
    });

    app.patch('/members/:id', {
      config: { access: 'user' },
      schema: {
        tags,
        summary: "Change a member's role, responsibilities, capacity or cost rate",
        params: IdParams,
        body: MemberPatch,
        response: { 200: Member, ...errors },
      },
      handler: async (request, reply) => {
        const member = await updateMember(
          db,
          authOf(request),
          request.params.id,
          request.body,
          expectedFrom(request, request.body.version),
        );
        setEtag(reply, member.version);
        return member;
      },
    });

    app.delete('/members/:id', {
      config: { access: 'user' },
      schema: { tags, summary: 'Remove a member from a project', params: IdParams, response: { 204: z.null(), ...errors } },
      handler: async (request, reply) => {
        await removeMember(db, authOf(request), request.params.id, expectedFrom(request, undefined));
        return reply.status(204).send(null);
      },
    });
  };
