import Fastify from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { registerErrorHandler } from './error-handler.js';
import { serializerCompiler } from './serializer.js';

describe('the response serializer', () => {
  const app = Fastify({ logger: false });
  const Shape = z.object({ id: z.string(), amount: z.number().int(), closedAt: z.string().nullable() });
  beforeAll(async () => {
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    registerErrorHandler(app);
    app.get('/extra', { schema: { response: { 200: Shape } } }, async () => ({
      id: 'a',
      amount: 5,
      closedAt: null,
      passwordHash: 'secret',
    }));
    app.get('/wrong', { schema: { response: { 200: Shape } } }, async () => ({ id: 'a', amount: 'five', closedAt: null }));
    await app.ready();
  });
  afterAll(() => app.close());

  it('writes only the keys of the schema', async () => {
    const response = await app.inject({ method: 'GET', url: '/extra' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe('{"id":"a","amount":5,"closedAt":null}');
  });

  it('refuses to send a response of the wrong shape (a 500 in the error shape, no partial body)', async () => {
    const response = await app.inject({ method: 'GET', url: '/wrong' });
    expect(response.statusCode).toBe(500);
    expect(response.json().error.code).toBe('INTERNAL');
    expect(response.body).not.toContain('five');
  });
});
