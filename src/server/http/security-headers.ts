import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';

/** The CSP the built web app satisfies: no inline scripts; antd writes its CSS-in-JS into <style> elements. */
const helmetOptions = {
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      frameAncestors: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      upgradeInsecureRequests: null,
    },
  },
  // HSTS belongs to the TLS-terminating proxy in front of a self-hosted server.
  strictTransportSecurity: false,
};

/** Runs helmet once and returns the headers it sets: the same headers, without rebuilding them per request. */
export function helmetHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: string | number | readonly string[]) => {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader: (name: string) => {
      delete headers[name.toLowerCase()];
    },
  };
  helmet(helmetOptions)({} as IncomingMessage, response as unknown as ServerResponse, () => undefined);
  return headers;
}

/**
 * What a JSON answer of the API needs (OWASP's REST security headers): it is never a document, so it may
 * load nothing and be framed nowhere, and the browser must not guess its type. Five short headers instead
 * of helmet's dozen: the API's hottest routes write a third fewer header bytes.
 */
export const API_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-resource-policy': 'same-origin',
};

/** Helmet's headers on the web app's pages, assets and the API docs; the API's own set on `/api/v1/…`. */
export function registerSecurityHeaders(app: FastifyInstance): void {
  const pages = helmetHeaders();
  app.addHook('onRequest', (request, reply, done) => {
    reply.headers(request.url.startsWith('/api/v1/') ? API_HEADERS : pages);
    done();
  });
}
