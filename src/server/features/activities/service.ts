import type { Activity, ActivityCreate, ActivityListQuery, ActivityPatch } from '../../../core/activities/schemas.js';
import { nowIso } from '../../clock.js';
import type { Db, Trx } from '../../db/database.js';
import type { Auth } from '../../http/access.js';
import { assertCurrent, assertUpdated, changedFields, type Expected } from '../../http/concurrency.js';
import { notFound } from '../../http/errors.js';
import { newId } from '../../ids.js';
import { recordAudit } from '../audit/record.js';
import { checkReferences, requireDeal } from '../deals/service.js';
import { findActivity, listActivities } from './queries.js';

const audited = ({ userName: _u, ...activity }: Activity) => activity;
const audit = (trx: Trx, auth: Auth, activity: Activity, action: 'create' | 'update' | 'delete', before: Activity | null) =>
  recordAudit(trx, {
    workspaceId: auth.workspaceId,
    actorId: auth.userId,
    entityType: 'activity',
    entityId: activity.id,
    projectId: activity.projectId,
    action,
    before: before && audited(before),
    after: action === 'delete' ? null : audited(activity),
  });

export async function listDealActivities(db: Db, auth: Auth, dealId: string, query: ActivityListQuery) {
  await requireDeal(db, auth, dealId, false);
  return listActivities(db, auth.workspaceId, dealId, query);
}

async function requireActivity(db: Db | Trx, auth: Auth, id: string, edit: boolean): Promise<Activity> {
  const activity = await findActivity(db, auth.workspaceId, id);
  if (!activity) throw notFound('Activity');
  await requireDeal(db, auth, activity.dealId, edit);
  return activity;
}

export const getActivity = (db: Db, auth: Auth, id: string) => requireActivity(db, auth, id, false);

/** Logs a call, meeting, visit, e-mail or note on a deal (by the caller and now, unless given). */
export async function createActivity(db: Db, auth: Auth, dealId: string, input: ActivityCreate): Promise<Activity> {
  return db.transaction().execute(async (trx) => {
    const { deal } = await requireDeal(trx, auth, dealId, true);
    const userId = input.userId === undefined ? auth.userId : input.userId;
    await checkReferences(trx, auth, { contactId: input.contactId, ownerId: userId });
    const now = nowIso();
    const activity: Activity = {
      id: newId(),
      dealId,
      projectId: deal.projectId,
      type: input.type,
      at: input.at ?? now,
      userId,
      userName: null,
      contactId: input.contactId,
      outcome: input.outcome,
      nextStep: input.nextStep,
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    await trx
      .insertInto('activities')
      .values({
        workspace_id: auth.workspaceId,
        id: activity.id,
        deal_id: dealId,
        project_id: deal.projectId,
        type: activity.type,
        at: activity.at,
        user_id: activity.userId,
        contact_id: activity.contactId,
        outcome: activity.outcome,
        next_step: activity.nextStep,
        created_at: now,
        updated_at: now,
        version: 1,
      })
      .execute();
    await audit(trx, auth, activity, 'create', null);
    return (await findActivity(trx, auth.workspaceId, activity.id)) as Activity;
  });
}

export async function updateActivity(db: Db, auth: Auth, id: string, patch: ActivityPatch, expected: Expected): Promise<Activity> {
  return db.transaction().execute(async (trx) => {
    const activity = await requireActivity(trx, auth, id, true);
    assertCurrent(activity.version, expected);
    const { version: _v, ...fields } = patch;
    const changed = changedFields(activity, fields);
    if (Object.keys(changed).length === 0) return activity;
    await checkReferences(trx, auth, { contactId: changed.contactId, ownerId: changed.userId });
    const next: Activity = { ...activity, ...changed, updatedAt: nowIso(), version: activity.version + 1 };
    const result = await trx
      .updateTable('activities')
      .set({
        type: next.type,
        at: next.at,
        user_id: next.userId,
        contact_id: next.contactId,
        outcome: next.outcome,
        next_step: next.nextStep,
        updated_at: next.updatedAt,
        version: next.version,
      })
      .where('workspace_id', '=', auth.workspaceId)
      .where('id', '=', id)
      .where('version', '=', activity.version)
      .executeTakeFirst();
    assertUpdated(result, 'activity');
    await audit(trx, auth, next, 'update', activity);
    return (await findActivity(trx, auth.workspaceId, id)) as Activity;
  });
}

export async function deleteActivity(db: Db, auth: Auth, id: string, expected: Expected): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const activity = await requireActivity(trx, auth, id, true);
    assertCurrent(activity.version, expected);
    const result = await trx.deleteFrom('activities').where('workspace_id', '=', auth.workspaceId).where('id', '=', id).executeTakeFirst();
    if (Number(result.numDeletedRows) !== 1) throw notFound('Activity');
    await audit(trx, auth, activity, 'delete', activity);
  });
}
