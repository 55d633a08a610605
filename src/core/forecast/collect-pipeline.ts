import type { Goal } from '../goals/schemas';
import { convertMinorUnits, type Rates } from './currency';

export type DealStatus = 'open' | 'won' | 'lost';

/** What the forecast needs of a deal (SPEC §4.1 Deal). */
export type ForecastDeal = {
  id: string;
  /** Integer minor units of `currency`. */
  amount: number;
  currency: string;
  status: DealStatus;
  /** The deal's own probability (0–1), or null for its stage's. */
  probability: number | null;
  stageProbability: number;
  expectedCloseDate: string | null;
  closeDate: string | null;
  ownerId: string | null;
};

export type CollectInput = {
  goal: Pick<Goal, 'metric' | 'currency' | 'startDate' | 'dueDate'>;
  deals: readonly ForecastDeal[];
  rates: Rates;
  /** Only deals of these owners count (a member's quota); null or absent: every deal given. */
  ownerIds?: readonly string[] | null;
};

export type OpenDeal = { id: string; value: number; probability: number };

export type CollectedPipeline = {
  attained: number;
  open: OpenDeal[];
  excludedDealIds: string[];
};

function clampProbability(p: number): number {
  return Number.isFinite(p) ? Math.min(1, Math.max(0, p)) : 0;
}

/**
 * Sorts deals for a `revenue` or `deals_won` goal (SPEC §3.3):
 * - won deals whose close date lies in [startDate, dueDate] count toward `attained`
 *   (a won deal without a close date counts nowhere: winning sets one);
 * - open deals count if their expected close date is on or before the due date; an open deal
 *   with no expected close date is not counted (nobody has said it will close in time);
 * - lost deals never count.
 * The value of a deal is its amount converted to the goal's currency (revenue) or 1 (deals won).
 * A deal that would count but cannot be valued — no rate for its currency, or an amount that is
 * not a non-negative integer — is left out and listed in `excludedDealIds`. For deals won the
 * currency does not matter.
 */
export function collectPipeline(input: CollectInput): CollectedPipeline {
  const { goal, rates } = input;
  const owners = input.ownerIds == null ? null : new Set(input.ownerIds);
  let attained = 0;
  const open: OpenDeal[] = [];
  const excludedDealIds: string[] = [];
  for (const deal of input.deals) {
    if (owners !== null && (deal.ownerId === null || !owners.has(deal.ownerId))) continue;
    const isWon = deal.status === 'won' && deal.closeDate !== null && deal.closeDate >= goal.startDate && deal.closeDate <= goal.dueDate;
    const isOpen = deal.status === 'open' && deal.expectedCloseDate !== null && deal.expectedCloseDate <= goal.dueDate;
    if (!isWon && !isOpen) continue;
    let value: number | null = 1;
    if (goal.metric === 'revenue') {
      const isValidAmount = Number.isSafeInteger(deal.amount) && deal.amount >= 0;
      value = isValidAmount && goal.currency !== null ? convertMinorUnits(deal.amount, deal.currency, goal.currency, rates) : null;
    }
    if (value === null) {
      excludedDealIds.push(deal.id);
    } else if (isWon) {
      attained += value;
    } else {
      open.push({ id: deal.id, value, probability: clampProbability(deal.probability ?? deal.stageProbability) });
    }
  }
  return { attained, open, excludedDealIds };
}
