/** One stay of a deal in a stage (a row of the stage history). Instants are ISO 8601. */
export type StageStay = { stage: string; enteredAt: string; leftAt: string | null };

export type StageDurationSummary = { stage: string; medianDays: number; samples: number };

const DAY_MS = 86_400_000;

/**
 * The median time (in days, fractional) deals spent in each stage, from completed stays only (a stay
 * still open says nothing yet about how long the stage takes). Stages without a completed stay are
 * left out. The median of an even count is the mean of the two middle values. Sorted by stage key.
 */
export function medianTimeInStage(stays: Iterable<StageStay>): StageDurationSummary[] {
  const byStage = new Map<string, number[]>();
  for (const stay of stays) {
    if (stay.leftAt === null) continue;
    const ms = Date.parse(stay.leftAt) - Date.parse(stay.enteredAt);
    if (!Number.isFinite(ms) || ms < 0) continue;
    let list = byStage.get(stay.stage);
    if (!list) {
      list = [];
      byStage.set(stay.stage, list);
    }
    list.push(ms / DAY_MS);
  }
  return [...byStage.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([stage, days]) => ({ stage, medianDays: median(days), samples: days.length }));
}

export function median(values: number[]): number {
  const sorted = Float64Array.from(values).sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
