import type { Goal, GoalMetric } from './schemas';

export type GoalScope = 'project' | 'member';

/**
 * A child goal with an owner is that member's share of the parent (their quota) and counts only
 * the owner's deals; any other goal counts the whole project. (Deals carry no region, so a
 * per-region child goal is modelled as the quota of the member who owns it.)
 */
export function goalScope(goal: Pick<Goal, 'ownerId' | 'parentId'>): GoalScope {
  return goal.parentId !== null && goal.ownerId !== null ? 'member' : 'project';
}

/** The deal owners whose deals count toward the goal, or null for every deal of the project. */
export function goalDealOwnerIds(goal: Pick<Goal, 'ownerId' | 'parentId'>): string[] | null {
  return goalScope(goal) === 'member' && goal.ownerId !== null ? [goal.ownerId] : null;
}

/** Metrics forecast from the deal pipeline (the others take a pre-computed attained value). */
export function isPipelineMetric(metric: GoalMetric): metric is 'revenue' | 'deals_won' {
  return metric === 'revenue' || metric === 'deals_won';
}
