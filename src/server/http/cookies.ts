import { parseCookie, type SetCookie, stringifySetCookie } from 'cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * Cookies, read and written where they are used (the `cookie` package, which Fastify's plugin wraps): the
 * plugin adds a hook to every response of the server to write the cookies a route set, which nearly no
 * route does; here the three routes that set cookies write their Set-Cookie lines themselves.
 */
export function cookiesOf(request: FastifyRequest): Record<string, string | undefined> {
  const header = request.headers.cookie;
  return header ? parseCookie(header) : {};
}

/** Adds one Set-Cookie line to the answer (Fastify keeps every line). */
export function setCookie(reply: FastifyReply, cookie: SetCookie): void {
  reply.header('set-cookie', stringifySetCookie(cookie));
}

/** Tells the browser to forget a cookie set on `path`. */
export function clearCookie(reply: FastifyReply, name: string, path: string): void {
  setCookie(reply, { name, value: '', path, expires: new Date(0) });
}
