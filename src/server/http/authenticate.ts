import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { addSeconds, nowIso } from '../clock.js';
import type { Db } from '../db/database.js';
import { readThrough } from '../db/read-through.js';
import { findSession, findTokenAuth, markTokenUsed, touchSession } from '../features/auth/queries.js';
import { type Auth, isAdminRole } from './access.js';
import { clearCookie, cookiesOf, setCookie } from './cookies.js';
import { safeEqual, sha256 } from './crypto.js';
import { AppError } from './errors.js';
import { withHook } from './route-hooks.js';

export const SESSION_COOKIE = 'qd_session';
export const CSRF_COOKIE = 'qd_csrf';
export const CSRF_HEADER = 'x-csrf-token';
export const SESSION_TTL_SECONDS = 30 * 24 * 3600;
/** Sliding expiry is written at most this often, so reads stay reads. */
const TOUCH_EVERY_MS = 10 * 60 * 1000;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function setSessionCookies(request: FastifyRequest, reply: FastifyReply, sessionToken: string, csrfToken: string): void {
  const secure = request.protocol === 'https';
  const base = { path: '/', sameSite: 'lax' as const, secure, maxAge: SESSION_TTL_SECONDS };
  setCookie(reply, { ...base, name: SESSION_COOKIE, value: sessionToken, httpOnly: true });
  setCookie(reply, { ...base, name: CSRF_COOKIE, value: csrfToken, httpOnly: false });
}

export function clearSessionCookies(reply: FastifyReply): void {
  clearCookie(reply, SESSION_COOKIE, '/');
  clearCookie(reply, CSRF_COOKIE, '/');
}

async function resolveAuth(db: Db, request: FastifyRequest): Promise<Auth | null> {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) {
    const tokenHash = sha256(header.slice(7).trim());
    // Every token request starts here: reused until anything is written (a revocation is a write).
    const row = await readThrough(db, JSON.stringify(['token', tokenHash]), () => findTokenAuth(db, tokenHash));
    const now = nowIso();
    if (!row || row.revoked_at || (row.expires_at && row.expires_at <= now)) {
      throw new AppError('UNAUTHENTICATED', 'The API token is invalid, expired or revoked.');
    }
    if (!row.last_used_at || Date.parse(now) - Date.parse(row.last_used_at) > TOUCH_EVERY_MS) {
      await markTokenUsed(db, row.workspace_id, row.id, now);
    }
    return { userId: row.user_id, workspaceId: row.workspace_id, role: row.role as Auth['role'], via: 'token', sessionId: null };
  }
  const cookies = cookiesOf(request);
  const cookie = cookies[SESSION_COOKIE];
  if (!cookie) return null;
  const sessionId = sha256(cookie);
  const session = await readThrough(db, JSON.stringify(['session', sessionId]), () => findSession(db, sessionId));
  const now = nowIso();
  if (!session || session.expiresAt <= now) return null;
  if (!SAFE_METHODS.has(request.method)) {
    const sent = request.headers[CSRF_HEADER];
    const cookieCsrf = cookies[CSRF_COOKIE];
    if (typeof sent !== 'string' || !cookieCsrf || !safeEqual(sent, cookieCsrf) || !safeEqual(sent, session.csrfToken)) {
      throw new AppError('CSRF', `Missing or wrong ${CSRF_HEADER} header: send the value of the ${CSRF_COOKIE} cookie.`);
    }
  }
  if (Date.parse(now) - Date.parse(session.lastSeenAt) > TOUCH_EVERY_MS) {
    await touchSession(db, sessionId, now, addSeconds(now, SESSION_TTL_SECONDS));
  }
  return { userId: session.userId, workspaceId: session.workspaceId, role: session.role, via: 'session', sessionId };
}

/**
 * Resolves the caller and enforces the declared access, on the routes that need it only: the hook
 * is attached to each `user`/`admin` route as it is added, so public routes (health, sign-in) pay nothing.
 */
export function registerAuthentication(app: FastifyInstance, db: Db): void {
  app.decorateRequest('auth', null);
  app.addHook('onRoute', (route) => {
    const access = (route.config as { access?: string } | undefined)?.access ?? 'public';
    if (access === 'public') return;
    const authenticate = async (request: FastifyRequest) => {
      const auth = await resolveAuth(db, request);
      if (!auth) throw new AppError('UNAUTHENTICATED', 'Sign in first.');
      if (access === 'admin' && !isAdminRole(auth.role)) {
        request.log.warn({ userId: auth.userId, url: request.url }, 'authorization refused');
        throw new AppError('FORBIDDEN', 'Only workspace owners and admins can do this.');
      }
      request.auth = auth;
    };
    route.onRequest = withHook(route.onRequest, authenticate);
  });
}

/** The signed-in caller of a `user`/`admin` route. */
export function authOf(request: FastifyRequest): Auth {
  if (!request.auth) throw new AppError('UNAUTHENTICATED', 'Sign in first.');
  return request.auth;
}
