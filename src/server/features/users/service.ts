import { sql } from 'kysely';
import type { WorkspaceRole } from '../../../core/auth/schemas.js';
import type { WorkspaceUser } from '../../../core/users/schemas.js';
import type { Db, Trx } from '../../db/database.js';
import type { Auth } from '../../http/access.js';
import { forbidden, notFound, rule } from '../../http/errors.js';
import { recordAudit } from '../audit/record.js';

const userSelect = (db: Db | Trx, workspaceId: string) =>
  db
    .selectFrom('workspace_users as wu')
    .innerJoin('users as u', 'u.id', 'wu.user_id')
    .select(['u.id', 'u.email', 'u.name', 'wu.role', 'u.locale', 'u.time_zone', 'wu.created_at'])
    .where('wu.workspace_id', '=', workspaceId);

type UserRow = Awaited<ReturnType<ReturnType<typeof userSelect>['executeTakeFirstOrThrow']>>;
const toUser = (row: UserRow): WorkspaceUser => ({
  id: row.id,
  email: row.email,
  name: row.name,
  role: row.role as WorkspaceRole,
  locale: row.locale as WorkspaceUser['locale'],
  timeZone: row.time_zone,
  joinedAt: row.created_at,
});

export async function listUsers(db: Db, auth: Auth) {
  const rows = await userSelect(db, auth.workspaceId).orderBy('u.name').orderBy('u.id').execute();
  return { items: rows.map(toUser), nextCursor: null };
}

export async function getUser(db: Db | Trx, auth: Auth, id: string): Promise<WorkspaceUser> {
  const row = await userSelect(db, auth.workspaceId).where('u.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('User');
  return toUser(row);
}

async function countOwners(trx: Trx, workspaceId: string): Promise<number> {
  const row = await trx
    .selectFrom('workspace_users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('workspace_id', '=', workspaceId)
    .where('role', '=', 'owner')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Serializes role changes and removals within a workspace (a no-op write takes the workspace row's
 * lock on PostgreSQL; SQLite runs one write transaction at a time anyway), so that two owners stepping
 * down at the same time cannot both pass the last-owner check.
 */
async function lockWorkspace(trx: Trx, workspaceId: string): Promise<void> {
  await trx.updateTable('workspaces').set({ name: sql<string>`name` }).where('id', '=', workspaceId).execute();
}

/** Owners manage owners; admins manage everyone else; the last owner stays an owner. */
function assertMayChange(auth: Auth, target: WorkspaceUser, newRole: WorkspaceRole | null): void {
  const touchesOwner = target.role === 'owner' || newRole === 'owner';
  if (touchesOwner && auth.role !== 'owner') throw forbidden('Only an owner can grant or take away the owner role.');
}

export async function changeUserRole(db: Db, auth: Auth, id: string, role: WorkspaceRole): Promise<WorkspaceUser> {
  return db.transaction().execute(async (trx) => {
    await lockWorkspace(trx, auth.workspaceId);
    const target = await getUser(trx, auth, id);
    if (target.role === role) return target;
    assertMayChange(auth, target, role);
    if (target.role === 'owner' && (await countOwners(trx, auth.workspaceId)) <= 1) throw rule('The workspace keeps at least one owner.');
    await trx.updateTable('workspace_users').set({ role }).where('workspace_id', '=', auth.workspaceId).where('user_id', '=', id).execute();
    await recordAudit(trx, {
      workspaceId: auth.workspaceId,
      actorId: auth.userId,
      entityType: 'workspace_user',
      entityId: id,
      action: 'update',
      before: { role: target.role },
      after: { role },
    });
    return { ...target, role };
  });
}

/** Takes a user out of the workspace: their sessions, tokens and project memberships go with it. */
export async function removeUser(db: Db, auth: Auth, id: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await lockWorkspace(trx, auth.workspaceId);
    const target = await getUser(trx, auth, id);
    assertMayChange(auth, target, null);
    if (target.role === 'owner' && (await countOwners(trx, auth.workspaceId)) <= 1) throw rule('The workspace keeps at least one owner.');
    const orphans = await projectsOnlyManagedBy(trx, auth.workspaceId, id);
    if (orphans.length > 0) {
      throw rule(
        `${target.name} is the only manager of ${orphans.map((p) => `"${p.name}"`).join(', ')}; make someone else manager first.`,
        {
          projects: orphans,
        },
      );
    }
    await trx.deleteFrom('workspace_users').where('workspace_id', '=', auth.workspaceId).where('user_id', '=', id).execute();
    await recordAudit(trx, {
      workspaceId: auth.workspaceId,
      actorId: auth.userId,
      entityType: 'workspace_user',
      entityId: id,
      action: 'delete',
      before: target,
    });
  });
}

/** Projects whose only manager is this user (removing the user would leave them unmanaged). */
async function projectsOnlyManagedBy(trx: Trx, workspaceId: string, userId: string) {
  return trx
    .selectFrom('project_members as m')
    .innerJoin('projects as p', (j) => j.onRef('p.workspace_id', '=', 'm.workspace_id').onRef('p.id', '=', 'm.project_id'))
    .select(['p.id', 'p.name'])
    .where('m.workspace_id', '=', workspaceId)
    .where('m.user_id', '=', userId)
    .where('m.role', '=', 'manager')
    .where((eb) =>
      eb(
        eb
          .selectFrom('project_members as other')
          .select((o) => o.fn.countAll<number>().as('n'))
          .whereRef('other.workspace_id', '=', 'm.workspace_id')
          .whereRef('other.project_id', '=', 'm.project_id')
          .where('other.role', '=', 'manager'),
        '=',
        1,
      ),
    )
    .orderBy('p.name')
    .execute();
}
