import { type SqlBool, sql } from 'kysely';
import type { ForecastDeal } from '../../../core/forecast/collect-pipeline';
import type { Goal, GoalMetric } from '../../../core/goals/schemas';
import type { Db, GoalTable, Trx } from '../../db/database.js';

type Handle = Db | Trx;

export const toGoal = (row: GoalTable): Goal => ({
  id: row.id,
  projectId: row.project_id,
  title: row.title,
  description: row.description,
  metric: row.metric as GoalMetric,
  target: Number(row.target),
  currency: row.currency,
  startDate: row.start_date,
  dueDate: row.due_date,
  ownerId: row.owner_id,
  parentId: row.parent_id,
  region: row.region,
  relevance: row.relevance,
  weight: Number(row.weight),
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  version: row.version,
});

export const toGoalRow = (workspaceId: string, goal: Goal): GoalTable => ({
  workspace_id: workspaceId,
  id: goal.id,
  project_id: goal.projectId,
  parent_id: goal.parentId,
  title: goal.title,
  description: goal.description,
  metric: goal.metric,
  target: goal.target,
  currency: goal.currency,
  start_date: goal.startDate,
  due_date: goal.dueDate,
  owner_id: goal.ownerId,
  region: goal.region,
  relevance: goal.relevance,
  weight: goal.weight,
  created_at: goal.createdAt,
  updated_at: goal.updatedAt,
  version: goal.version,
});

export async function findGoal(db: Handle, workspaceId: string, id: string): Promise<Goal | undefined> {
  const row = await db.selectFrom('goals').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
  return row && toGoal(row);
}

/** Every goal of a project (a project has tens of goals, not thousands). */
export async function projectGoals(db: Handle, workspaceId: string, projectId: string): Promise<Goal[]> {
  const rows = await db
    .selectFrom('goals')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('project_id', '=', projectId)
    .orderBy('start_date')
    .orderBy('id')
    .execute();
  return rows.map(toGoal);
}

export async function childGoals(db: Handle, workspaceId: string, parentId: string): Promise<Goal[]> {
  const rows = await db
    .selectFrom('goals')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('parent_id', '=', parentId)
    .orderBy('start_date')
    .orderBy('id')
    .execute();
  return rows.map(toGoal);
}

export async function isProjectMember(db: Handle, workspaceId: string, projectId: string, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('project_members')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('project_id', '=', projectId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Boolean(row);
}

export async function userNames(db: Handle, workspaceId: string, userIds: string[]): Promise<Map<string, string>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('users as u')
    .innerJoin('workspace_users as w', 'w.user_id', 'u.id')
    .select(['u.id', 'u.name'])
    .where('w.workspace_id', '=', workspaceId)
    .where('u.id', 'in', userIds)
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Which deals of a project a goal counts: its period, and optionally one owner's or one region's. */
export type DealWindow = { startDate: string; dueDate: string; ownerId?: string | null; region?: string | null; wonOnly?: boolean };

/** Rows per page of `windowDeals`: about half a millisecond of the main thread each. */
const DEAL_PAGE = 500;
const yieldToOtherRequests = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The deals a goal's forecast looks at (SPEC §3.3), with their stage's probability: won deals
 * closed in [startDate, dueDate] and open deals expected to close on or before dueDate, narrowed
 * by owner and by the customer account's region. Read in pages along the board index, giving the
 * event loop a turn between pages: reading thousands of deals (synchronous on SQLite) then never
 * holds up other requests for more than a page's time.
 */
export async function windowDeals(
  db: Handle,
  workspaceId: string,
  projectId: string,
  window: DealWindow,
  stageProbability: ReadonlyMap<string, number>,
): Promise<ForecastDeal[]> {
  const won = sql<SqlBool>`(d.status = 'won' and d.close_date >= ${window.startDate} and d.close_date <= ${window.dueDate})`;
  const open = sql<SqlBool>`(d.status = 'open' and d.expected_close_date <= ${window.dueDate})`;
  const out: ForecastDeal[] = [];
  let after: { status: string; stage: string; rank: string; id: string } | null = null;
  for (;;) {
    let q = db
      .selectFrom('deals as d')
      .select([
        'd.id',
        'd.amount',
        'd.currency',
        'd.status',
        'd.stage',
        'd.rank',
        'd.probability',
        'd.expected_close_date',
        'd.close_date',
        'd.owner_id',
      ])
      .where('d.workspace_id', '=', workspaceId)
      .where('d.project_id', '=', projectId)
      .where(window.wonOnly ? won : sql<SqlBool>`(${won} or ${open})`);
    if (window.ownerId) q = q.where('d.owner_id', '=', window.ownerId);
    if (window.region) {
      const region = window.region;
      q = q.where('d.account_id', 'in', (eb) =>
        eb.selectFrom('accounts').select('id').where('workspace_id', '=', workspaceId).where('region', '=', region),
      );
    }
    if (after) q = q.where(sql<SqlBool>`(d.status, d.stage, d.rank, d.id) > (${after.status}, ${after.stage}, ${after.rank}, ${after.id})`);
    const rows = await q.orderBy('d.status').orderBy('d.stage').orderBy('d.rank').orderBy('d.id').limit(DEAL_PAGE).execute();
    for (const r of rows) {
      out.push({
        id: r.id,
        amount: Number(r.amount),
        currency: r.currency,
        status: r.status as ForecastDeal['status'],
        probability: r.probability === null ? null : Number(r.probability),
        // Every deal's stage exists (a foreign key); 0 would only show for a stage deleted meanwhile.
        stageProbability: stageProbability.get(r.stage) ?? 0,
        expectedCloseDate: r.expected_close_date,
        closeDate: r.close_date,
        ownerId: r.owner_id,
      });
    }
    if (rows.length < DEAL_PAGE) return out;
    const last = rows[rows.length - 1];
    after = { status: last.status, stage: last.stage, rank: last.rank, id: last.id };
    await yieldToOtherRequests();
  }
}

/** The workspace's stage probabilities by key (read once per forecast, not joined to every deal). */
export async function stageProbabilities(db: Handle, workspaceId: string): Promise<Map<string, number>> {
  const rows = await db.selectFrom('stages').select(['key', 'probability']).where('workspace_id', '=', workspaceId).execute();
  return new Map(rows.map((s) => [s.key, Number(s.probability)]));
}

/**
 * A revision of a project's deals that changes with every deal write: every write bumps the deal's
 * version and `updated_at` (a sum of versions only grows on update), and creating or deleting
 * changes the count (and the newest `updated_at`). One aggregate in the database, no rows to the server.
 */
export async function dealsRevision(db: Handle, workspaceId: string, projectId: string): Promise<string> {
  const row = await db
    .selectFrom('deals')
    .select((eb) => [
      eb.fn.countAll<number | string>().as('n'),
      eb.fn.max('updated_at').as('at'),
      eb.fn.max('id').as('last'),
      eb.fn.sum<number | string>('version').as('versions'),
    ])
    .where('workspace_id', '=', workspaceId)
    .where('project_id', '=', projectId)
    .executeTakeFirst();
  return `${Number(row?.n ?? 0)}/${row?.at ?? ''}/${row?.last ?? ''}/${Number(row?.versions ?? 0)}`;
}

/** Won deals of a project closed in a window, with their account's region (for the goal tree: all goals at once). */
export async function wonDealsWithRegion(db: Handle, workspaceId: string, projectId: string, from: string, to: string) {
  const rows = await db
    .selectFrom('deals as d')
    .innerJoin('stages as s', (j) => j.onRef('s.workspace_id', '=', 'd.workspace_id').onRef('s.key', '=', 'd.stage'))
    .leftJoin('accounts as a', (j) => j.onRef('a.workspace_id', '=', 'd.workspace_id').onRef('a.id', '=', 'd.account_id'))
    .select([
      'd.id',
      'd.amount',
      'd.currency',
      'd.status',
      'd.probability',
      's.probability as stage_probability',
      'd.expected_close_date',
      'd.close_date',
      'd.owner_id',
      'a.region',
    ])
    .where('d.workspace_id', '=', workspaceId)
    .where('d.project_id', '=', projectId)
    .where('d.status', '=', 'won')
    .where('d.close_date', '>=', from)
    .where('d.close_date', '<=', to)
    .execute();
  return rows.map((r) => ({
    deal: {
      id: r.id,
      amount: Number(r.amount),
      currency: r.currency,
      status: 'won',
      probability: r.probability === null ? null : Number(r.probability),
      stageProbability: Number(r.stage_probability),
      expectedCloseDate: r.expected_close_date,
      closeDate: r.close_date,
      ownerId: r.owner_id,
    } satisfies ForecastDeal,
    region: r.region ?? null,
  }));
}

/**
 * New customers of a goal: accounts whose first won deal in the workspace closed in [startDate, dueDate]
 * (an account that bought before the period is not new), with such a deal in this project and the
 * goal's scope (the deal's owner; the account's region).
 */
export async function countNewCustomers(db: Handle, workspaceId: string, projectId: string, window: DealWindow): Promise<number> {
  let q = db
    .selectFrom('deals as d')
    .innerJoin('accounts as a', (j) => j.onRef('a.workspace_id', '=', 'd.workspace_id').onRef('a.id', '=', 'd.account_id'))
    .select(sql<number | string>`count(distinct d.account_id)`.as('n'))
    .where('d.workspace_id', '=', workspaceId)
    .where('d.project_id', '=', projectId)
    .where('d.status', '=', 'won')
    .where('d.close_date', '>=', window.startDate)
    .where('d.close_date', '<=', window.dueDate)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('deals as e')
            .select('e.id')
            .whereRef('e.workspace_id', '=', 'd.workspace_id')
            .whereRef('e.account_id', '=', 'd.account_id')
            .where('e.status', '=', 'won')
            .where('e.close_date', '<', window.startDate),
        ),
      ),
    );
  if (window.ownerId) q = q.where('d.owner_id', '=', window.ownerId);
  if (window.region) q = q.where('a.region', '=', window.region);
  const row = await q.executeTakeFirst();
  return Number(row?.n ?? 0);
}

/**
 * Activities logged on the project's deals at instants in [from, to) (the goal's period in the
 * caller's time zone), by the owner for a member goal, on deals of the region's accounts for a region goal.
 */
export async function countActivities(
  db: Handle,
  workspaceId: string,
  projectId: string,
  from: string,
  to: string,
  scope: { ownerId?: string | null; region?: string | null },
): Promise<number> {
  let q = db
    .selectFrom('activities as t')
    .select(sql<number | string>`count(*)`.as('n'))
    .where('t.workspace_id', '=', workspaceId)
    .where('t.project_id', '=', projectId)
    .where('t.at', '>=', from)
    .where('t.at', '<', to);
  if (scope.ownerId) q = q.where('t.user_id', '=', scope.ownerId);
  if (scope.region) {
    const region = scope.region;
    q = q.where('t.deal_id', 'in', (eb) =>
      eb
        .selectFrom('deals as d')
        .innerJoin('accounts as a', (j) => j.onRef('a.workspace_id', '=', 'd.workspace_id').onRef('a.id', '=', 'd.account_id'))
        .select('d.id')
        .where('d.workspace_id', '=', workspaceId)
        .where('a.region', '=', region),
    );
  }
  const row = await q.executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** The check-ins of some goals (value, date, creation instant) for their latest reading. */
export async function checkInReadings(db: Handle, workspaceId: string, goalIds: string[]) {
  if (goalIds.length === 0) return [];
  return db
    .selectFrom('goal_check_ins')
    .select(['goal_id', 'value', 'date', 'created_at'])
    .where('workspace_id', '=', workspaceId)
    .where('goal_id', 'in', goalIds)
    .execute();
}
