import { collectPipeline, type ForecastDeal } from '../../../core/forecast/collect-pipeline';
import { convertMinorUnits } from '../../../core/forecast/currency';
import { ratesFor } from '../../../core/forecast/exchange-rates';
import { latestCheckInValue } from '../../../core/goals/check-ins';
import { goalDealOwnerIds, goalRegion, isPipelineMetric } from '../../../core/goals/goal-scope';
import { periodInstants } from '../../../core/goals/period';
import type { Goal } from '../../../core/goals/schemas';
import type { Db, Trx } from '../../db/database.js';
import type { GoalContext } from './context.js';
import { checkInReadings, countActivities, countNewCustomers } from './queries.js';

type Handle = Db | Trx;

/** The goal's currency rates on the context's today (empty for a goal without a currency). */
export const goalRates = (ctx: GoalContext, goal: Pick<Goal, 'currency'>) =>
  goal.currency === null ? {} : ratesFor(ctx.rates, goal.currency, ctx.today);

/** The deal filter of a goal's scope: its owner for a member quota, its region for a region goal. */
export const scopeOf = (goal: Goal) => ({ ownerId: goalDealOwnerIds(goal)?.[0] ?? null, region: goalRegion(goal) });

/**
 * Attained value of a goal whose metric has no pipeline model, computed from data (SPEC §1.1):
 * new customers (accounts first won in the period), activities logged in the period, or a custom
 * goal's latest check-in on or before today (0 before the first).
 */
export async function attainedWithoutPipeline(db: Handle, ctx: GoalContext, goal: Goal): Promise<number> {
  const scope = scopeOf(goal);
  switch (goal.metric) {
    case 'new_customers':
      return countNewCustomers(db, ctx.workspaceId, goal.projectId, { startDate: goal.startDate, dueDate: goal.dueDate, ...scope });
    case 'activities': {
      const { from, to } = periodInstants(goal.startDate, goal.dueDate, ctx.timeZone);
      return countActivities(db, ctx.workspaceId, goal.projectId, from, to, scope);
    }
    case 'custom': {
      const readings = await checkInReadings(db, ctx.workspaceId, [goal.id]);
      const value = latestCheckInValue(
        readings.map((r) => ({ value: Number(r.value), date: r.date, createdAt: r.created_at })),
        ctx.today,
      );
      return value ?? 0;
    }
    default:
      throw new Error(`${goal.metric} is forecast from the pipeline`);
  }
}

/** Attained of a revenue or deals-won goal from won deals (with their account's region), as the forecast counts it. */
export function attainedFromWonDeals(ctx: GoalContext, goal: Goal, won: readonly { deal: ForecastDeal; region: string | null }[]): number {
  if (!isPipelineMetric(goal.metric)) throw new Error(`${goal.metric} has no pipeline`);
  const region = goalRegion(goal);
  const deals = region === null ? won.map((w) => w.deal) : won.filter((w) => w.region === region).map((w) => w.deal);
  return collectPipeline({ goal, deals, rates: goalRates(ctx, goal), ownerIds: goalDealOwnerIds(goal) }).attained;
}

/** `value` of a goal in `from`'s unit expressed in `to`'s unit, or null when they do not compare (other metric, no rate). */
export function inUnitOf(ctx: GoalContext, value: number, from: Goal, to: Goal): number | null {
  if (from.metric !== to.metric) return null;
  if (from.currency === to.currency) return value;
  if (from.currency === null || to.currency === null) return null;
  return convertMinorUnits(Math.round(value), from.currency, to.currency, goalRates(ctx, to));
}
