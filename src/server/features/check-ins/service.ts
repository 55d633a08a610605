import type { CheckIn, CheckInCreate, CheckInPatch, Goal } from '../../../core/goals/schemas';
import { nowIso } from '../../clock.js';
import type { Db, GoalCheckInTable, Trx } from '../../db/database.js';
import type { Auth } from '../../http/access.js';
import { assertCurrent, assertUpdated, changedFields, type Expected } from '../../http/concurrency.js';
import { notFound, rule } from '../../http/errors.js';
import { newId } from '../../ids.js';
import { recordAudit } from '../audit/record.js';
import { requireGoal } from '../goals/service.js';
import { findCheckIn, goalCheckIns, toCheckIn } from './queries.js';

/** Check-ins measure `custom` goals only; the others are computed from data. */
function requireCustom(goal: Goal): void {
  if (goal.metric !== 'custom') {
    throw rule(
      `Only custom goals take check-ins: this goal's progress (${goal.metric.replace('_', ' ')}) is computed from the project's data.`,
      { metric: goal.metric },
    );
  }
}

async function audit(
  trx: Trx,
  auth: Auth,
  checkIn: CheckIn,
  projectId: string,
  action: 'create' | 'update' | 'delete',
  before: CheckIn | null,
) {
  await recordAudit(trx, {
    workspaceId: auth.workspaceId,
    actorId: auth.userId,
    entityType: 'check_in',
    entityId: checkIn.id,
    projectId,
    action,
    before,
    after: action === 'delete' ? null : checkIn,
  });
}

export async function listCheckIns(db: Db, auth: Auth, goalId: string) {
  await requireGoal(db, auth, goalId, 'view');
  return { items: await goalCheckIns(db, auth.workspaceId, goalId), nextCursor: null };
}

export async function createCheckIn(db: Db, auth: Auth, goalId: string, input: CheckInCreate): Promise<CheckIn> {
  return db.transaction().execute(async (trx) => {
    const { goal } = await requireGoal(trx, auth, goalId, 'checkIn');
    requireCustom(goal);
    const now = nowIso();
    const row: GoalCheckInTable = {
      workspace_id: auth.workspaceId,
      id: newId(),
      goal_id: goal.id,
      project_id: goal.projectId,
      value: input.value,
      date: input.date,
      comment: input.comment,
      author_id: auth.userId,
      created_at: now,
      updated_at: now,
      version: 1,
    };
    await trx.insertInto('goal_check_ins').values(row).execute();
    const checkIn = toCheckIn(row);
    await audit(trx, auth, checkIn, goal.projectId, 'create', null);
    return checkIn;
  });
}

/** A check-in the caller may see (404 otherwise), with its goal; `checkIn`: the caller may change it (403). */
async function requireCheckIn(db: Db | Trx, auth: Auth, id: string, need: 'view' | 'checkIn') {
  const row = await findCheckIn(db, auth.workspaceId, id);
  if (!row) throw notFound('Check-in');
  try {
    const { goal } = await requireGoal(db, auth, row.goal_id, need);
    return { row, goal };
  } catch (error) {
    // The goal is invisible to the caller: so is its check-in.
    if ((error as { code?: string }).code === 'NOT_FOUND') throw notFound('Check-in');
    throw error;
  }
}

export async function getCheckIn(db: Db, auth: Auth, id: string): Promise<CheckIn> {
  return toCheckIn((await requireCheckIn(db, auth, id, 'view')).row);
}

export async function updateCheckIn(db: Db, auth: Auth, id: string, patch: CheckInPatch, expected: Expected): Promise<CheckIn> {
  return db.transaction().execute(async (trx) => {
    const { row, goal } = await requireCheckIn(trx, auth, id, 'checkIn');
    requireCustom(goal);
    const current = toCheckIn(row);
    assertCurrent(current.version, expected);
    const { version: _version, ...fields } = patch;
    const changed = changedFields(current, fields);
    if (Object.keys(changed).length === 0) return current;
    const next: CheckIn = { ...current, ...changed, version: current.version + 1 };
    const result = await trx
      .updateTable('goal_check_ins')
      .set({ value: next.value, date: next.date, comment: next.comment, updated_at: nowIso(), version: next.version })
      .where('workspace_id', '=', auth.workspaceId)
      .where('id', '=', id)
      .where('version', '=', current.version)
      .executeTakeFirst();
    assertUpdated(result, 'check-in');
    await audit(trx, auth, next, goal.projectId, 'update', current);
    return next;
  });
}

/** Deletes a check-in (also of a goal that is no longer custom: a left-over reading can be cleaned up). */
export async function deleteCheckIn(db: Db, auth: Auth, id: string, expected: Expected): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const { row, goal } = await requireCheckIn(trx, auth, id, 'checkIn');
    const current = toCheckIn(row);
    assertCurrent(current.version, expected);
    const result = await trx
      .deleteFrom('goal_check_ins')
      .where('workspace_id', '=', auth.workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
    if (Number(result.numDeletedRows) !== 1) throw notFound('Check-in');
    await audit(trx, auth, current, goal.projectId, 'delete', current);
  });
}
