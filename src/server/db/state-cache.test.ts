import { describe, expect, it } from 'vitest';
import { StateCache } from './state-cache.js';

describe('the state cache', () => {
  it('loads once while the state stays, again after it changes, and keys apart', async () => {
    let state = 'a';
    let loads = 0;
    const cache = new StateCache<string>(() => state);
    const load = (value: string) => async () => {
      loads++;
      return value;
    };
    expect(await cache.get('k', load('one'))).toBe('one');
    expect(await cache.get('k', load('two'))).toBe('one');
    expect(loads).toBe(1);
    state = 'b';
    expect(await cache.get('k', load('three'))).toBe('three');
    expect(await cache.get('other', load('four'))).toBe('four');
    expect(loads).toBe(3);
  });

  it('stores a value under the state read before loading, so a write during the load makes it miss', async () => {
    let state = 'a';
    const cache = new StateCache<string>(() => state);
    expect(
      await cache.get('k', async () => {
        state = 'b'; // another request wrote while this one was reading
        return 'read during the write';
      }),
    ).toBe('read during the write');
    expect(await cache.get('k', async () => 'fresh')).toBe('fresh');
  });

  it('keeps nothing when the load fails, and holds at most its bound, oldest out first', async () => {
    const cache = new StateCache<string>(() => 's', 2);
    await expect(cache.get('k', async () => Promise.reject(new Error('gone')))).rejects.toThrow('gone');
    expect(await cache.get('k', async () => 'after')).toBe('after');
    await cache.get('x', async () => 'x');
    await cache.get('y', async () => 'y'); // pushes out k
    expect(await cache.get('k', async () => 'k again')).toBe('k again');
    expect(await cache.get('y', async () => 'not loaded')).toBe('y');
  });
});
