import type { Dependency, DependencyCreate, DependencyListQuery, DependencyPatch } from '../../../core/dependencies/schemas.js';
import { validateDependency } from '../../../core/schedule/schedule';
import { nowIso } from '../../clock.js';
import type { Db, Trx } from '../../db/database.js';
import type { Auth } from '../../http/access.js';
import { assertCurrent, assertUpdated, changedFields, type Expected } from '../../http/concurrency.js';
import { AppError, notFound, rule } from '../../http/errors.js';
import { newId } from '../../ids.js';
import { recordAudit } from '../audit/record.js';
import { requireProject } from '../projects/service.js';
import { lockPlan, nameTasks } from '../tasks/queries.js';
import { assertCanEditPlan } from '../tasks/service.js';
import { findDependency, linkBetween, listDependencies, projectLinks, summariesAmong, tasksIn } from './queries.js';

type Link = { predecessorId: string; successorId: string };

export async function listProjectDependencies(db: Db, auth: Auth, projectId: string, query: DependencyListQuery) {
  await requireProject(db, auth, projectId, 'view');
  return listDependencies(db, auth.workspaceId, projectId, query);
}

export async function getDependency(db: Db, auth: Auth, id: string): Promise<Dependency> {
  const dependency = await findDependency(db, auth.workspaceId, id);
  if (!dependency) throw notFound('Dependency');
  await requireProject(db, auth, dependency.projectId, 'view');
  return dependency;
}

/** A dependency the caller may change, read again under the plan's lock. */
async function dependencyForWrite(trx: Trx, auth: Auth, id: string): Promise<Dependency> {
  const found = await findDependency(trx, auth.workspaceId, id);
  if (!found) throw notFound('Dependency');
  assertCanEditPlan(auth, await requireProject(trx, auth, found.projectId, 'view'));
  await lockPlan(trx, auth.workspaceId, found.projectId);
  const dependency = await findDependency(trx, auth.workspaceId, id);
  if (!dependency) throw notFound('Dependency');
  return dependency;
}

/**
 * The rules of a link (SPEC §1.3, §3.1): two different tasks of the project (422), both leaf tasks or
 * milestones (422), not linked already (409), and no cycle (422, naming the cycle's tasks in order).
 */
async function checkLink(trx: Trx, workspaceId: string, projectId: string, link: Link, exceptId: string | null): Promise<void> {
  const { predecessorId, successorId } = link;
  if (predecessorId === successorId) throw rule('A task cannot depend on itself.', { taskIds: [predecessorId] });
  const ends = [predecessorId, successorId];
  const titles = await tasksIn(trx, workspaceId, projectId, ends);
  const unknown = ends.filter((id) => !titles.has(id));
  if (unknown.length > 0) throw rule('A dependency links two tasks of the same project.', { taskIds: unknown });
  const summaries = [...(await summariesAmong(trx, workspaceId, projectId, ends))];
  if (summaries.length > 0) {
    const names = summaries.map((id) => `"${titles.get(id)}"`).join(' and ');
    throw rule(
      `Dependencies link leaf tasks and milestones; ${names} ${summaries.length > 1 ? 'are summary tasks' : 'is a summary task'}.`,
      {
        taskIds: summaries,
      },
    );
  }
  const existing = await linkBetween(trx, workspaceId, projectId, predecessorId, successorId);
  if (existing && existing.id !== exceptId) {
    throw new AppError('CONFLICT', 'These two tasks are already linked in this direction.', { dependencyId: existing.id });
  }
  const links = (await projectLinks(trx, workspaceId, projectId)).filter((l) => l.id !== exceptId);
  const check = validateDependency(
    ends.map((id) => ({ id, parentId: null })),
    links,
    link,
  );
  if (!check.ok && check.code === 'CYCLE') {
    const cycle = await nameTasks(trx, workspaceId, check.taskIds);
    const path = [...cycle, cycle[0]].map((t) => t.title).join(' → ');
    throw rule(`This dependency would close a cycle: ${path}.`, { reason: 'CYCLE', cycle });
  }
}

export async function createDependency(db: Db, auth: Auth, projectId: string, input: DependencyCreate): Promise<Dependency> {
  return db.transaction().execute(async (trx) => {
    assertCanEditPlan(auth, await requireProject(trx, auth, projectId, 'view'));
    await lockPlan(trx, auth.workspaceId, projectId);
    await checkLink(trx, auth.workspaceId, projectId, input, null);
    const now = nowIso();
    const dependency: Dependency = { id: newId(), projectId, ...input, createdAt: now, updatedAt: now, version: 1 };
    await trx
      .insertInto('dependencies')
      .values({
        workspace_id: auth.workspaceId,
        id: dependency.id,
        project_id: projectId,
        predecessor_id: dependency.predecessorId,
        successor_id: dependency.successorId,
        type: dependency.type,
        lag: dependency.lag,
        created_at: now,
        updated_at: now,
        version: 1,
      })
      .execute();
    await recordAudit(trx, {
      workspaceId: auth.workspaceId,
      actorId: auth.userId,
      entityType: 'dependency',
      entityId: dependency.id,
      projectId,
      action: 'create',
      after: dependency,
    });
    return dependency;
  });
}

export async function updateDependency(db: Db, auth: Auth, id: string, patch: DependencyPatch, expected: Expected): Promise<Dependency> {
  return db.transaction().execute(async (trx) => {
    const current = await dependencyForWrite(trx, auth, id);
    assertCurrent(current.version, expected);
    const { version: _version, ...fields } = patch;
    const changed = changedFields(current, fields);
    if (Object.keys(changed).length === 0) return current;
    const next: Dependency = { ...current, ...changed, updatedAt: nowIso(), version: current.version + 1 };
    if ('predecessorId' in changed || 'successorId' in changed) await checkLink(trx, auth.workspaceId, current.projectId, next, id);
    const result = await trx
      .updateTable('dependencies')
      .set({
        predecessor_id: next.predecessorId,
        successor_id: next.successorId,
        type: next.type,
        lag: next.lag,
        updated_at: next.updatedAt,
        version: next.version,
      })
      .where('workspace_id', '=', auth.workspaceId)
      .where('id', '=', id)
      .where('version', '=', current.version)
      .executeTakeFirst();
    assertUpdated(result, 'dependency');
    await recordAudit(trx, {
      workspaceId: auth.workspaceId,
      actorId: auth.userId,
      entityType: 'dependency',
      entityId: id,
      projectId: current.projectId,
      action: 'update',
      before: current,
      after: next,
    });
    return next;
  });
}

export async function deleteDependency(db: Db, auth: Auth, id: string, expected: Expected): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const current = await dependencyForWrite(trx, auth, id);
    assertCurrent(current.version, expected);
    await trx.deleteFrom('dependencies').where('workspace_id', '=', auth.workspaceId).where('id', '=', id).execute();
    await recordAudit(trx, {
      workspaceId: auth.workspaceId,
      actorId: auth.userId,
      entityType: 'dependency',
      entityId: id,
      projectId: current.projectId,
      action: 'delete',
      before: current,
    });
  });
}
