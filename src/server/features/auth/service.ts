import type { z } from 'zod';
import type { AcceptInvitationBody, Me, MePatch, SignupBody } from '../../../core/auth/schemas.js';
import { addSeconds, nowIso } from '../../clock.js';
import type { SignupMode } from '../../config.js';
import type { Db, Trx } from '../../db/database.js';
import type { Auth } from '../../http/access.js';
import { SESSION_TTL_SECONDS } from '../../http/authenticate.js';
import { assertCurrent } from '../../http/concurrency.js';
import { sha256 } from '../../http/crypto.js';
import { AppError, notFound } from '../../http/errors.js';
import { newId, newSecret } from '../../ids.js';
import { recordAudit } from '../audit/record.js';
import { seedCalendars } from '../calendars/seed.js';
import { seedDemoProject } from '../demo/seed.js';
import { seedStages } from '../stages/seed.js';
import { findUsableInvitation } from '../users/invitations.js';
import { assertAcceptablePassword, hashPassword, verifyPassword } from './passwords.js';
import { addToWorkspace, countUsers, deleteSession, findUserByEmail, firstWorkspaceOf, insertAccount, insertSession } from './queries.js';
import { loginLimits, releaseAttempt, reserveAttempt } from './rate-limit.js';

export type NewSession = { token: string; csrfToken: string; me: Me };

async function openSession(trx: Db | Trx, userId: string, workspaceId: string): Promise<{ token: string; csrfToken: string }> {
  const token = newSecret();
  const csrfToken = newSecret();
  const now = nowIso();
  await insertSession(trx, { id: sha256(token), userId, workspaceId, csrfToken, now, expiresAt: addSeconds(now, SESSION_TTL_SECONDS) });
  return { token, csrfToken };
}

export async function setupState(db: Db, signupMode: SignupMode) {
  return { needsSetup: (await countUsers(db)) === 0, signupMode };
}

/** Creates the owner, the workspace (with its calendars) and, when asked, the demo project. */
export async function signup(db: Db, signupMode: SignupMode, input: z.infer<typeof SignupBody>): Promise<NewSession> {
  const closed = () => new AppError('FORBIDDEN', 'Sign-up is closed on this server; ask a workspace admin for an invitation.');
  if (signupMode !== 'open' && (await countUsers(db)) > 0) throw closed();
  assertAcceptablePassword(input.password, input);
  const passwordHash = await hashPassword(input.password);
  return db.transaction().execute(async (trx) => {
    if (signupMode !== 'open' && (await countUsers(trx)) > 0) throw closed();
    if (await findUserByEmail(trx, input.email))
      throw new AppError('CONFLICT', 'An account with this e-mail already exists; sign in instead.');
    const now = nowIso();
    const workspaceId = newId();
    const userId = newId();
    await trx.insertInto('workspaces').values({ id: workspaceId, name: input.workspaceName, created_at: now }).execute();
    await insertAccount(trx, {
      id: userId,
      email: input.email,
      name: input.name,
      passwordHash,
      locale: input.locale,
      timeZone: input.timeZone,
      now,
    });
    await addToWorkspace(trx, workspaceId, userId, 'owner', now);
    await recordAudit(trx, {
      workspaceId,
      actorId: userId,
      entityType: 'workspace',
      entityId: workspaceId,
      action: 'create',
      after: { name: input.workspaceName },
    });
    const calendars = await seedCalendars(trx, workspaceId, input.locale);
    await seedStages(trx, workspaceId, input.locale);
    if (input.demo)
      await seedDemoProject(trx, {
        workspaceId,
        ownerId: userId,
        locale: input.locale,
        timeZone: input.timeZone,
        calendarId: calendars.china,
      });
    const session = await openSession(trx, userId, workspaceId);
    return { ...session, me: await loadMe(trx, { userId, workspaceId }) };
  });
}

export async function login(db: Db, email: string, password: string, ip: string): Promise<NewSession> {
  const limits = loginLimits(email, ip);
  await reserveAttempt(db, limits, Date.now());
  const user = await findUserByEmail(db, email);
  const ok = await verifyPassword(user?.password_hash ?? null, password);
  const membership = user && ok ? await firstWorkspaceOf(db, user.id) : undefined;
  if (!user || !ok || !membership) throw new AppError('UNAUTHENTICATED', 'Wrong e-mail or password.');
  await releaseAttempt(db, limits);
  const session = await openSession(db, user.id, membership.workspace_id);
  return { ...session, me: await loadMe(db, { userId: user.id, workspaceId: membership.workspace_id }) };
}

export async function logout(db: Db, auth: Auth): Promise<void> {
  if (auth.sessionId) await deleteSession(db, auth.sessionId);
}

export async function loadMe(db: Db | Trx, auth: Pick<Auth, 'userId' | 'workspaceId'>): Promise<Me> {
  const row = await db
    .selectFrom('users as u')
    .innerJoin('workspace_users as wu', 'wu.user_id', 'u.id')
    .innerJoin('workspaces as w', 'w.id', 'wu.workspace_id')
    .select([
      'u.id',
      'u.email',
      'u.name',
      'u.locale',
      'u.time_zone',
      'u.version',
      'w.id as workspace_id',
      'w.name as workspace_name',
      'wu.role',
    ])
    .where('u.id', '=', auth.userId)
    .where('wu.workspace_id', '=', auth.workspaceId)
    .executeTakeFirst();
  if (!row) throw notFound('User');
  return {
    user: {
      id: row.id,
      email: row.email,
      name: row.name,
      locale: row.locale as Me['user']['locale'],
      timeZone: row.time_zone,
      version: row.version,
    },
    workspace: { id: row.workspace_id, name: row.workspace_name },
    role: row.role as Me['role'],
  };
}

/** The user's own name, language and time zone. */
export async function updateMe(db: Db, auth: Auth, patch: z.infer<typeof MePatch>): Promise<Me> {
  return db.transaction().execute(async (trx) => {
    const me = await loadMe(trx, auth);
    assertCurrent(me.user.version, { version: patch.version });
    const next = { name: patch.name ?? me.user.name, locale: patch.locale ?? me.user.locale, timeZone: patch.timeZone ?? me.user.timeZone };
    const changed = next.name !== me.user.name || next.locale !== me.user.locale || next.timeZone !== me.user.timeZone;
    if (!changed) return me;
    const result = await trx
      .updateTable('users')
      .set({ name: next.name, locale: next.locale, time_zone: next.timeZone, version: me.user.version + 1 })
      .where('id', '=', auth.userId)
      .where('version', '=', me.user.version)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw new AppError('STALE_VERSION', 'Changed meanwhile; reload and try again.');
    await recordAudit(trx, {
      workspaceId: auth.workspaceId,
      actorId: auth.userId,
      entityType: 'user',
      entityId: auth.userId,
      action: 'update',
      before: { name: me.user.name, locale: me.user.locale, timeZone: me.user.timeZone },
      after: next,
    });
    return loadMe(trx, auth);
  });
}

export async function changePassword(db: Db, auth: Auth, currentPassword: string, newPassword: string): Promise<void> {
  const user = await db.selectFrom('users').selectAll().where('id', '=', auth.userId).executeTakeFirstOrThrow();
  if (!(await verifyPassword(user.password_hash, currentPassword))) throw new AppError('RULE_VIOLATION', 'The current password is wrong.');
  assertAcceptablePassword(newPassword, user);
  const passwordHash = await hashPassword(newPassword);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', auth.userId).execute();
    // Every other session of this user ends; this one stays.
    let others = trx.deleteFrom('sessions').where('user_id', '=', auth.userId);
    if (auth.sessionId) others = others.where('id', '!=', auth.sessionId);
    await others.execute();
    await recordAudit(trx, {
      workspaceId: auth.workspaceId,
      actorId: auth.userId,
      entityType: 'user',
      entityId: auth.userId,
      action: 'update',
      after: { password: 'changed' },
    });
  });
}

/** A new account joins the inviting workspace with the invitation's role. */
/**
 * Joins the inviting workspace with the invitation's role: a new account, or an account that was
 * removed from its workspace and comes back (it proves itself with its password). An account that
 * belongs to a workspace already answers 409.
 */
export async function acceptInvitation(db: Db, input: z.infer<typeof AcceptInvitationBody>): Promise<NewSession> {
  // A dead link costs no password hashing.
  await findUsableInvitation(db, input.token);
  const existing = await findUserByEmail(db, input.email);
  if (existing && (await firstWorkspaceOf(db, existing.id))) {
    throw new AppError('CONFLICT', 'An account with this e-mail already exists.');
  }
  if (existing && !(await verifyPassword(existing.password_hash, input.password))) {
    throw new AppError('UNAUTHENTICATED', 'An account with this e-mail exists: enter its password to rejoin.');
  }
  if (!existing) assertAcceptablePassword(input.password, input);
  const passwordHash = existing ? null : await hashPassword(input.password);
  return db.transaction().execute(async (trx) => {
    const invitation = await findUsableInvitation(trx, input.token);
    if (invitation.email && invitation.email !== input.email) {
      throw new AppError('RULE_VIOLATION', 'This invitation is for another e-mail address.');
    }
    const now = nowIso();
    const userId = existing?.id ?? newId();
    if (!existing) {
      if (await findUserByEmail(trx, input.email)) throw new AppError('CONFLICT', 'An account with this e-mail already exists.');
      await insertAccount(trx, {
        id: userId,
        email: input.email,
        name: input.name,
        passwordHash,
        locale: input.locale,
        timeZone: input.timeZone,
        now,
      });
    }
    await addToWorkspace(trx, invitation.workspace_id, userId, invitation.role, now);
    const claimed = await trx
      .updateTable('invitations')
      .set({ accepted_at: now, accepted_by: userId })
      .where('workspace_id', '=', invitation.workspace_id)
      .where('id', '=', invitation.id)
      .where('accepted_at', 'is', null)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    // Accepted or revoked meanwhile by a concurrent request: this account is not created.
    if (Number(claimed.numUpdatedRows) !== 1) throw notFound('Invitation');
    await recordAudit(trx, {
      workspaceId: invitation.workspace_id,
      actorId: userId,
      entityType: 'user',
      entityId: userId,
      action: 'create',
      after: {
        name: existing?.name ?? input.name,
        email: input.email,
        role: invitation.role,
        invitationId: invitation.id,
        rejoined: Boolean(existing),
      },
    });
    const session = await openSession(trx, userId, invitation.workspace_id);
    return { ...session, me: await loadMe(trx, { userId, workspaceId: invitation.workspace_id }) };
  });
}
