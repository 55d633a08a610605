import { goalScope, isPipelineMetric } from '../../../core/goals/goal-scope';
import type { Goal, GoalNode, GoalTree } from '../../../core/goals/schemas';
import type { Db } from '../../db/database.js';
import type { Auth } from '../../http/access.js';
import { requireProject } from '../projects/service.js';
import { loadGoalContext } from './context.js';
import { attainedFromWonDeals, attainedWithoutPipeline, inUnitOf } from './progress.js';
import { projectGoals, wonDealsWithRegion } from './queries.js';

/** Depth-first: parents before their children; siblings by start date, then title, then id. */
function depthFirst(goals: Goal[]): { goal: Goal; depth: number }[] {
  const ids = new Set(goals.map((g) => g.id));
  const children = new Map<string | null, Goal[]>();
  for (const goal of goals) {
    const parent = goal.parentId !== null && ids.has(goal.parentId) ? goal.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), goal]);
  }
  const order = (a: Goal, b: Goal) =>
    a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : a.title.localeCompare(b.title) || (a.id < b.id ? -1 : 1);
  const out: { goal: Goal; depth: number }[] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const goal of (children.get(parent) ?? []).sort(order)) {
      out.push({ goal, depth });
      walk(goal.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

/**
 * `GET /projects/{id}/goals`: every goal of the project with its progress computed from data, and
 * for each parent the sums of its children and whether their targets add up to its own.
 */
export async function listGoalTree(db: Db, auth: Auth, projectId: string): Promise<GoalTree> {
  const { row: project } = await requireProject(db, auth, projectId, 'view');
  const goals = await projectGoals(db, auth.workspaceId, projectId);
  const ctx = await loadGoalContext(db, auth, project);
  const pipelineGoals = goals.filter((g) => isPipelineMetric(g.metric));
  const starts = pipelineGoals.map((g) => g.startDate).sort();
  const dues = pipelineGoals.map((g) => g.dueDate).sort();
  const won = pipelineGoals.length === 0 ? [] : await wonDealsWithRegion(db, auth.workspaceId, projectId, starts[0], dues[dues.length - 1]);
  const attained = new Map<string, number>();
  for (const goal of goals) {
    attained.set(
      goal.id,
      isPipelineMetric(goal.metric) ? attainedFromWonDeals(ctx, goal, won) : await attainedWithoutPipeline(db, ctx, goal),
    );
  }
  const items: GoalNode[] = depthFirst(goals).map(({ goal, depth }) => {
    const children = goals.filter((g) => g.parentId === goal.id);
    const comparable = children.filter((c) => c.metric === goal.metric);
    let childrenTarget: number | null = comparable.length > 0 ? 0 : null;
    let childrenAttained: number | null = childrenTarget;
    for (const child of comparable) {
      const target = inUnitOf(ctx, child.target, child, goal);
      const reached = inUnitOf(ctx, attained.get(child.id) ?? 0, child, goal);
      childrenTarget = childrenTarget === null || target === null ? null : childrenTarget + target;
      childrenAttained = childrenAttained === null || reached === null ? null : childrenAttained + reached;
    }
    const value = attained.get(goal.id) ?? 0;
    return {
      ...goal,
      scope: goalScope(goal),
      depth,
      attained: value,
      progress: goal.target > 0 ? value / goal.target : null,
      childCount: children.length,
      childrenTarget,
      childrenAttained,
      childrenGap: childrenTarget === null ? null : goal.target - childrenTarget,
      // Sums of floats (custom goals): equal within a millionth of the target.
      childrenAddUp: childrenTarget === null ? null : Math.abs(goal.target - childrenTarget) <= Math.abs(goal.target) * 1e-9,
      otherMetricChildren: children.length - comparable.length,
    };
  });
  return { items, nextCursor: null, today: ctx.today };
}
