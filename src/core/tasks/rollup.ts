/**
 * Summary-task rollups (SPEC §1.3): hours, planned cost and progress of a summary come from its
 * leaf descendants. Computed on every read, never stored.
 *
 * Percent complete is weighted by duration (as Microsoft Project does): Σ(dᵢ × pᵢ) ÷ Σ dᵢ over the
 * leaf descendants, so a ten-day task counts ten times a one-day task. Milestones (d = 0) weigh
 * nothing; a summary holding only milestones takes their plain average. Duration rather than
 * planned cost because many tasks of a sales plan (visits, calls, reviews) have no cost of their own.
 */

export type RollupTask = {
  duration: number;
  estimateHours: number | null;
  plannedCost: number;
  percentComplete: number;
};

export type RollupFigures = { estimateHours: number; plannedCost: number; percentComplete: number; leafCount: number };

export type Rollups = {
  /** By input index; meaningful where `isSummary` is 1. */
  estimateHours: Float64Array;
  plannedCost: Float64Array;
  percentComplete: Float64Array;
  leafCount: Int32Array;
  /** The whole plan, as if it were one summary task. */
  totals: RollupFigures;
};

const oneDecimal = (x: number): number => Math.round(x * 10) / 10;

/**
 * Rolls leaf figures up the tree. `parent` and `isSummary` are by input index (−1 = top level) and
 * `order` lists every index with parents before children (see `outline`).
 */
export const rollUp = (tasks: readonly RollupTask[], tree: { parent: Int32Array; isSummary: Uint8Array; order: Int32Array }): Rollups => {
  const n = tasks.length;
  const { parent, isSummary, order } = tree;
  // Accumulators per task: hours, cost, Σd, Σd·p, count, Σp.
  const hours = new Float64Array(n);
  const cost = new Float64Array(n);
  const weight = new Float64Array(n);
  const weighted = new Float64Array(n);
  const count = new Int32Array(n);
  const plain = new Float64Array(n);
  const totals = { hours: 0, cost: 0, weight: 0, weighted: 0, count: 0, plain: 0 };
  for (let k = n - 1; k >= 0; k -= 1) {
    const i = order[k];
    if (isSummary[i] === 0) {
      const t = tasks[i];
      hours[i] = t.estimateHours ?? 0;
      cost[i] = t.plannedCost;
      weight[i] = t.duration;
      weighted[i] = t.duration * t.percentComplete;
      count[i] = 1;
      plain[i] = t.percentComplete;
    }
    const p = parent[i];
    if (p >= 0) {
      hours[p] += hours[i];
      cost[p] += cost[i];
      weight[p] += weight[i];
      weighted[p] += weighted[i];
      count[p] += count[i];
      plain[p] += plain[i];
    } else {
      totals.hours += hours[i];
      totals.cost += cost[i];
      totals.weight += weight[i];
      totals.weighted += weighted[i];
      totals.count += count[i];
      totals.plain += plain[i];
    }
  }
  const percent = (w: number, wp: number, c: number, p: number) => oneDecimal(w > 0 ? wp / w : c > 0 ? p / c : 0);
  const percentComplete = new Float64Array(n);
  for (let i = 0; i < n; i += 1) {
    if (isSummary[i] === 1) percentComplete[i] = percent(weight[i], weighted[i], count[i], plain[i]);
    else percentComplete[i] = tasks[i].percentComplete;
    hours[i] = round6(hours[i]);
  }
  return {
    estimateHours: hours,
    plannedCost: cost,
    percentComplete,
    leafCount: count,
    totals: {
      estimateHours: round6(totals.hours),
      plannedCost: totals.cost,
      percentComplete: percent(totals.weight, totals.weighted, totals.count, totals.plain),
      leafCount: totals.count,
    },
  };
};

/** Sums of decimal hours (0.1 + 0.2) without binary noise. */
const round6 = (x: number): number => Math.round(x * 1e6) / 1e6;
