import type { z } from 'zod';
import type { CreatedInvitation, Invitation, InvitationCreate } from '../../../core/users/schemas.js';
import { addSeconds, nowIso } from '../../clock.js';
import type { Db, InvitationTable, Trx } from '../../db/database.js';
import type { Auth } from '../../http/access.js';
import { sha256 } from '../../http/crypto.js';
import { AppError, notFound } from '../../http/errors.js';
import { newId, newSecret } from '../../ids.js';
import { recordAudit } from '../audit/record.js';

const toInvitation = (row: InvitationTable): Invitation => ({
  id: row.id,
  role: row.role as Invitation['role'],
  email: row.email,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
  createdBy: row.created_by,
});

/** The invitation behind a link, if it is neither used, revoked nor expired. */
export async function findUsableInvitation(db: Db | Trx, token: string): Promise<InvitationTable> {
  const row = await db.selectFrom('invitations').selectAll().where('token_hash', '=', sha256(token)).executeTakeFirst();
  if (!row || row.revoked_at || row.accepted_at) throw notFound('Invitation');
  if (row.expires_at <= nowIso()) throw new AppError('RULE_VIOLATION', 'This invitation has expired; ask for a new one.');
  return row;
}

export async function previewInvitation(db: Db, token: string) {
  const row = await findUsableInvitation(db, token);
  const workspace = await db.selectFrom('workspaces').select('name').where('id', '=', row.workspace_id).executeTakeFirstOrThrow();
  return { workspaceName: workspace.name, role: row.role as Invitation['role'], email: row.email, expiresAt: row.expires_at };
}

export async function createInvitation(
  db: Db,
  auth: Auth,
  input: z.infer<typeof InvitationCreate>,
  baseUrl: string,
): Promise<z.infer<typeof CreatedInvitation>> {
  const token = newSecret();
  const now = nowIso();
  const row: InvitationTable = {
    workspace_id: auth.workspaceId,
    id: newId(),
    token_hash: sha256(token),
    email: input.email?.toLowerCase() ?? null,
    role: input.role,
    created_by: auth.userId,
    created_at: now,
    expires_at: addSeconds(now, input.expiresInDays * 86_400),
    accepted_at: null,
    accepted_by: null,
    revoked_at: null,
  };
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('invitations').values(row).execute();
    await recordAudit(trx, {
      workspaceId: auth.workspaceId,
      actorId: auth.userId,
      entityType: 'invitation',
      entityId: row.id,
      action: 'create',
      after: toInvitation(row),
    });
  });
  return { ...toInvitation(row), token, url: `${baseUrl}/invite/${token}` };
}

export async function listInvitations(db: Db, auth: Auth) {
  const rows = await db
    .selectFrom('invitations')
    .selectAll()
    .where('workspace_id', '=', auth.workspaceId)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', nowIso())
    .orderBy('created_at', 'desc')
    .execute();
  return { items: rows.map(toInvitation), nextCursor: null };
}

export async function revokeInvitation(db: Db, auth: Auth, id: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('invitations')
      .selectAll()
      .where('workspace_id', '=', auth.workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row || row.revoked_at || row.accepted_at) throw notFound('Invitation');
    const result = await trx
      .updateTable('invitations')
      .set({ revoked_at: nowIso() })
      .where('workspace_id', '=', auth.workspaceId)
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .where('accepted_at', 'is', null)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw notFound('Invitation');
    await recordAudit(trx, {
      workspaceId: auth.workspaceId,
      actorId: auth.userId,
      entityType: 'invitation',
      entityId: id,
      action: 'delete',
      before: toInvitation(row),
    });
  });
}
