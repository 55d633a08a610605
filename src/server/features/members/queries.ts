import type { Member } from '../../../core/members/schemas.js';
import type { Db, Trx } from '../../db/database.js';

const memberSelect = (db: Db | Trx, workspaceId: string) =>
  db
    .selectFrom('project_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select([
      'm.id',
      'm.project_id',
      'm.user_id',
      'u.name as user_name',
      'u.email as user_email',
      'm.role',
      'm.responsibilities',
      'm.capacity_hours_per_week',
      'm.cost_rate',
      'm.created_at',
      'm.version',
    ])
    .where('m.workspace_id', '=', workspaceId);

type MemberRow = Awaited<ReturnType<ReturnType<typeof memberSelect>['executeTakeFirstOrThrow']>>;

export const toMember = (row: MemberRow): Member => ({
  id: row.id,
  projectId: row.project_id,
  userId: row.user_id,
  userName: row.user_name,
  userEmail: row.user_email,
  role: row.role as Member['role'],
  responsibilities: row.responsibilities,
  capacityHoursPerWeek: Number(row.capacity_hours_per_week),
  costRate: Number(row.cost_rate),
  createdAt: row.created_at,
  version: row.version,
});

export async function listMembers(db: Db, workspaceId: string, projectId: string): Promise<Member[]> {
  const rows = await memberSelect(db, workspaceId).where('m.project_id', '=', projectId).orderBy('m.created_at').orderBy('m.id').execute();
  return rows.map(toMember);
}

export async function findMember(db: Db | Trx, workspaceId: string, id: string): Promise<Member | undefined> {
  const row = await memberSelect(db, workspaceId).where('m.id', '=', id).executeTakeFirst();
  return row && toMember(row);
}

export async function isWorkspaceUser(db: Db | Trx, workspaceId: string, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('workspace_users')
    .select('user_id')
    .where('workspace_id', '=', workspaceId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Boolean(row);
}

export async function countManagers(db: Db | Trx, workspaceId: string, projectId: string): Promise<number> {
  const row = await db
    .selectFrom('project_members')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('workspace_id', '=', workspaceId)
    .where('project_id', '=', projectId)
    .where('role', '=', 'manager')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
