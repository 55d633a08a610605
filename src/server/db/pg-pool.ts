import type pg from 'pg';

type Query = (...args: unknown[]) => unknown;
type ConnectCallback = (error: Error | undefined, client?: pg.PoolClient, done?: unknown) => void;

/**
 * Wraps `query` of every client the pool hands out, once per client (a client is handed out many times):
 * `wrap` gets the client's own query and returns the one to use. Both forms of connect are covered: a
 * promise (Kysely) and a callback (the pool's own `query`). Wrappers stack in the order they are added.
 */
export function wrapClientQueries(pool: pg.Pool, wrap: (query: Query) => Query): pg.Pool {
  const wrapped = new WeakSet<pg.PoolClient>();
  const patch = (client: pg.PoolClient) => {
    if (wrapped.has(client)) return client;
    client.query = wrap(client.query.bind(client) as Query) as typeof client.query;
    wrapped.add(client);
    return client;
  };
  const connect = pool.connect.bind(pool) as (callback?: ConnectCallback) => unknown;
  pool.connect = ((callback?: ConnectCallback) =>
    callback
      ? connect((error, client, done) => callback(error, client && patch(client), done))
      : (connect() as Promise<pg.PoolClient>).then(patch)) as typeof pool.connect;
  return pool;
}
