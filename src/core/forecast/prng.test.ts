import { describe, expect, it } from 'vitest';
import { nextXoshiro128, seedXoshiro128 } from './prng';

describe('xoshiro128**', () => {
  it('matches the reference C implementation from state {1, 2, 3, 4}', () => {
    // Values printed by Vigna's xoshiro128starstar.c compiled with gcc; the first is
    // rotl(2·5, 7)·9 = 1280·9 = 11520, and the second is 0 because s[1] becomes 0 after one step.
    const state = Uint32Array.of(1, 2, 3, 4);
    const outputs = Array.from({ length: 10 }, () => nextXoshiro128(state));
    expect(outputs).toEqual([11520, 0, 5927040, 70819200, 2031721883, 1637235492, 1287239034, 3734860849, 3729100597, 4258142804]);
  });

  it('matches the reference after 1,000 steps from another state', () => {
    const state = Uint32Array.of(0x9e3779b9, 0x7f4a7c15, 0xdeadbeef, 0x01234567);
    for (let i = 0; i < 1000; i++) nextXoshiro128(state);
    expect(nextXoshiro128(state)).toBe(1011553451);
  });

  it('seeds deterministically, differently for nearby seeds, never all zero', () => {
    expect(seedXoshiro128(42)).toEqual(seedXoshiro128(42));
    expect(seedXoshiro128(42)).not.toEqual(seedXoshiro128(43));
    for (const seed of [0, 1, -1, 0x7fffffff]) {
      const s = seedXoshiro128(seed);
      expect(s[0] | s[1] | s[2] | s[3]).not.toBe(0);
    }
  });

  it('gives roughly uniform uint32 outputs', () => {
    const state = seedXoshiro128(7);
    const n = 100_000;
    let belowHalf = 0;
    let sum = 0;
    let outOfRange = 0;
    for (let i = 0; i < n; i++) {
      const x = nextXoshiro128(state);
      if (!Number.isInteger(x) || x < 0 || x >= 2 ** 32) outOfRange++;
      if (x < 2 ** 31) belowHalf++;
      sum += x / 2 ** 32;
    }
    // Binomial(100000, ½): sd ≈ 158, so ±1,000 is > 6 sd; the mean of U(0,1) has sd ≈ 0.0009.
    expect(outOfRange).toBe(0);
    expect(Math.abs(belowHalf - n / 2)).toBeLessThan(1_000);
    expect(Math.abs(sum / n - 0.5)).toBeLessThan(0.006);
  });
});
