import type { Member, MemberCreate, MemberPatch } from '../../../core/members/schemas.js';
import { nowIso } from '../../clock.js';
import type { Db } from '../../db/database.js';
import type { Auth } from '../../http/access.js';
import { assertCurrent, assertUpdated, changedFields, type Expected } from '../../http/concurrency.js';
import { AppError, notFound, rule } from '../../http/errors.js';
import { newId } from '../../ids.js';
import { recordAudit } from '../audit/record.js';
import { lockProject } from '../projects/queries.js';
import { requireProject } from '../projects/service.js';
import { countManagers, findMember, isWorkspaceUser, listMembers } from './queries.js';

const audited = ({ userName: _n, userEmail: _e, ...member }: Member) => member;

export async function listProjectMembers(db: Db, auth: Auth, projectId: string) {
  await requireProject(db, auth, projectId, 'view');
  return { items: await listMembers(db, auth.workspaceId, projectId), nextCursor: null };
}

export async function getMember(db: Db, auth: Auth, id: string): Promise<Member> {
  const member = await findMember(db, auth.workspaceId, id);
  if (!member) throw notFound('Member');
  await requireProject(db, auth, member.projectId, 'view');
  return member;
}

export async function addMember(db: Db, auth: Auth, projectId: string, input: MemberCreate): Promise<Member> {
  return db.transaction().execute(async (trx) => {
    await requireProject(trx, auth, projectId, 'manage');
    if (!(await isWorkspaceUser(trx, auth.workspaceId, input.userId)))
      throw rule('This user is not in the workspace.', { userId: input.userId });
    const existing = await trx
      .selectFrom('project_members')
      .select('id')
      .where('workspace_id', '=', auth.workspaceId)
      .where('project_id', '=', projectId)
      .where('user_id', '=', input.userId)
      .executeTakeFirst();
    if (existing) throw new AppError('CONFLICT', 'This user is already a member of the project.', { memberId: existing.id });
    const id = newId();
    await trx
      .insertInto('project_members')
      .values({
        workspace_id: auth.workspaceId,
        id,
        project_id: projectId,
        user_id: input.userId,
        role: input.role,
        responsibilities: input.responsibilities,
        capacity_hours_per_week: input.capacityHoursPerWeek,
        cost_rate: input.costRate,
        created_at: nowIso(),
        version: 1,
      })
      .execute();
    const member = (await findMember(trx, auth.workspaceId, id)) as Member;
    await recordAudit(trx, {
      workspaceId: auth.workspaceId,
      actorId: auth.userId,
      entityType: 'member',
      entityId: id,
      projectId,
      action: 'create',
      after: audited(member),
    });
    return member;
  });
}

export async function updateMember(db: Db, auth: Auth, id: string, patch: MemberPatch, expected: Expected): Promise<Member> {
  return db.transaction().execute(async (trx) => {
    const found = await findMember(trx, auth.workspaceId, id);
    if (!found) throw notFound('Member');
    await lockProject(trx, auth.workspaceId, found.projectId);
    const member = await findMember(trx, auth.workspaceId, id);
    if (!member) throw notFound('Member');
    await requireProject(trx, auth, member.projectId, 'manage');
    assertCurrent(member.version, expected);
    const { version: _v, ...fields } = patch;
    const changed = changedFields(member, fields);
    if (Object.keys(changed).length === 0) return member;
    if (member.role === 'manager' && changed.role && (await countManagers(trx, auth.workspaceId, member.projectId)) <= 1) {
      throw rule('A project keeps at least one manager; make someone else manager first.');
    }
    const next: Member = { ...member, ...changed, version: member.version + 1 };
    const result = await trx
      .updateTable('project_members')
      .set({
        role: next.role,
        responsibilities: next.responsibilities,
        capacity_hours_per_week: next.capacityHoursPerWeek,
        cost_rate: next.costRate,
        version: next.version,
      })
      .where('workspace_id', '=', auth.workspaceId)
      .where('id', '=', id)
      .where('version', '=', member.version)
      .executeTakeFirst();
    assertUpdated(result, 'member');
    await recordAudit(trx, {
      workspaceId: auth.workspaceId,
      actorId: auth.userId,
      entityType: 'member',
      entityId: id,
      projectId: member.projectId,
      action: 'update',
      before: audited(member),
      after: audited(next),
    });
    return next;
  });
}

export async function removeMember(db: Db, auth: Auth, id: string, expected: Expected): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const found = await findMember(trx, auth.workspaceId, id);
    if (!found) throw notFound('Member');
    await lockProject(trx, auth.workspaceId, found.projectId);
    const member = await findMember(trx, auth.workspaceId, id);
    if (!member) throw notFound('Member');
    await requireProject(trx, auth, member.projectId, 'manage');
    assertCurrent(member.version, expected);
    if (member.role === 'manager' && (await countManagers(trx, auth.workspaceId, member.projectId)) <= 1) {
      throw rule('A project keeps at least one manager; make someone else manager first.');
    }
    const result = await trx
      .deleteFrom('project_members')
      .where('workspace_id', '=', auth.workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
    if (Number(result.numDeletedRows) !== 1) throw notFound('Member');
    await recordAudit(trx, {
      workspaceId: auth.workspaceId,
      actorId: auth.userId,
      entityType: 'member',
      entityId: id,
      projectId: member.projectId,
      action: 'delete',
      before: audited(member),
    });
  });
}
