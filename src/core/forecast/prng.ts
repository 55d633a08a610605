/**
 * xoshiro128** (Blackman & Vigna), a small, fast 32-bit generator with a 2^128 − 1 period.
 * The state is four uint32 words; `seedXoshiro128` expands a 32-bit seed with splitmix32 so
 * that nearby seeds give unrelated streams. The Monte Carlo loop inlines `nextXoshiro128`.
 */

export type Xoshiro128State = Uint32Array;

/** splitmix32-style expansion of a seed into a non-zero xoshiro128 state. */
export function seedXoshiro128(seed: number): Xoshiro128State {
  const state = new Uint32Array(4);
  let x = seed | 0;
  for (let i = 0; i < 4; i++) {
    x = (x + 0x9e3779b9) | 0;
    let z = x;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    state[i] = z ^ (z >>> 16);
  }
  if ((state[0] | state[1] | state[2] | state[3]) === 0) state[0] = 1;
  return state;
}

/** Advances `state` in place and returns the next output as a uint32. */
export function nextXoshiro128(state: Xoshiro128State): number {
  const s0 = state[0];
  const s1 = state[1];
  const m = Math.imul(s1, 5);
  const result = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
  const t = s1 << 9;
  const s2 = state[2] ^ s0;
  const s3 = state[3] ^ s1;
  state[1] = s1 ^ s2;
  state[0] = s0 ^ s3;
  state[2] = s2 ^ t;
  state[3] = (s3 << 11) | (s3 >>> 21);
  return result;
}
