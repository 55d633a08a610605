import { describe, expect, it } from 'vitest';
import { sharedPing } from './shared-ping.js';

/** A ping whose round trips the test ends by hand. */
function manualPing() {
  const pending: ((ok: boolean) => void)[] = [];
  const check = () => new Promise<boolean>((resolve) => pending.push(resolve));
  return { check, pending };
}

const settle = () => new Promise((r) => setImmediate(r));

describe('sharedPing', () => {
  it('answers callers that arrive during a ping from the next ping, one round trip for all of them', async () => {
    const { check, pending } = manualPing();
    const ping = sharedPing(check);
    const first = ping();
    expect(pending).toHaveLength(1);
    const waiting = [ping(), ping(), ping()];
    expect(pending).toHaveLength(1); // nobody else hits the database while the first ping runs
    pending[0](true);
    expect(await first).toBe(true);
    await settle();
    expect(pending).toHaveLength(2); // the second ping began only after the first ended
    pending[1](false);
    expect(await Promise.all(waiting)).toEqual([false, false, false]);
  });

  it('starts afresh once nothing is in flight, and a failing check reads as unhealthy', async () => {
    let calls = 0;
    const ping = sharedPing(async () => {
      calls++;
      if (calls === 2) throw new Error('connection refused');
      return true;
    });
    expect(await ping()).toBe(true);
    expect(await ping()).toBe(false);
    expect(await ping()).toBe(true);
    expect(calls).toBe(3);
  });
});
