import { describe, expect, it } from 'vitest';
import { createScheduleCache } from './cache.js';

const json = (text: string) => Buffer.from(text);

describe('the schedule cache', () => {
  it('answers only for the state an entry was computed in', () => {
    const cache = createScheduleCache();
    cache.set('ws/p1', '3.1.0', json('{"a":1}'));
    expect(cache.get('ws/p1', '3.1.0')?.toString()).toBe('{"a":1}');
    expect(cache.get('ws/p1', '4.1.0')).toBeUndefined();
    expect(cache.get('ws/p2', '3.1.0')).toBeUndefined();
    cache.set('ws/p1', '4.1.0', json('{"a":2}'));
    expect(cache.get('ws/p1', '3.1.0')).toBeUndefined();
    expect(cache.get('ws/p1', '4.1.0')?.toString()).toBe('{"a":2}');
  });

  it('stays within its size, dropping the least recently used first', () => {
    const cache = createScheduleCache(25);
    cache.set('a', 's', json('x'.repeat(10)));
    cache.set('b', 's', json('y'.repeat(10)));
    expect(cache.get('a', 's')).toBeDefined(); // a is now the most recent
    cache.set('c', 's', json('z'.repeat(10)));
    expect([cache.get('a', 's') !== undefined, cache.get('b', 's') !== undefined, cache.get('c', 's') !== undefined]).toEqual([
      true,
      false,
      true,
    ]);
    cache.set('huge', 's', json('h'.repeat(26)));
    expect(cache.get('huge', 's')).toBeUndefined();
  });

  it('computes once for concurrent callers of the same state, and again for a new state or after a failure', async () => {
    const cache = createScheduleCache();
    let runs = 0;
    const compute = async () => {
      runs += 1;
      const run = runs;
      await new Promise((resolve) => setTimeout(resolve, 5));
      return run;
    };
    expect(await Promise.all([cache.once('p', '1', compute), cache.once('p', '1', compute), cache.once('p', '1', compute)])).toEqual([
      1, 1, 1,
    ]);
    expect(await Promise.all([cache.once('p', '2', compute), cache.once('q', '2', compute)])).toEqual([2, 3]);
    await expect(cache.once('p', '3', () => Promise.reject(new Error('unschedulable')))).rejects.toThrow('unschedulable');
    expect(await cache.once('p', '3', compute)).toBe(4);
  });
});
