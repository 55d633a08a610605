import { Writable } from 'node:stream';
import Fastify from 'fastify';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { LazyChildLogger, lazyChildLoggerFactory } from './lazy-logger.js';

/** A pino logger at `level` writing its lines into `lines`. */
function capture(level: string) {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { logger: pino({ level }, stream), lines };
}

describe('the lazy request logger', () => {
  it("writes enabled lines with the request's bindings, makes no child for disabled ones, and follows level changes", () => {
    const { logger, lines } = capture('warn');
    let children = 0;
    // The parent counts the children made from it (the children themselves are pino's own).
    const parent = Object.create(logger) as typeof logger;
    parent.child = ((...args: Parameters<typeof logger.child>) => {
      children++;
      return logger.child(...args);
    }) as typeof logger.child;
    const lazy = new LazyChildLogger(parent, { reqId: 'req-7' }, {});
    lazy.info('not written');
    lazy.debug({ a: 1 }, 'not written either');
    expect(children).toBe(0);
    expect(lazy.level).toBe('warn');
    lazy.warn({ code: 'FORBIDDEN' }, 'authorization refused');
    lazy.error('boom');
    expect(children).toBe(1);
    expect(lines.map(({ reqId, code, msg, level }) => ({ reqId, code, msg, level }))).toEqual([
      { reqId: 'req-7', code: 'FORBIDDEN', msg: 'authorization refused', level: 40 },
      { reqId: 'req-7', code: undefined, msg: 'boom', level: 50 },
    ]);
    lazy.level = 'info';
    lazy.info('now written');
    expect(lines.at(-1)).toMatchObject({ reqId: 'req-7', msg: 'now written', level: 30 });
    lazy.child({ part: 'x' }).warn('from a grandchild');
    expect(lines.at(-1)).toMatchObject({ reqId: 'req-7', part: 'x', msg: 'from a grandchild' });
  });

  it("honours a route's own log level", () => {
    const { logger, lines } = capture('warn');
    const lazy = new LazyChildLogger(logger, { reqId: 'req-8' }, { level: 'debug' });
    lazy.debug('route debugging');
    expect(lines).toEqual([expect.objectContaining({ reqId: 'req-8', msg: 'route debugging', level: 20 })]);
  });

  it("is what Fastify's request.log is, and a handler's lines carry the request id", async () => {
    const { logger, lines } = capture('info');
    const app = Fastify({ loggerInstance: logger, childLoggerFactory: lazyChildLoggerFactory, disableRequestLogging: true });
    app.get('/', (request) => {
      request.log.info({ step: 1 }, 'handled');
      return { ok: true };
    });
    const response = await app.inject({ method: 'GET', url: '/' });
    expect(response.statusCode).toBe(200);
    expect(lines).toEqual([expect.objectContaining({ reqId: 'req-1', step: 1, msg: 'handled' })]);
    await app.close();
  });
});
