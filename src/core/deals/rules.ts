/** A deal's probability: its own, else its stage's (SPEC §4.1). */
export const effectiveProbability = (own: number | null, stageProbability: number): number => own ?? stageProbability;

/** The same while the stage's may not be known yet (the stages still loading): null then, never a guess. */
export const knownProbability = (own: number | null, stageProbability: number | undefined): number | null =>
  own ?? stageProbability ?? null;

/** Whole days from `enteredAt` to `now` (instants), never negative. */
export function daysSince(enteredAt: string, now: number): number {
  const ms = now - Date.parse(enteredAt);
  return Number.isFinite(ms) && ms > 0 ? Math.floor(ms / 86_400_000) : 0;
}
