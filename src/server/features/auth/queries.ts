import type { WorkspaceRole } from '../../../core/auth/schemas.js';
import type { Db, Trx } from '../../db/database.js';
import { prepared } from '../../db/prepared.js';

export type SessionRow = {
  sessionId: string;
  userId: string;
  workspaceId: string;
  role: WorkspaceRole;
  csrfToken: string;
  expiresAt: string;
  lastSeenAt: string;
};

const sessionQuery = prepared((db, sessionId: string) =>
  db
    .selectFrom('sessions as s')
    .innerJoin('workspace_users as wu', (j) => j.onRef('wu.workspace_id', '=', 's.workspace_id').onRef('wu.user_id', '=', 's.user_id'))
    .select(['s.id', 's.user_id', 's.workspace_id', 'wu.role', 's.csrf_token', 's.expires_at', 's.last_seen_at'])
    .where('s.id', '=', sessionId),
);

/** The session and the caller's workspace role (every signed-in request starts here: a prepared query). */
export async function findSession(db: Db, sessionId: string): Promise<SessionRow | undefined> {
  const [row] = await sessionQuery(db, sessionId);
  return (
    row && {
      sessionId: row.id,
      userId: row.user_id,
      workspaceId: row.workspace_id,
      role: row.role as WorkspaceRole,
      csrfToken: row.csrf_token,
      expiresAt: row.expires_at,
      lastSeenAt: row.last_seen_at,
    }
  );
}

export async function insertSession(
  db: Db | Trx,
  s: { id: string; userId: string; workspaceId: string; csrfToken: string; now: string; expiresAt: string },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      id: s.id,
      user_id: s.userId,
      workspace_id: s.workspaceId,
      csrf_token: s.csrfToken,
      created_at: s.now,
      expires_at: s.expiresAt,
      last_seen_at: s.now,
    })
    .execute();
}

export async function touchSession(db: Db, sessionId: string, now: string, expiresAt: string): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: now, expires_at: expiresAt }).where('id', '=', sessionId).execute();
}

export async function deleteSession(db: Db, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

const tokenQuery = prepared((db, tokenHash: string) =>
  db
    .selectFrom('api_tokens as t')
    .innerJoin('workspace_users as wu', (j) => j.onRef('wu.workspace_id', '=', 't.workspace_id').onRef('wu.user_id', '=', 't.user_id'))
    .select(['t.id', 't.user_id', 't.workspace_id', 'wu.role', 't.expires_at', 't.revoked_at', 't.last_used_at'])
    .where('t.token_hash', '=', tokenHash),
);

/** The API token and its user's workspace role (every token request starts here: a prepared query). */
export async function findTokenAuth(db: Db, tokenHash: string) {
  const [row] = await tokenQuery(db, tokenHash);
  return row;
}

export async function markTokenUsed(db: Db, workspaceId: string, id: string, now: string): Promise<void> {
  await db.updateTable('api_tokens').set({ last_used_at: now }).where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
}

export async function findUserByEmail(db: Db | Trx, email: string) {
  return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
}

/** The workspace a user signs in to: the first they joined. */
export async function firstWorkspaceOf(db: Db | Trx, userId: string) {
  return db
    .selectFrom('workspace_users')
    .select(['workspace_id', 'role'])
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .orderBy('workspace_id')
    .executeTakeFirst();
}

export async function countUsers(db: Db | Trx): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export type NewAccount = {
  id: string;
  email: string;
  name: string;
  passwordHash: string | null;
  locale: string;
  timeZone: string;
  now: string;
};

/** A user account (global: one e-mail, one account). */
export async function insertAccount(trx: Trx, account: NewAccount): Promise<void> {
  await trx
    .insertInto('users')
    .values({
      id: account.id,
      email: account.email,
      name: account.name,
      password_hash: account.passwordHash,
      locale: account.locale,
      time_zone: account.timeZone,
      created_at: account.now,
      version: 1,
    })
    .execute();
}

/** Makes a user a member of a workspace with a role. */
export async function addToWorkspace(trx: Trx, workspaceId: string, userId: string, role: string, now: string): Promise<void> {
  await trx.insertInto('workspace_users').values({ workspace_id: workspaceId, user_id: userId, role, created_at: now }).execute();
}
