import { describe, expect, it } from 'vitest';
import type { Db } from './database.js';
import { enableReadThrough, readThrough } from './read-through.js';

/** Stand-ins for Kysely handles: only `isTransaction` is read. */
const handle = (isTransaction: boolean) => ({ isTransaction }) as unknown as Db;

describe('read-through lookups', () => {
  it('reuse a value on the enabled database until its data key changes, and never inside a transaction', async () => {
    let state = 1;
    const db = handle(false);
    enableReadThrough({ db, dataKey: () => String(state) });
    let loads = 0;
    const load = async () => ++loads;
    expect(await readThrough(db, 'k', load)).toBe(1);
    expect(await readThrough(db, 'k', load)).toBe(1);
    state = 2; // a write
    expect(await readThrough(db, 'k', load)).toBe(2);
    expect(await readThrough(handle(true), 'k', load)).toBe(3);
    expect(await readThrough(handle(true), 'k', load)).toBe(4);
  });

  it('always load on a handle they were not enabled for', async () => {
    const db = handle(false);
    let loads = 0;
    const load = async () => ++loads;
    await readThrough(db, 'k', load);
    await readThrough(db, 'k', load);
    expect(loads).toBe(2);
  });
});
