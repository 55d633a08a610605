import { describe, expect, it } from 'vitest';
import { type RollupTask, rollUp } from './rollup';
import { outline } from './wbs';

type Row = RollupTask & { id: string; parentId: string | null };

const row = (
  id: string,
  parentId: string | null,
  duration: number,
  percentComplete: number,
  estimateHours: number | null,
  plannedCost: number,
): Row => ({
  id,
  parentId,
  duration,
  percentComplete,
  estimateHours,
  plannedCost,
});

const roll = (rows: Row[]) => {
  const tree = outline(rows.map((r, i) => ({ id: r.id, parentId: r.parentId, sortOrder: i })));
  const result = rollUp(rows, tree);
  const of = (id: string) => {
    const i = rows.findIndex((r) => r.id === id);
    return {
      estimateHours: result.estimateHours[i],
      plannedCost: result.plannedCost[i],
      percentComplete: result.percentComplete[i],
      leafCount: result.leafCount[i],
    };
  };
  return { of, totals: result.totals };
};

describe('rollUp', () => {
  // P ─┬─ A (4 d, 50 %, 10 h, ¥10.00)
  //    ├─ B (milestone, 100 %)
  //    └─ S ─┬─ C (6 d, 0 %, 5.5 h, ¥2.50)
  //          └─ D (milestone, 100 %)
  // Q ─── E (2 d, 100 %, 0.1 h) ; F top-level leaf (3 d, 30 %, 0.2 h)
  const rows = [
    row('P', null, 99, 99, 999, 999),
    row('A', 'P', 4, 50, 10, 1000),
    row('B', 'P', 0, 100, null, 0),
    row('S', 'P', 99, 99, 999, 999),
    row('C', 'S', 6, 0, 5.5, 250),
    row('D', 'S', 0, 100, null, 0),
    row('Q', null, 0, 0, null, 0),
    row('E', 'Q', 2, 100, 0.1, 0),
    row('F', null, 3, 30, 0.2, 0),
  ];

  it('sums hours and cost of the leaf descendants, ignoring what a summary holds itself', () => {
    const { of } = roll(rows);
    expect(of('S')).toMatchObject({ estimateHours: 5.5, plannedCost: 250, leafCount: 2 });
    expect(of('P')).toMatchObject({ estimateHours: 15.5, plannedCost: 1250, leafCount: 4 });
  });

  it('weights percent complete by duration; milestones weigh nothing', () => {
    const { of } = roll(rows);
    // S: (6 × 0) / 6 = 0 (the finished milestone D does not count).
    expect(of('S').percentComplete).toBe(0);
    // P: (4 × 50 + 0 × 100 + 6 × 0 + 0 × 100) / (4 + 6) = 200 / 10 = 20.
    expect(of('P').percentComplete).toBe(20);
    expect(of('Q').percentComplete).toBe(100);
    // A leaf keeps its own figure.
    expect(of('A').percentComplete).toBe(50);
  });

  it('rolls the whole plan into totals, hours without binary noise', () => {
    // (4×50 + 6×0 + 2×100 + 3×30) / (4 + 6 + 2 + 3) = 490 / 15 = 32.67 → 32.7
    expect(roll(rows).totals).toEqual({ estimateHours: 15.8, plannedCost: 1250, percentComplete: 32.7, leafCount: 6 });
  });

  it('averages a summary of milestones only', () => {
    const { of } = roll([row('M', null, 0, 0, null, 0), row('M1', 'M', 0, 100, null, 0), row('M2', 'M', 0, 0, null, 0)]);
    expect(of('M').percentComplete).toBe(50);
  });

  it('gives zeros for an empty plan', () => {
    expect(roll([]).totals).toEqual({ estimateHours: 0, plannedCost: 0, percentComplete: 0, leafCount: 0 });
  });

  it('rolls up through any depth', () => {
    const deep: Row[] = [row('L0', null, 0, 0, null, 0)];
    for (let d = 1; d <= 200; d++) deep.push(row(`L${d}`, `L${d - 1}`, 0, 0, null, 0));
    deep.push(row('leaf', 'L200', 5, 40, 3, 7));
    const { of } = roll(deep);
    expect(of('L0')).toEqual({ estimateHours: 3, plannedCost: 7, percentComplete: 40, leafCount: 1 });
  });
});
