import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { type AppOptions, buildApp } from '../app.js';
import type { SignupMode } from '../config.js';
import type { DbContext, Dialect } from '../db/database.js';
import { freshDatabase, type TestDatabase } from './databases.js';

export type TestApp = { app: FastifyInstance; database: TestDatabase; close: () => Promise<void> };

/** An app (ready, not listening) on an existing database: a second instance, or a restart on the same data. */
export async function buildTestApp(database: DbContext, config: Partial<AppOptions['config']> = {}): Promise<FastifyInstance> {
  const app = await buildApp({
    config: { signupMode: 'open', publicUrl: 'http://localhost:3000', trustProxy: false, logLevel: 'silent', ...config },
    database,
    serveWeb: false,
  });
  await app.ready();
  return app;
}

export async function startTestApp(
  dialect: Dialect,
  signupMode: SignupMode = 'open',
  options: { readers?: number } = {},
): Promise<TestApp> {
  const database = await freshDatabase(dialect, options);
  const app = await buildTestApp(database, { signupMode });
  return {
    app,
    database,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}

type Body = InjectOptions['payload'];

/** A signed-in user of the test app: requests carry the session cookie and the CSRF header. */
export type Session = {
  userId: string;
  workspaceId: string;
  email: string;
  cookie: string;
  csrf: string;
  request: (method: InjectOptions['method'], url: string, body?: Body, headers?: Record<string, string>) => Promise<LightMyRequestResponse>;
};

export function cookiesOf(response: LightMyRequestResponse): Record<string, string> {
  const raw = response.headers['set-cookie'];
  const list = Array.isArray(raw) ? raw : raw ? [raw] : [];
  return Object.fromEntries(list.map((c) => c.split(';')[0].split('=') as [string, string]));
}

export function sessionFrom(app: FastifyInstance, response: LightMyRequestResponse, email: string): Session {
  const cookies = cookiesOf(response);
  const me = response.json() as { user: { id: string }; workspace: { id: string } };
  const cookie = `qd_session=${cookies.qd_session}; qd_csrf=${cookies.qd_csrf}`;
  const csrf = cookies.qd_csrf;
  return {
    userId: me.user.id,
    workspaceId: me.workspace.id,
    email,
    cookie,
    csrf,
    request: (method, url, body, headers = {}) =>
      app.inject({ method, url: `/api/v1${url}`, payload: body, headers: { cookie, 'x-csrf-token': csrf, ...headers } }),
  };
}

let counter = 0;
export const uniqueEmail = (prefix = 'user') => `${prefix}.${Date.now().toString(36)}.${++counter}@example.com`;
export const PASSWORD = 'Tide-Chart-Anchor-42';

/** Signs up a new owner with a new workspace (the server runs with SIGNUP_MODE=open). */
export async function signupOwner(app: FastifyInstance, overrides: Record<string, unknown> = {}): Promise<Session> {
  const email = (overrides.email as string) ?? uniqueEmail('owner');
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/signup',
    payload: { email, password: PASSWORD, name: 'Olivia Owner', workspaceName: 'Harbour Trading', demo: false, ...overrides },
  });
  if (response.statusCode !== 201) throw new Error(`signup failed: ${response.statusCode} ${response.body}`);
  return sessionFrom(app, response, email);
}

/** Invites a user into the owner's workspace with `role` and signs them in. */
export async function inviteUser(
  app: FastifyInstance,
  owner: Session,
  role: 'admin' | 'member' | 'guest',
  name = 'Mia Member',
): Promise<Session> {
  const invitation = await owner.request('POST', '/invitations', { role });
  if (invitation.statusCode !== 201) throw new Error(`invitation failed: ${invitation.body}`);
  const email = uniqueEmail(role);
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/accept-invitation',
    payload: { token: invitation.json().token, email, password: PASSWORD, name },
  });
  if (response.statusCode !== 201) throw new Error(`accept failed: ${response.statusCode} ${response.body}`);
  return sessionFrom(app, response, email);
}

export const projectInput = (overrides: Record<string, unknown> = {}) => ({
  name: 'Q1 East China push',
  startDate: '2027-01-04',
  endDate: '2027-03-31',
  currency: 'CNY',
  ...overrides,
});

/** Factory: a project created through the API. */
export async function buildProject(session: Session, overrides: Record<string, unknown> = {}) {
  const response = await session.request('POST', '/projects', projectInput(overrides));
  if (response.statusCode !== 201) throw new Error(`project failed: ${response.statusCode} ${response.body}`);
  return response.json() as { id: string; version: number; name: string };
}

/** `POST /auth/login`; `remoteAddress` sets the client IP the rate limits count. */
export function login(
  app: FastifyInstance,
  email: string,
  password = PASSWORD,
  options: { remoteAddress?: string; headers?: Record<string, string> } = {},
): Promise<LightMyRequestResponse> {
  return app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password },
    remoteAddress: options.remoteAddress,
    headers: options.headers,
  });
}

/** Signs in again as an existing user: a second, independent session. */
export async function loginSession(app: FastifyInstance, email: string, password = PASSWORD): Promise<Session> {
  const response = await login(app, email, password);
  if (response.statusCode !== 200) throw new Error(`login failed: ${response.statusCode} ${response.body}`);
  return sessionFrom(app, response, email);
}

/** Requests with `Authorization: Bearer <token>` only (no cookie, no CSRF header). */
export function bearerRequester(app: FastifyInstance, token: string): Session['request'] {
  return (method, url, body, headers = {}) =>
    app.inject({ method, url: `/api/v1${url}`, payload: body, headers: { authorization: `Bearer ${token}`, ...headers } });
}
