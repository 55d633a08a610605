import type { ProjectRole } from '../../../core/members/schemas.js';
import type { Project, ProjectCreate, ProjectListQuery, ProjectPatch } from '../../../core/projects/schemas.js';
import { nowIso } from '../../clock.js';
import type { Db, ProjectTable, Trx } from '../../db/database.js';
import { readThrough } from '../../db/read-through.js';
import type { Auth } from '../../http/access.js';
import { assertCurrent, assertUpdated, changedFields, type Expected } from '../../http/concurrency.js';
import { forbidden, notFound, rule } from '../../http/errors.js';
import { newId } from '../../ids.js';
import { recordAudit } from '../audit/record.js';
import { canCreateProject, canManageProject, canViewProject } from './policy.js';
import { calendarExists, findProjectWithRole, listProjects, toProject } from './queries.js';

export type ProjectAccess = { row: ProjectTable; projectRole: ProjectRole | null };

/** Loads a project of the caller's workspace that the caller may view (or manage): else 404 / 403. */
export async function requireProject(db: Db | Trx, auth: Auth, id: string, need: 'view' | 'manage'): Promise<ProjectAccess> {
  // Every project-scoped request starts here: reused until anything is written.
  const found = await readThrough(db, JSON.stringify(['project', auth.workspaceId, id, auth.userId]), () =>
    findProjectWithRole(db, auth.workspaceId, id, auth.userId),
  );
  if (!found) throw notFound('Project');
  const { row } = found;
  const projectRole = (found.projectRole ?? null) as ProjectRole | null;
  if (!canViewProject(auth, projectRole)) throw notFound('Project');
  if (need === 'manage' && !canManageProject(auth, projectRole)) {
    throw forbidden('Only the project managers and workspace admins can change this project.');
  }
  return { row, projectRole };
}

function checkDates(startDate: string, endDate: string): void {
  if (endDate < startDate) throw rule('The end date must not be before the start date.', { startDate, endDate });
}

async function checkCalendar(db: Db | Trx, workspaceId: string, calendarId: string | null | undefined): Promise<void> {
  if (calendarId && !(await calendarExists(db, workspaceId, calendarId))) {
    throw rule('This calendar does not exist in the workspace.', { calendarId });
  }
}

export async function getProject(db: Db, auth: Auth, id: string): Promise<Project> {
  return toProject((await requireProject(db, auth, id, 'view')).row);
}

export function listProjectsFor(db: Db, auth: Auth, query: ProjectListQuery) {
  return listProjects(db, auth.workspaceId, query, auth.role === 'guest' ? auth.userId : null);
}

/** Creates a project; its creator joins it as a manager. */
export async function createProject(db: Db, auth: Auth, input: ProjectCreate): Promise<Project> {
  if (!canCreateProject(auth)) throw forbidden('Guests cannot create projects.');
  checkDates(input.startDate, input.endDate);
  return db.transaction().execute(async (trx) => {
    await checkCalendar(trx, auth.workspaceId, input.calendarId);
    const now = nowIso();
    const row: ProjectTable = {
      workspace_id: auth.workspaceId,
      id: newId(),
      name: input.name,
      description: input.description,
      status: input.status,
      methodology: input.methodology,
      start_date: input.startDate,
      end_date: input.endDate,
      currency: input.currency,
      calendar_id: input.calendarId,
      archived_at: null,
      created_at: now,
      updated_at: now,
      version: 1,
    };
    await trx.insertInto('projects').values(row).execute();
    const project = toProject(row);
    await recordAudit(trx, {
      workspaceId: auth.workspaceId,
      actorId: auth.userId,
      entityType: 'project',
      entityId: row.id,
      projectId: row.id,
      action: 'create',
      after: project,
    });
    const member = {
      workspace_id: auth.workspaceId,
      id: newId(),
      project_id: row.id,
      user_id: auth.userId,
      role: 'manager',
      responsibilities: '',
      capacity_hours_per_week: 40,
      cost_rate: 0,
      created_at: now,
      version: 1,
    };
    await trx.insertInto('project_members').values(member).execute();
    await recordAudit(trx, {
      workspaceId: auth.workspaceId,
      actorId: auth.userId,
      entityType: 'member',
      entityId: member.id,
      projectId: row.id,
      action: 'create',
      after: { userId: auth.userId, role: 'manager' },
    });
    return project;
  });
}

export async function updateProject(db: Db, auth: Auth, id: string, patch: ProjectPatch, expected: Expected): Promise<Project> {
  return db.transaction().execute(async (trx) => {
    const { row } = await requireProject(trx, auth, id, 'manage');
    const before = toProject(row);
    assertCurrent(row.version, expected);
    const { archived, version: _version, ...fields } = patch;
    const wanted: Partial<Project> = { ...fields };
    if (archived !== undefined && archived !== (row.archived_at !== null)) wanted.archivedAt = archived ? nowIso() : null;
    const changed = changedFields(before, wanted);
    if (Object.keys(changed).length === 0) return before;
    const next: Project = { ...before, ...changed, updatedAt: nowIso(), version: row.version + 1 };
    checkDates(next.startDate, next.endDate);
    if ('calendarId' in changed) await checkCalendar(trx, auth.workspaceId, next.calendarId);
    const result = await trx
      .updateTable('projects')
      .set({
        name: next.name,
        description: next.description,
        status: next.status,
        methodology: next.methodology,
        start_date: next.startDate,
        end_date: next.endDate,
        currency: next.currency,
        calendar_id: next.calendarId,
        archived_at: next.archivedAt,
        updated_at: next.updatedAt,
        version: next.version,
      })
      .where('workspace_id', '=', auth.workspaceId)
      .where('id', '=', id)
      .where('version', '=', row.version)
      .executeTakeFirst();
    assertUpdated(result, 'project');
    await recordAudit(trx, {
      workspaceId: auth.workspaceId,
      actorId: auth.userId,
      entityType: 'project',
      entityId: id,
      projectId: id,
      action: 'update',
      before,
      after: next,
    });
    return next;
  });
}

export async function deleteProject(db: Db, auth: Auth, id: string, expected: Expected): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const { row } = await requireProject(trx, auth, id, 'manage');
    assertCurrent(row.version, expected);
    const result = await trx.deleteFrom('projects').where('workspace_id', '=', auth.workspaceId).where('id', '=', id).executeTakeFirst();
    // Deleted meanwhile by a concurrent request: that one answered 204 and wrote the audit row.
    if (Number(result.numDeletedRows) !== 1) throw notFound('Project');
    await recordAudit(trx, {
      workspaceId: auth.workspaceId,
      actorId: auth.userId,
      entityType: 'project',
      entityId: id,
      projectId: id,
      action: 'delete',
      before: toProject(row),
    });
  });
}
