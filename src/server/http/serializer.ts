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
