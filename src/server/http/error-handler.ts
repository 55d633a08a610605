import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, ERROR_STATUS, type ErrorCode } from './errors.js';
import { securityHeadersFor } from './security-headers.js';

const FASTIFY_CODES: Record<number, ErrorCode> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
};

/** Answers every error with SPEC §4's body; bad input is never a 500. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    reply.headers(securityHeadersFor(request.url));
    if (error instanceof AppError) {
      const status = ERROR_STATUS[error.code];
      if (status === 401 || status === 403) request.log.warn({ code: error.code, url: request.url }, 'authorization failed');
      if (error.headers) reply.headers(error.headers);
      return reply.status(status).send({ error: { code: error.code, message: error.message, details: error.details } });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const details = error.validation.map((v) => ({
        in: error.validationContext,
        path: v.instancePath.replace(/^\//, '').replaceAll('/', '.'),
        message: v.message,
      }));
      const first = details[0];
      const message = first ? `Invalid ${first.in}${first.path ? ` field "${first.path}"` : ''}: ${first.message}` : 'Invalid request';
      return reply.status(400).send({ error: { code: 'VALIDATION', message, details } });
    }
    if (isUniqueViolation(error)) {
      // Two requests raced to create the same thing (same e-mail, same member): the loser hears 409.
      return reply.status(409).send({ error: { code: 'CONFLICT', message: 'This already exists; reload and try again.' } });
    }
    const status = typeof error.statusCode === 'number' ? error.statusCode : 500;
    if (status >= 400 && status < 500) {
      const code = FASTIFY_CODES[status] ?? 'BAD_REQUEST';
      return reply.status(status).send({ error: { code, message: error.message } });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send({ error: { code: 'INTERNAL', message: 'Something went wrong on the server.' } });
  });
}

/** A unique key refused an insert: PostgreSQL's SQLSTATE 23505, SQLite's UNIQUE / PRIMARY KEY constraint. */
function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/**
 * The router answers a malformed URL (`/projects/%`) or an over-long path parameter itself, before any
 * hook or the error handler runs: give those answers SPEC §4's error body too (Fastify's `frameworkErrors`).
 */
export function answerRouterError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  reply.headers(securityHeadersFor(request.url));
  const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400;
  const message = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'A path parameter is too long.' : 'The URL is malformed.';
  reply.status(status).send({ error: { code: 'BAD_REQUEST', message } });
}
