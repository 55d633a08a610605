import { addCalendarDays } from '../../../core/calendar/civil-date';
import type { Locale } from '../../../core/common/schemas.js';
import { nowIso, todayIn } from '../../clock.js';
import type { Trx } from '../../db/database.js';
import { newId } from '../../ids.js';
import { recordAudit } from '../audit/record.js';
import { addToWorkspace, insertAccount } from '../auth/queries.js';
import { DEMO } from './content.js';
import { seedDemoGoals } from './goals.js';
import { seedDemoPlan } from './plan.js';
import { seedDemoSales } from './sales.js';

export type DemoInput = { workspaceId: string; ownerId: string; locale: Locale; timeZone: string; calendarId: string };

/** A living sales project for a newcomer: a team with roles, responsibilities, capacity and cost rates, and its plan. */
export async function seedDemoProject(trx: Trx, input: DemoInput): Promise<string> {
  const words = DEMO[input.locale];
  const now = nowIso();
  const today = todayIn(input.timeZone);
  const projectId = newId();
  const project = {
    workspace_id: input.workspaceId,
    id: projectId,
    name: words.project.name,
    description: words.project.description,
    status: 'active',
    methodology: 'hybrid',
    start_date: addCalendarDays(today, -30),
    end_date: addCalendarDays(today, 90),
    currency: 'CNY',
    calendar_id: input.calendarId,
    archived_at: null,
    created_at: now,
    updated_at: now,
    version: 1,
  };
  await trx.insertInto('projects').values(project).execute();
  await recordAudit(trx, {
    workspaceId: input.workspaceId,
    actorId: input.ownerId,
    entityType: 'project',
    entityId: projectId,
    projectId,
    action: 'create',
    after: { name: project.name, demo: true },
  });

  const addMember = async (userId: string, role: string, responsibilities: string, capacity: number, costRate: number) => {
    await trx
      .insertInto('project_members')
      .values({
        workspace_id: input.workspaceId,
        id: newId(),
        project_id: projectId,
        user_id: userId,
        role,
        responsibilities,
        capacity_hours_per_week: capacity,
        cost_rate: costRate,
        created_at: now,
        version: 1,
      })
      .execute();
  };
  await addMember(input.ownerId, 'manager', words.ownerResponsibilities, 40, 25000);
  const team: Record<string, string> = {};
  for (const person of words.people) {
    const userId = newId();
    team[person.key] = userId;
    // Demo colleagues have no password: they appear in the team but cannot sign in.
    const email = `${person.key}.${userId.slice(-8)}@demo.invalid`;
    await insertAccount(trx, {
      id: userId,
      email,
      name: person.name,
      passwordHash: null,
      locale: input.locale,
      timeZone: input.timeZone,
      now,
    });
    await addToWorkspace(trx, input.workspaceId, userId, 'member', now);
    await addMember(userId, person.role, person.responsibilities, person.capacity, person.costRate);
  }
  await seedDemoPlan(trx, {
    workspaceId: input.workspaceId,
    ownerId: input.ownerId,
    locale: input.locale,
    projectId,
    projectStart: project.start_date,
    today,
    now,
    team,
  });
  await seedDemoSales(trx, {
    workspaceId: input.workspaceId,
    projectId,
    ownerId: input.ownerId,
    locale: input.locale,
    timeZone: input.timeZone,
    team,
  });
  await seedDemoGoals(trx, { ...input, projectId, today, projectStart: project.start_date, team });
  return projectId;
}
