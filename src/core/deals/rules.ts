/** A deal's probability: its own, else its stage's (SPEC §4.1). */
export const effectiveProbability = (own: number | null, stageProbability: number): number => own ?? stageProbability;

/** Whole days from `enteredAt` to `now` (instants), never negative. */
export function daysSince(enteredAt: string, now: number): number {
  const ms = now - Date.parse(enteredAt);
  return Number.isFinite(ms) && ms > 0 ? Math.floor(ms / 86_400_000) : 0;
}

export type ColumnTotals = { count: number; amount: number; weighted: number };

/** Adds a deal to column totals; the weighted sum stays exact until `roundTotals`. */
export function addToTotals(totals: ColumnTotals, amount: number, probability: number): void {
  totals.count += 1;
  totals.amount += amount;
  totals.weighted += amount * probability;
}

export const roundTotals = (totals: ColumnTotals) => ({
  count: totals.count,
  amount: totals.amount,
  weightedAmount: Math.round(totals.weighted),
});
