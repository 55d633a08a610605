import { type Goal, type GoalCreate, type GoalPatch, goalIssues } from '../../../core/goals/schemas';
import type { ProjectRole } from '../../../core/members/schemas.js';
import { nowIso } from '../../clock.js';
import type { Db, ProjectTable, Trx } from '../../db/database.js';
import type { Auth } from '../../http/access.js';
import { assertCurrent, assertUpdated, changedFields, type Expected } from '../../http/concurrency.js';
import { AppError, forbidden, notFound, rule } from '../../http/errors.js';
import { newId } from '../../ids.js';
import { recordAudit } from '../audit/record.js';
import { requireProject } from '../projects/service.js';
import { canCheckIn, canManageGoals } from './policy.js';
import { childGoals, findGoal, isProjectMember, projectGoals, toGoalRow } from './queries.js';

export type GoalAccess = { goal: Goal; project: ProjectTable; projectRole: ProjectRole | null };

/** Loads a goal the caller may see (404 otherwise) and may `manage` or `checkIn` on (403 otherwise). */
export async function requireGoal(db: Db | Trx, auth: Auth, id: string, need: 'view' | 'manage' | 'checkIn'): Promise<GoalAccess> {
  const goal = await findGoal(db, auth.workspaceId, id);
  if (!goal) throw notFound('Goal');
  const { row: project, projectRole } = await requireProject(db, auth, goal.projectId, 'view');
  if (need === 'manage' && !canManageGoals(auth, projectRole)) {
    throw forbidden('Only the project managers and workspace admins can change its goals.');
  }
  if (need === 'checkIn' && !canCheckIn(auth, projectRole)) throw forbidden('Only the project’s team can record check-ins.');
  return { goal, project, projectRole };
}

async function requireProjectForGoals(db: Db | Trx, auth: Auth, projectId: string, manage: boolean) {
  const { row, projectRole } = await requireProject(db, auth, projectId, 'view');
  if (manage && !canManageGoals(auth, projectRole)) throw forbidden('Only the project managers and workspace admins can change its goals.');
  return row;
}

/** The cross-field rules (422 naming the fields), the owner (a project member) and the parent (a goal of the same project, no cycle). */
async function checkGoal(trx: Trx, auth: Auth, goal: Goal, changed: Partial<Goal> | null): Promise<void> {
  const issues = goalIssues(goal);
  if (issues.length > 0) {
    throw new AppError(
      'RULE_VIOLATION',
      issues.map((issue) => issue.message).join(' '),
      issues.map((issue) => ({ path: issue.path.join('.'), code: issue.code, message: issue.message })),
    );
  }
  if (goal.ownerId !== null && (changed === null || 'ownerId' in changed)) {
    if (!(await isProjectMember(trx, auth.workspaceId, goal.projectId, goal.ownerId))) {
      throw rule('The owner must be a member of the project.', { field: 'ownerId', ownerId: goal.ownerId });
    }
  }
  if (goal.parentId !== null && (changed === null || 'parentId' in changed)) {
    const goals = new Map((await projectGoals(trx, auth.workspaceId, goal.projectId)).map((g) => [g.id, g]));
    if (!goals.has(goal.parentId)) {
      throw rule('The parent goal must be a goal of the same project.', { field: 'parentId', parentId: goal.parentId });
    }
    // Walk up from the new parent: meeting this goal means it would become its own ancestor.
    const seen = new Set<string>();
    for (let at: string | null = goal.parentId; at !== null; at = goals.get(at)?.parentId ?? null) {
      if (at === goal.id || seen.has(at)) {
        throw rule('A goal cannot be placed under itself or one of its own child goals.', { field: 'parentId', parentId: goal.parentId });
      }
      seen.add(at);
    }
  }
}

async function auditGoal(trx: Trx, auth: Auth, goal: Goal, action: 'create' | 'update' | 'delete', before: Goal | null): Promise<void> {
  await recordAudit(trx, {
    workspaceId: auth.workspaceId,
    actorId: auth.userId,
    entityType: 'goal',
    entityId: goal.id,
    projectId: goal.projectId,
    action,
    before,
    after: action === 'delete' ? null : goal,
  });
}

export async function getGoal(db: Db, auth: Auth, id: string): Promise<Goal> {
  return (await requireGoal(db, auth, id, 'view')).goal;
}

export async function createGoal(db: Db, auth: Auth, projectId: string, input: GoalCreate): Promise<Goal> {
  return db.transaction().execute(async (trx) => {
    await requireProjectForGoals(trx, auth, projectId, true);
    const now = nowIso();
    const goal: Goal = { id: newId(), projectId, ...input, createdAt: now, updatedAt: now, version: 1 };
    await checkGoal(trx, auth, goal, null);
    await trx.insertInto('goals').values(toGoalRow(auth.workspaceId, goal)).execute();
    await auditGoal(trx, auth, goal, 'create', null);
    return goal;
  });
}

export async function updateGoal(db: Db, auth: Auth, id: string, patch: GoalPatch, expected: Expected): Promise<Goal> {
  return db.transaction().execute(async (trx) => {
    const { goal } = await requireGoal(trx, auth, id, 'manage');
    assertCurrent(goal.version, expected);
    const { version: _version, ...fields } = patch;
    const changed = changedFields(goal, fields);
    if (Object.keys(changed).length === 0) return goal;
    const next: Goal = { ...goal, ...changed, updatedAt: nowIso(), version: goal.version + 1 };
    await checkGoal(trx, auth, next, changed);
    const result = await trx
      .updateTable('goals')
      .set(toGoalRow(auth.workspaceId, next))
      .where('workspace_id', '=', auth.workspaceId)
      .where('id', '=', id)
      .where('version', '=', goal.version)
      .executeTakeFirst();
    assertUpdated(result, 'goal');
    await auditGoal(trx, auth, next, 'update', goal);
    return next;
  });
}

/** Deletes a goal with its check-ins; a goal with child goals answers 409 (move or delete them first). */
export async function deleteGoal(db: Db, auth: Auth, id: string, expected: Expected): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const { goal } = await requireGoal(trx, auth, id, 'manage');
    assertCurrent(goal.version, expected);
    const children = await childGoals(trx, auth.workspaceId, id);
    if (children.length > 0) {
      throw new AppError('CONFLICT', 'This goal has child goals; delete them or move them to another goal first.', {
        childIds: children.map((c) => c.id),
        childTitles: children.map((c) => c.title),
      });
    }
    let deleted: number;
    try {
      const result = await trx.deleteFrom('goals').where('workspace_id', '=', auth.workspaceId).where('id', '=', id).executeTakeFirst();
      deleted = Number(result.numDeletedRows);
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (code === '23503' || code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
        throw new AppError('CONFLICT', 'A child goal was added to this goal meanwhile; move or delete it first.');
      }
      throw error;
    }
    if (deleted !== 1) throw notFound('Goal');
    await auditGoal(trx, auth, goal, 'delete', goal);
  });
}
