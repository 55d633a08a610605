import { describe, expect, it } from 'vitest';
import { newId } from './ids.js';

describe('newId', () => {
  it('is 26 lower-case Crockford base-32 characters, time first', () => {
    const id = newId(Date.UTC(2027, 0, 4));
    expect(id).toMatch(/^[0-9a-hjkmnp-tv-z]{26}$/);
    expect(newId(Date.UTC(2027, 0, 4)).slice(0, 10)).toBe(id.slice(0, 10));
    expect(newId(Date.UTC(2027, 0, 5)) > id).toBe(true);
  });

  it('sorts in creation order even within one millisecond (audit history is "newest first" by id)', () => {
    const now = Date.now();
    const ids = Array.from({ length: 1000 }, () => newId(now));
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(1000);
  });

  it('sorts ids of later milliseconds after earlier ones', () => {
    const ids = Array.from({ length: 50 }, (_, i) => newId(1_800_000_000_000 + i));
    expect(ids).toEqual([...ids].sort());
  });
});
