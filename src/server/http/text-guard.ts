import type { FastifyInstance, FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { AppError } from './errors.js';
import { withHook } from './route-hooks.js';

/** Parsed JSON, query strings and params are walked; a buffer or a stream (an uploaded file) is not text input. */
function isWalkable(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  return !ArrayBuffer.isView(value) && typeof (value as { pipe?: unknown }).pipe !== 'function';
}

/** Where the first U+0000 of a parsed input is (`'name'`, `'items.2.title'`, `''` for the value itself), or null. */
export function findNulCharacter(value: unknown): string | null {
  // Iterative: a JSON body may nest deeper than the call stack.
  const stack: { value: unknown; path: string }[] = [{ value, path: '' }];
  while (stack.length > 0) {
    const item = stack.pop() as { value: unknown; path: string };
    if (typeof item.value === 'string') {
      if (item.value.includes('\u0000')) return item.path;
    } else if (isWalkable(item.value)) {
      for (const [key, child] of Object.entries(item.value)) {
        const path = item.path ? `${item.path}.${key}` : key;
        if (key.includes('\u0000')) return path;
        stack.push({ value: child, path });
      }
    }
  }
  return null;
}

/** Throws a 400 when a parsed part of the request holds U+0000. */
function guard(request: FastifyRequest, done: HookHandlerDoneFunction): void {
  for (const [part, value] of [
    ['params', request.params],
    ['querystring', request.query],
    ['body', request.body],
  ] as const) {
    const path = findNulCharacter(value);
    if (path !== null) {
      const message = 'must not contain the character U+0000';
      done(new AppError('VALIDATION', `Invalid ${part}${path ? ` field "${path}"` : ''}: ${message}`, [{ in: part, path, message }]));
      return;
    }
  }
  done();
}

/**
 * PostgreSQL cannot store U+0000 in text (it fails the whole statement) while SQLite stores it: refuse
 * the character in path parameters, query strings and bodies alike, with a 400, on both databases.
 * The check is attached to the routes that take input (parameters, a query or a body schema) only.
 */
export function refuseNulCharacters(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    const schema = route.schema as { params?: unknown; querystring?: unknown; body?: unknown } | undefined;
    const takesInput = route.url.includes(':') || route.url.includes('*') || schema?.params || schema?.querystring || schema?.body;
    if (!takesInput) return;
    route.preValidation = withHook(route.preValidation, (request: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction) =>
      guard(request, done),
    );
  });
}
