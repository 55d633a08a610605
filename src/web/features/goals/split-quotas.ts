import type { GoalCreate, GoalNode } from '../../../core/goals/schemas';

/**
 * `total` shared among `count` parts as evenly as whole units allow (the first parts take the remainder), so that the
 * parts add up exactly: 100 in 3 → 34, 33, 33. A total with fractions (a custom count) is divided as it is.
 */
export function evenSplit(total: number, count: number): number[] {
  if (count <= 0) return [];
  if (!Number.isInteger(total)) return Array.from({ length: count }, () => total / count);
  const base = Math.floor(total / count);
  const extra = total - base * count;
  return Array.from({ length: count }, (_, index) => base + (index < extra ? 1 : 0));
}

/** One quota row of the split: a member's, or a region's (with the member in charge of it, if any). */
export type QuotaRow = { key: string; include: boolean; name: string; ownerId: string | null; region: string | null; target: number };

/** What is left to assign (positive) or over-assigned (negative) once the rows' targets are added to the existing children's. */
export function remainingOf(parent: Pick<GoalNode, 'target' | 'childrenTarget'>, rows: readonly QuotaRow[]): number {
  const assigned = rows.reduce((sum, row) => (row.include ? sum + row.target : sum), 0);
  return parent.target - (parent.childrenTarget ?? 0) - assigned;
}

/** Spreads what the existing children leave of the parent's target evenly over the included rows. */
export function spreadEvenly(parent: Pick<GoalNode, 'target' | 'childrenTarget'>, rows: readonly QuotaRow[]): QuotaRow[] {
  const open = Math.max(0, parent.target - (parent.childrenTarget ?? 0));
  const shares = evenSplit(open, rows.filter((row) => row.include).length);
  let next = 0;
  return rows.map((row) => (row.include ? { ...row, target: shares[next++] } : row));
}

/** The child goals the split creates: the parent's metric, currency, period and description, one scope each. */
export function quotaBodies(parent: GoalNode, rows: readonly QuotaRow[], titleOf: (name: string) => string): GoalCreate[] {
  return rows
    .filter((row) => row.include)
    .map((row) => ({
      title: titleOf(row.name).slice(0, 200),
      description: parent.description,
      metric: parent.metric,
      target: row.target,
      currency: parent.currency,
      startDate: parent.startDate,
      dueDate: parent.dueDate,
      ownerId: row.ownerId,
      parentId: parent.id,
      region: row.region ?? parent.region,
      relevance: '',
      weight: 1,
    }));
}
