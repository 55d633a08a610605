import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AcceptInvitationBody, ChangePasswordBody, LoginBody, Me, MePatch, SetupState, SignupBody } from '../../../core/auth/schemas.js';
import { ErrorBody } from '../../../core/common/schemas.js';
import type { SignupMode } from '../../config.js';
import type { Db } from '../../db/database.js';
import { authOf, clearSessionCookies, SESSION_COOKIE, setSessionCookies } from '../../http/authenticate.js';
import { cookiesOf } from '../../http/cookies.js';
import { sha256 } from '../../http/crypto.js';
import { deleteSession } from './queries.js';
import { acceptInvitation, changePassword, loadMe, login, logout, setupState, signup, updateMe } from './service.js';

const tags = ['auth'];
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody, 429: ErrorBody };

export const authRoutes =
  (db: Db, signupMode: SignupMode): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/setup', {
      config: { access: 'public' },
      schema: { tags, summary: 'Whether this server still needs its first account', response: { 200: SetupState } },
      handler: () => setupState(db, signupMode),
    });

    app.post('/auth/signup', {
      config: { access: 'public' },
      schema: { tags, summary: 'Create the owner account and a workspace', body: SignupBody, response: { 201: Me, ...errors } },
      handler: async (request, reply) => {
        const session = await signup(db, signupMode, request.body);
        setSessionCookies(request, reply, session.token, session.csrfToken);
        return reply.status(201).send(session.me);
      },
    });

    app.post('/auth/login', {
      config: { access: 'public' },
      schema: { tags, summary: 'Sign in; answers a new session', body: LoginBody, response: { 200: Me, ...errors } },
      handler: async (request, reply) => {
        const session = await login(db, request.body.email, request.body.password, request.ip);
        const previous = cookiesOf(request)[SESSION_COOKIE];
        if (previous) await deleteSession(db, sha256(previous));
        setSessionCookies(request, reply, session.token, session.csrfToken);
        return session.me;
      },
    });

    app.post('/auth/accept-invitation', {
      config: { access: 'public' },
      schema: { tags, summary: 'Create an account from an invitation link', body: AcceptInvitationBody, response: { 201: Me, ...errors } },
      handler: async (request, reply) => {
        const session = await acceptInvitation(db, request.body);
        setSessionCookies(request, reply, session.token, session.csrfToken);
        return reply.status(201).send(session.me);
      },
    });

    app.post('/auth/logout', {
      config: { access: 'user' },
      schema: { tags, summary: 'Sign out of this session', response: { 204: z.null(), ...errors } },
      handler: async (request, reply) => {
        await logout(db, authOf(request));
        clearSessionCookies(reply);
        return reply.status(204).send(null);
      },
    });

    app.get('/me', {
      config: { access: 'user' },
      schema: { tags, summary: 'The signed-in user, workspace and role', response: { 200: Me, ...errors } },
      handler: (request) => loadMe(db, authOf(request)),
    });

    app.patch('/me', {
      config: { access: 'user' },
      schema: { tags, summary: 'Change your name, language or time zone', body: MePatch, response: { 200: Me, ...errors } },
      handler: (request) => updateMe(db, authOf(request), request.body),
    });

    app.post('/me/password', {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Change your password (other sessions end)',
        body: ChangePasswordBody,
        response: { 204: z.null(), ...errors },
      },
      handler: async (request, reply) => {
        await changePassword(db, authOf(request), request.body.currentPassword, request.body.newPassword);
        return reply.status(204).send(null);
      },
    });
  };
