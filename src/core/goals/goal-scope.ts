import type { Goal, GoalMetric } from './schemas';

export type GoalScope = 'project' | 'member' | 'region';

type ScopeFields = Pick<Goal, 'ownerId' | 'parentId'> & { region?: string | null };

/**
 * A child goal with an owner is that member's share of the parent (their quota) and counts only
 * the owner's deals; a goal with a region counts only deals whose customer account is in that
 * region (a member goal with a region counts the owner's deals there); any other goal counts the
 * whole project. The answer names the narrowest: member, then region, then project.
 */
export function goalScope(goal: ScopeFields): GoalScope {
  if (goal.parentId !== null && goal.ownerId !== null) return 'member';
  return goal.region != null ? 'region' : 'project';
}

/** The deal owners whose deals count toward the goal, or null for every deal of the project. */
export function goalDealOwnerIds(goal: Pick<Goal, 'ownerId' | 'parentId'>): string[] | null {
  return goal.parentId !== null && goal.ownerId !== null ? [goal.ownerId] : null;
}

/** The account region whose deals count toward the goal, or null for every region. */
export function goalRegion(goal: { region?: string | null }): string | null {
  return goal.region ?? null;
}

/** Metrics forecast from the deal pipeline (the others take a pre-computed attained value). */
export function isPipelineMetric(metric: GoalMetric): metric is 'revenue' | 'deals_won' {
  return metric === 'revenue' || metric === 'deals_won';
}
