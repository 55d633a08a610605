import type { FastifySerializerCompiler } from 'fastify';
import { ResponseSerializationError } from 'fastify-type-provider-zod';
import { safeParse, type ZodType } from 'zod';

/**
 * Responses are checked against their zod schema (unknown keys stripped, a wrong shape is a 500 that
 * names the route) and written with JSON.stringify. The library's compiler runs zod's `encode`, which is
 * for codecs; no response schema here has one, and `parse` does the same check in about a third of the time.
 */
export const serializerCompiler: FastifySerializerCompiler<ZodType> =
  ({ schema, method, url }) =>
  (data) => {
    const result = safeParse(schema, data);
    if (result.error) throw new ResponseSerializationError(method, url, { cause: result.error });
    return JSON.stringify(result.data);
  };

/**
 * For an answer written field by field in its schema's shape right where it is made (nothing extra can leak),
 * where checking it again with zod would cost more than making it: objects are written with JSON.stringify,
 * text (JSON written already, such as the board's) as it is. The route's schema still documents the answer.
 */
export const writtenAsIs =
  () =>
  (data: unknown): string =>
    typeof data === 'string' ? data : JSON.stringify(data);
