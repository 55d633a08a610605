import type { ApiToken } from '../../../core/tokens/schemas.js';
import { addSeconds, nowIso } from '../../clock.js';
import type { ApiTokenTable, Db } from '../../db/database.js';
import type { Auth } from '../../http/access.js';
import { sha256 } from '../../http/crypto.js';
import { notFound } from '../../http/errors.js';
import { newId, newSecret } from '../../ids.js';
import { recordAudit } from '../audit/record.js';

const toToken = (row: ApiTokenTable): ApiToken => ({
  id: row.id,
  name: row.name,
  createdAt: row.created_at,
  lastUsedAt: row.last_used_at,
  expiresAt: row.expires_at,
});

/** Creates a personal API token; the secret is answered once and stored as a SHA-256 hash. */
export async function createToken(db: Db, auth: Auth, name: string, expiresInDays?: number) {
  const token = newSecret('qd_');
  const now = nowIso();
  const row: ApiTokenTable = {
    workspace_id: auth.workspaceId,
    id: newId(),
    user_id: auth.userId,
    name,
    token_hash: sha256(token),
    created_at: now,
    last_used_at: null,
    expires_at: expiresInDays ? addSeconds(now, expiresInDays * 86_400) : null,
    revoked_at: null,
  };
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('api_tokens').values(row).execute();
    await recordAudit(trx, {
      workspaceId: auth.workspaceId,
      actorId: auth.userId,
      entityType: 'api_token',
      entityId: row.id,
      action: 'create',
      after: toToken(row),
    });
  });
  return { ...toToken(row), token };
}

export async function listTokens(db: Db, auth: Auth) {
  const rows = await db
    .selectFrom('api_tokens')
    .selectAll()
    .where('workspace_id', '=', auth.workspaceId)
    .where('user_id', '=', auth.userId)
    .where('revoked_at', 'is', null)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return { items: rows.map(toToken), nextCursor: null };
}

export async function revokeToken(db: Db, auth: Auth, id: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('api_tokens')
      .selectAll()
      .where('workspace_id', '=', auth.workspaceId)
      .where('user_id', '=', auth.userId)
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (!row) throw notFound('Token');
    const result = await trx
      .updateTable('api_tokens')
      .set({ revoked_at: nowIso() })
      .where('workspace_id', '=', auth.workspaceId)
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw notFound('Token');
    await recordAudit(trx, {
      workspaceId: auth.workspaceId,
      actorId: auth.userId,
      entityType: 'api_token',
      entityId: id,
      action: 'delete',
      before: toToken(row),
    });
  });
}
