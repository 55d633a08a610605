import { describe, expect, it } from 'vitest';
import { AnswerCache } from './answer-cache.js';

describe('AnswerCache', () => {
  const setup = (maxSize = 1_000, ttlMs = 10_000) => {
    let state = 's1';
    let clock = 0;
    let builds = 0;
    const cache = new AnswerCache(
      () => state,
      maxSize,
      ttlMs,
      () => clock,
    );
    const build = (text: string) => async () => {
      builds++;
      return text;
    };
    return {
      cache,
      build,
      builds: () => builds,
      write: (next: string) => {
        state = next;
      },
      tick: (ms: number) => {
        clock += ms;
      },
    };
  };

  it('reuses an answer while the data key stays the same, and builds afresh after any write', async () => {
    const s = setup();
    expect(await s.cache.get('board', s.build('v1'))).toBe('v1');
    expect(await s.cache.get('board', s.build('never built'))).toBe('v1');
    expect(s.builds()).toBe(1);
    s.write('s2');
    expect(await s.cache.get('board', s.build('v2'))).toBe('v2');
    expect(await s.cache.get('other', s.build('o1'))).toBe('o1');
    expect(s.builds()).toBe(3);
  });

  it('stores an answer under the state read before building it (a write during the build makes the next read miss)', async () => {
    let state = 'before';
    const cache = new AnswerCache(() => state);
    await cache.get('k', async () => {
      state = 'after'; // a write lands while the answer is being built
      return 'built during the write';
    });
    expect(await cache.get('k', async () => 'fresh')).toBe('fresh');
  });

  it('expires answers after their time to live, keeps within its size and never caches a failure', async () => {
    const s = setup(10, 1_000);
    await s.cache.get('a', s.build('aaaa'));
    s.tick(999);
    expect(await s.cache.get('a', s.build('x'))).toBe('aaaa');
    s.tick(1);
    expect(await s.cache.get('a', s.build('a2a2'))).toBe('a2a2');
    await s.cache.get('b', s.build('bbbb'));
    await s.cache.get('c', s.build('cccc')); // 12 chars > 10: the oldest (a) goes
    expect(await s.cache.get('a', s.build('a3a3'))).toBe('a3a3');
    expect(await s.cache.get('c', s.build('x'))).toBe('cccc');
    await expect(s.cache.get('d', async () => Promise.reject(new Error('404')))).rejects.toThrow('404');
    expect(await s.cache.get('d', s.build('dddd'))).toBe('dddd');
  });

  it('gives callers that miss together one build, and none to a later state or after a failure', async () => {
    const s = setup();
    let release: (text: string) => void = () => undefined;
    let builds = 0;
    const slow = () => {
      builds++;
      return new Promise<string>((resolve) => {
        release = resolve;
      });
    };
    const together = [s.cache.get('board', slow), s.cache.get('board', slow), s.cache.get('board', slow)];
    await new Promise((resolve) => setImmediate(resolve));
    expect(builds).toBe(1);
    release('shared');
    expect(await Promise.all(together)).toEqual(['shared', 'shared', 'shared']);
    // A write: the next miss builds anew even while an older build would be running.
    s.write('s2');
    expect(await s.cache.get('board', s.build('after the write'))).toBe('after the write');
    let fail: (error: Error) => void = () => undefined;
    const failing = () =>
      new Promise<string>((_resolve, reject) => {
        fail = reject;
      });
    s.write('s3');
    const both = [s.cache.get('board', failing), s.cache.get('board', failing)];
    await new Promise((resolve) => setImmediate(resolve));
    fail(new Error('gone'));
    for (const one of both) await expect(one).rejects.toThrow('gone');
    expect(await s.cache.get('board', s.build('next'))).toBe('next');
  });
});
