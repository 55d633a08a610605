import { describe, expect, it } from 'vitest';
import { rankBetween, ranksAfter } from './rank.js';

describe('board ranks', () => {
  it('finds a key between any two neighbours and at both ends', () => {
    const first = rankBetween(null, null);
    const end = rankBetween(first, null);
    const start = rankBetween(null, first);
    const middle = rankBetween(first, end);
    expect([start, first, middle, end]).toEqual([start, first, middle, end].sort());
    expect(new Set([start, first, middle, end]).size).toBe(4);
  });

  it('keeps keys short when cards are appended one after another, and orders many appended at once', () => {
    let last: string | null = null;
    for (let i = 0; i < 10_000; i++) last = rankBetween(last, null);
    expect(last!.length).toBeLessThanOrEqual(5);
    const many = ranksAfter(last, 1000);
    expect(many).toEqual([...many].sort());
    expect(many[0] > last!).toBe(true);
  });

  it('survives repeated drops into the same gap (keys grow slowly)', () => {
    const low = rankBetween(null, null);
    let high = rankBetween(low, null);
    for (let i = 0; i < 200; i++) high = rankBetween(low, high);
    expect(high > low).toBe(true);
    expect(high.length).toBeLessThan(60);
  });
});
