/**
 * Test oracles (used by *.test.ts only): brute-force enumeration of all 2ⁿ outcomes and a
 * Monday–Friday working-day counter.
 */

export type Outcome = { total: number; probability: number; won: boolean[] };

export function enumerateOutcomes(amounts: readonly number[], probs: readonly number[]): Outcome[] {
  const n = amounts.length;
  const outcomes: Outcome[] = [];
  for (let mask = 0; mask < 1 << n; mask++) {
    let total = 0;
    let probability = 1;
    const won: boolean[] = [];
    for (let i = 0; i < n; i++) {
      const isWon = (mask & (1 << i)) !== 0;
      won.push(isWon);
      total += isWon ? amounts[i] : 0;
      probability *= isWon ? probs[i] : 1 - probs[i];
    }
    outcomes.push({ total, probability, won });
  }
  return outcomes;
}

export function bruteProbabilityAtLeast(amounts: readonly number[], probs: readonly number[], threshold: number): number {
  return enumerateOutcomes(amounts, probs)
    .filter((o) => o.total >= threshold)
    .reduce((sum, o) => sum + o.probability, 0);
}

/** P(total = v) for every reachable v. */
export function brutePmf(amounts: readonly number[], probs: readonly number[]): Map<number, number> {
  const pmf = new Map<number, number>();
  for (const o of enumerateOutcomes(amounts, probs)) pmf.set(o.total, (pmf.get(o.total) ?? 0) + o.probability);
  return pmf;
}

/** Smallest v with P(total ≤ v) ≥ q. */
export function bruteQuantile(amounts: readonly number[], probs: readonly number[], q: number): number {
  const entries = [...brutePmf(amounts, probs)].sort((x, y) => x[0] - y[0]);
  let cumulative = 0;
  for (const [value, p] of entries) {
    cumulative += p;
    if (cumulative >= q - 1e-12) return value;
  }
  return entries[entries.length - 1][0];
}

/** P(total ≥ t | deal i won) − P(total ≥ t | deal i lost), by conditioning the enumeration. */
export function bruteDelta(amounts: readonly number[], probs: readonly number[], i: number, threshold: number): number {
  const others = amounts.filter((_, k) => k !== i);
  const otherProbs = probs.filter((_, k) => k !== i);
  return bruteProbabilityAtLeast(others, otherProbs, threshold - amounts[i]) - bruteProbabilityAtLeast(others, otherProbs, threshold);
}

const DAY_MS = 86_400_000;

function dayNumber(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

/** Working days Monday–Friday from `from` through `to`, both included; 0 when to < from. */
export function mondayToFridayBetween(from: string, to: string): number {
  let count = 0;
  for (let day = dayNumber(from); day <= dayNumber(to); day++) {
    const weekday = new Date(day * DAY_MS).getUTCDay();
    if (weekday !== 0 && weekday !== 6) count++;
  }
  return count;
}
