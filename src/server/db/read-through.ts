import type { Db, DbContext, Trx } from './database.js';
import { StateCache } from './state-cache.js';

const caches = new WeakMap<Db, StateCache<unknown>>();

/**
 * Lets hot lookups on `database` be reused while nothing is written (see `readThrough`): `connect` enables it
 * for every database it opens; on a handle it was not enabled for, `readThrough` always loads.
 */
export function enableReadThrough(database: Pick<DbContext, 'db' | 'dataKey'>): void {
  caches.set(database.db, new StateCache(database.dataKey, 2000));
}

/**
 * A lookup that every request of a kind starts with (the caller's token or session, the project and the
 * caller's role in it), reused until anything is written anywhere. Inside a transaction it always reads,
 * so a transaction sees its own writes. The value is shared: callers must not change it.
 */
export function readThrough<T>(db: Db | Trx, key: string, load: () => Promise<T>): Promise<T> {
  const cache = db.isTransaction ? undefined : caches.get(db as Db);
  return cache ? (cache.get(key, load) as Promise<T>) : load();
}
