import type { FastifyInstance, RouteHandlerMethod } from 'fastify';

/**
 * Closing waits for every route handler still running. Fastify's close waits for open connections, but a
 * client that hangs up mid-request (a load generator stopping, a closed tab) leaves its handler running
 * with no connection: without this, the database could be closed under it ("driver has already been
 * destroyed"). Each handler is counted from call to settlement; `onClose` resolves when none is left.
 */
export function waitForHandlersOnClose(app: FastifyInstance): void {
  let running = 0;
  let idle: (() => void)[] = [];
  const settle = () => {
    running--;
    if (running === 0) {
      for (const resolve of idle) resolve();
      idle = [];
    }
  };
  app.addHook('onRoute', (route) => {
    const handler = route.handler as RouteHandlerMethod;
    route.handler = function counted(this: FastifyInstance, request, reply) {
      running++;
      try {
        const result = handler.call(this, request, reply);
        if (result && typeof (result as Promise<unknown>).then === 'function') {
          (result as Promise<unknown>).then(settle, settle);
        } else settle();
        return result;
      } catch (error) {
        settle();
        throw error;
      }
    } as RouteHandlerMethod;
  });
  app.addHook('onClose', async () => {
    if (running > 0) await new Promise<void>((resolve) => idle.push(resolve));
  });
}
