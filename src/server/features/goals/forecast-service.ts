import { finishForecast, prepareForecast } from '../../../core/forecast/forecast';
import { goalScope, isPipelineMetric } from '../../../core/goals/goal-scope';
import type { Forecast, Goal, Leaderboard, LeaderboardEntry, Smart, SmartDraft } from '../../../core/goals/schemas';
import { checkSmart } from '../../../core/goals/smart';
import type { Db, Trx } from '../../db/database.js';
import type { Auth } from '../../http/access.js';
import { requireProject } from '../projects/service.js';
import { type GoalContext, loadGoalContext } from './context.js';
import type { ForecastPool } from './forecast-pool.js';
import { attainedWithoutPipeline, goalRates, scopeOf } from './progress.js';
import { childGoals, dealsRevision, findGoal, stageProbabilities, userNames, windowDeals } from './queries.js';
import { requireGoal } from './service.js';

type Handle = Db | Trx;
type ForecastGoal = Pick<
  Goal,
  'id' | 'projectId' | 'metric' | 'target' | 'currency' | 'startDate' | 'dueDate' | 'ownerId' | 'parentId' | 'region'
>;

/**
 * The forecast of SPEC §3.3 for one goal: the deals of its period and scope read here, the
 * probability model in the pool's worker threads (or its cache), the rest (pace on the project's
 * calendar, commit, best case) here.
 */
export async function forecastOf(
  db: Handle,
  pool: ForecastPool,
  ctx: GoalContext,
  goal: ForecastGoal,
  drivers: boolean,
): Promise<Forecast> {
  const base = { goal, today: ctx.today, workingDaysBetween: ctx.workingDaysBetween, rates: goalRates(ctx, goal), drivers };
  if (!isPipelineMetric(goal.metric)) {
    const attainedOverride = await attainedWithoutPipeline(db, ctx, goal as Goal);
    return finishForecast(prepareForecast({ ...base, deals: [], attainedOverride }), null);
  }
  const scope = scopeOf(goal as Goal);
  const stages = await stageProbabilities(db, ctx.workspaceId);
  // A region goal also depends on accounts' regions, which the deals' revision does not see: never from the answer cache.
  const stateKey =
    goal.id === '' || scope.region !== null
      ? null
      : JSON.stringify([
          goal,
          drivers,
          ctx.today,
          ctx.calendar,
          base.rates,
          [...stages],
          await dealsRevision(db, ctx.workspaceId, goal.projectId),
        ]);
  const cached = stateKey === null ? undefined : pool.answers.get(goal.id, stateKey);
  if (cached) return cached;
  const deals = await windowDeals(
    db,
    ctx.workspaceId,
    goal.projectId,
    { startDate: goal.startDate, dueDate: goal.dueDate, ...scope },
    stages,
  );
  const prepared = prepareForecast({ ...base, deals });
  const outcome = prepared.outcomeInput === null ? null : await pool.outcome(prepared.outcomeInput);
  const forecast = finishForecast(prepared, outcome);
  if (stateKey !== null) pool.answers.set(goal.id, stateKey, forecast);
  return forecast;
}

export async function goalForecast(db: Db, pool: ForecastPool, auth: Auth, id: string): Promise<Forecast> {
  const { goal, project } = await requireGoal(db, auth, id, 'view');
  return forecastOf(db, pool, await loadGoalContext(db, auth, project), goal, true);
}

/** Whether the goal can be forecast at all (a target > 0, and a currency when it counts money). */
const isForecastable = (goal: Pick<Goal, 'metric' | 'target' | 'currency'>) =>
  Number.isFinite(goal.target) && goal.target > 0 && !(goal.metric === 'revenue' && goal.currency === null);

export async function goalSmart(db: Db, pool: ForecastPool, auth: Auth, id: string): Promise<Smart> {
  const { goal, project } = await requireGoal(db, auth, id, 'view');
  const ctx = await loadGoalContext(db, auth, project);
  const forecast = isForecastable(goal) ? await forecastOf(db, pool, ctx, goal, false) : null;
  const hasParent = goal.parentId !== null && (await findGoal(db, auth.workspaceId, goal.parentId)) !== undefined;
  return checkSmart({ goal, project: { startDate: project.start_date, endDate: project.end_date }, forecast, today: ctx.today, hasParent });
}

/** The SMART check of an unsaved goal of a project (the form as the user types). */
export async function draftSmart(db: Db, pool: ForecastPool, auth: Auth, draft: SmartDraft): Promise<Smart> {
  const { row: project } = await requireProject(db, auth, draft.projectId, 'view');
  const ctx = await loadGoalContext(db, auth, project);
  const goal: ForecastGoal & SmartDraft = { ...draft, id: '', projectId: project.id };
  const forecast = isForecastable(goal) && goal.dueDate >= goal.startDate ? await forecastOf(db, pool, ctx, goal, false) : null;
  let hasParent = false;
  if (draft.parentId !== null) {
    const parent = await findGoal(db, auth.workspaceId, draft.parentId);
    hasParent = parent !== undefined && parent.projectId === project.id;
  }
  return checkSmart({ goal, project: { startDate: project.start_date, endDate: project.end_date }, forecast, today: ctx.today, hasParent });
}

/**
 * The member leaderboard of a goal: its direct children that are member quotas, each with target,
 * attained, progress and the probability of reaching it; best progress first.
 */
export async function goalLeaderboard(db: Db, pool: ForecastPool, auth: Auth, id: string): Promise<Leaderboard> {
  const { goal, project } = await requireGoal(db, auth, id, 'view');
  const ctx = await loadGoalContext(db, auth, project);
  const quotas = (await childGoals(db, auth.workspaceId, goal.id)).filter((child) => goalScope(child) === 'member');
  const names = await userNames(
    db,
    auth.workspaceId,
    quotas.map((q) => q.ownerId as string),
  );
  const rows: Omit<LeaderboardEntry, 'rank'>[] = [];
  for (const quota of quotas) {
    const forecast = await forecastOf(db, pool, ctx, quota, false);
    rows.push({
      goalId: quota.id,
      title: quota.title,
      userId: quota.ownerId as string,
      name: names.get(quota.ownerId as string) ?? null,
      target: quota.target,
      attained: forecast.attained,
      progress: quota.target > 0 ? forecast.attained / quota.target : null,
      probability: forecast.probability,
      weightedPipeline: forecast.weightedPipeline,
      currency: quota.currency,
    });
  }
  rows.sort(
    (a, b) =>
      (b.progress ?? -1) - (a.progress ?? -1) ||
      (b.probability ?? -1) - (a.probability ?? -1) ||
      (a.name ?? '').localeCompare(b.name ?? '') ||
      (a.goalId < b.goalId ? -1 : 1),
  );
  return { goalId: goal.id, metric: goal.metric, items: rows.map((row, index) => ({ ...row, rank: index + 1 })) };
}
