import { describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { freshDatabase } from '../test/databases.js';

describe('closing the app', () => {
  it('waits for a handler still running, even when its client has gone, before it resolves', async () => {
    const database = await freshDatabase('sqlite');
    const app = await buildApp({
      config: { signupMode: 'open', publicUrl: null, trustProxy: false, logLevel: 'silent' },
      database,
      serveWeb: false,
    });
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let readAfterClose: unknown = null;
    app.get('/slow', { config: { access: 'public' } }, async () => {
      await gate;
      // The database must still be open here although close() was called meanwhile.
      readAfterClose = await database.db.selectFrom('workspaces').select('id').execute();
      return { ok: true };
    });
    await app.ready();
    const answer = app.inject({ method: 'GET', url: '/slow' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    let closed = false;
    const closing = app.close().then(() => {
      closed = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(closed).toBe(false);
    release();
    await closing;
    expect(readAfterClose).toEqual([]);
    expect((await answer).statusCode).toBe(200);
    await database.drop();
  });
});
