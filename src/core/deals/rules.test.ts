import { describe, expect, it } from 'vitest';
import { effectiveProbability, knownProbability } from './rules.js';

describe("a deal's probability", () => {
  it("is the deal's own when it has one (zero included), else its stage's", () => {
    expect(effectiveProbability(0.35, 0.2)).toBe(0.35);
    expect(effectiveProbability(0, 0.6)).toBe(0);
    expect(effectiveProbability(null, 0.2)).toBe(0.2);
  });

  it('is unknown, not zero, while the stage that gives it is not known yet', () => {
    expect(knownProbability(null, undefined)).toBeNull();
    expect(knownProbability(null, 0)).toBe(0);
    expect(knownProbability(null, 0.4)).toBe(0.4);
    expect(knownProbability(0.9, undefined)).toBe(0.9);
    expect(knownProbability(0, undefined)).toBe(0);
  });
});
