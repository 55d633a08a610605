import { addCalendarDays } from '../../../core/calendar/civil-date';
import type { Locale } from '../../../core/common/schemas.js';
import { nowIso } from '../../clock.js';
import type { GoalCheckInTable, GoalTable, Trx } from '../../db/database.js';
import { newId } from '../../ids.js';
import { recordAudit } from '../audit/record.js';
import { DEMO_GOALS } from './goals-content.js';

export type DemoGoalsInput = {
  workspaceId: string;
  projectId: string;
  ownerId: string;
  locale: Locale;
  /** Today in the user's time zone and the project's first day (today − 30). */
  today: string;
  projectStart: string;
  team: Record<string, string>;
};

/** Yuan → fen. */
const fen = (yuan: number) => yuan * 100;

/**
 * The demo project's goals: a revenue goal of ¥8M over the project's first 90 days split into three
 * member quotas that fall ¥300k short of it (the tree shows the gap), against the demo pipeline
 * (¥2.06M won, about ¥6.3M weighted open: the probability is well inside (0, 1)); a custom NPS goal
 * with three check-ins; and the workspace's exchange rates (base CNY).
 */
export async function seedDemoGoals(trx: Trx, input: DemoGoalsInput): Promise<void> {
  const words = DEMO_GOALS[input.locale];
  const { workspaceId, projectId } = input;
  const now = nowIso();
  const due = addCalendarDays(input.today, 60);
  const goal = (fields: Partial<GoalTable> & Pick<GoalTable, 'title' | 'metric' | 'target'>): GoalTable => ({
    workspace_id: workspaceId,
    id: newId(),
    project_id: projectId,
    parent_id: null,
    description: '',
    currency: 'CNY',
    start_date: input.projectStart,
    due_date: due,
    owner_id: input.ownerId,
    region: null,
    relevance: '',
    weight: 1,
    created_at: now,
    updated_at: now,
    version: 1,
    ...fields,
  });
  const people = { owner: input.ownerId, wang: input.team.wang, li: input.team.li };
  const users = await trx
    .selectFrom('users')
    .select(['id', 'name'])
    .where(
      'id',
      'in',
      Object.values(people).filter((id) => id !== undefined),
    )
    .execute();
  const nameOf = (userId: string) => users.find((u) => u.id === userId)?.name ?? '';
  const revenue = goal({ ...words.revenue, metric: 'revenue', target: fen(8_000_000), weight: 3 });
  const quotas = (
    [
      ['owner', input.ownerId, 4_000_000],
      ['wang', input.team.wang, 2_500_000],
      ['li', input.team.li, 1_200_000],
    ] as const
  )
    .filter(([, userId]) => userId !== undefined)
    .map(([, userId, yuan]) =>
      goal({ ...words.quota(nameOf(userId)), metric: 'revenue', target: fen(yuan), parent_id: revenue.id, owner_id: userId }),
    );
  const nps = goal({ ...words.custom, metric: 'custom', target: 60, currency: null, weight: 1 });
  const goals = [revenue, ...quotas, nps];
  await trx.insertInto('goals').values(goals).execute();

  const checkIns: GoalCheckInTable[] = (
    [
      [-25, 32],
      [-12, 41],
      [-3, 47],
    ] as const
  ).map(([days, value], i) => ({
    workspace_id: workspaceId,
    id: newId(),
    goal_id: nps.id,
    project_id: projectId,
    value,
    date: addCalendarDays(input.today, days),
    comment: words.checkIns[i],
    author_id: input.ownerId,
    created_at: now,
    updated_at: now,
    version: 1,
  }));
  await trx.insertInto('goal_check_ins').values(checkIns).execute();

  // The workspace's rates (a demo workspace is new: there is no table yet).
  const effective = input.projectStart;
  await trx
    .insertInto('exchange_rate_tables')
    .values({ workspace_id: workspaceId, base_currency: 'CNY', updated_at: now, version: 1 })
    .execute();
  await trx
    .insertInto('exchange_rates')
    .values(
      (
        [
          ['EUR', 7.8],
          ['HKD', 0.92],
          ['USD', 7.1],
        ] as const
      ).map(([currency, rate]) => ({ workspace_id: workspaceId, id: newId(), currency, rate, effective_date: effective })),
    )
    .execute();

  await recordAudit(trx, {
    workspaceId,
    actorId: input.ownerId,
    entityType: 'project',
    entityId: projectId,
    projectId,
    action: 'update',
    after: { demoGoals: true, goals: goals.length, checkIns: checkIns.length },
  });
}
