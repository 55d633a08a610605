import { useQuery } from '@tanstack/react-query';
import type { Deal } from '../../../core/deals/schemas';
import { ratesFor } from '../../../core/forecast/exchange-rates';
import { goalDealOwnerIds } from '../../../core/goals/goal-scope';
import type { CheckIn, GoalNode } from '../../../core/goals/schemas';
import { api, type Page } from '../../app/api';
import { type AttainedPoint, attainedHistory, hasDealHistory } from './attained-history';
import { useExchangeRates } from './use-exchange-rates';
import { useCheckIns } from './use-goals';

/** At most this many won deals are read for the line (beyond, the chart shows today's figure alone). */
const MAX_PAGES = 10;
const PAGE = 200;

/** The goal's won deals in its period (and its owner's, for a quota), filtered by the server. */
function useWonDeals(goal: GoalNode, enabled: boolean) {
  const owners = goalDealOwnerIds(goal);
  return useQuery({
    queryKey: ['goals', 'won-deals', goal.projectId, goal.startDate, goal.dueDate, owners?.join(',') ?? ''],
    enabled,
    staleTime: 0,
    queryFn: async ({ signal }) => {
      const deals: Deal[] = [];
      let cursor: string | null = null;
      for (let page = 0; page < MAX_PAGES; page++) {
        const answer: Page<Deal> = await api.get<Page<Deal>>(
          `/projects/${encodeURIComponent(goal.projectId)}/deals`,
          {
            status: 'won',
            closedFrom: goal.startDate,
            closedTo: goal.dueDate,
            ownerId: owners?.join(','),
            sort: 'closeDate',
            limit: PAGE,
            cursor,
          },
          signal,
        );
        deals.push(...answer.items);
        cursor = answer.nextCursor;
        if (cursor === null) return deals;
      }
      return null;
    },
  });
}

/** A custom goal's check-ins, each the value as of its date. */
function checkInPoints(items: readonly CheckIn[]): AttainedPoint[] {
  return [...items].sort((a, b) => a.date.localeCompare(b.date)).map((item) => ({ date: item.date, value: item.value }));
}

/** Attained over time for the burn-up: check-ins of a custom goal, or the won deals of a revenue / deals-won goal. */
export function useAttainedHistory(goal: GoalNode, attained: number | undefined, today: string): AttainedPoint[] | null {
  const fromDeals = hasDealHistory(goal);
  const checkIns = useCheckIns(goal.metric === 'custom' ? goal.id : null);
  const deals = useWonDeals(goal, fromDeals);
  const rates = useExchangeRates(fromDeals && goal.metric === 'revenue');
  if (goal.metric === 'custom') return checkIns.data?.items.length ? checkInPoints(checkIns.data.items) : null;
  if (!fromDeals || attained === undefined || !deals.data) return null;
  if (goal.metric === 'deals_won') return attainedHistory(goal, deals.data, {}, attained);
  if (!rates.data || !goal.currency) return null;
  return attainedHistory(goal, deals.data, ratesFor(rates.data, goal.currency, today), attained);
}
