import type { Deal } from '../../../core/deals/schemas';
import { convertMinorUnits, type Rates } from '../../../core/forecast/currency';
import { goalDealOwnerIds } from '../../../core/goals/goal-scope';
import type { Goal } from '../../../core/goals/schemas';

/** Attained as of a date (the goal's unit): the burn-up's step line. */
export type AttainedPoint = { date: string; value: number };

type HistoryGoal = Pick<Goal, 'metric' | 'currency' | 'startDate' | 'dueDate' | 'ownerId' | 'parentId' | 'region'>;

/** The goals whose history the won deals give: revenue and deals won without a region filter (deals carry no region). */
export const hasDealHistory = (goal: HistoryGoal): boolean => (goal.metric === 'revenue' || goal.metric === 'deals_won') && !goal.region;

/**
 * Attained over time from the goal's won deals, by the rules the server's progress follows (SPEC §3.3: won deals closed
 * in the period, the owner's for a member quota, money converted at the workspace's rates): one point per close date,
 * cumulative. `serverAttained` is the server's figure for today; when the sum does not reach exactly that (a deal the
 * rules see differently, a rate that changed), the answer is null: the chart then shows the server's figure alone
 * rather than a line that disagrees with it.
 */
export function attainedHistory(goal: HistoryGoal, deals: readonly Deal[], rates: Rates, serverAttained: number): AttainedPoint[] | null {
  if (!hasDealHistory(goal)) return null;
  const owners = goalDealOwnerIds(goal);
  const byDate = new Map<string, number>();
  for (const deal of deals) {
    if (deal.status !== 'won' || deal.closeDate === null || deal.closeDate < goal.startDate || deal.closeDate > goal.dueDate) continue;
    if (owners !== null && (deal.ownerId === null || !owners.includes(deal.ownerId))) continue;
    const value =
      goal.metric === 'deals_won' ? 1 : goal.currency ? convertMinorUnits(deal.amount, deal.currency, goal.currency, rates) : null;
    if (value === null) continue;
    byDate.set(deal.closeDate, (byDate.get(deal.closeDate) ?? 0) + value);
  }
  let total = 0;
  const points = [...byDate]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([date, value]) => {
      total += value;
      return { date, value: total };
    });
  return total === serverAttained ? points : null;
}
