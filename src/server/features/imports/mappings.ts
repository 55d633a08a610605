import type { SavedMapping, SavedMappingPut } from '../../../core/imports/schemas.js';
import { nowIso } from '../../clock.js';
import type { Db } from '../../db/database.js';
import type { Auth } from '../../http/access.js';
import { assertCustomersAccess } from '../accounts/service.js';
import { recordAudit } from '../audit/record.js';

/** The workspace's saved mapping for a kind and preset (empty when none). Workspace members only, like customers. */
export async function getSavedMapping(
  db: Db,
  auth: Auth,
  kind: SavedMapping['kind'],
  preset: SavedMapping['preset'],
): Promise<SavedMapping> {
  assertCustomersAccess(auth);
  const row = await db
    .selectFrom('import_mappings')
    .select(['mapping', 'updated_at'])
    .where('workspace_id', '=', auth.workspaceId)
    .where('kind', '=', kind)
    .where('preset', '=', preset)
    .executeTakeFirst();
  return { kind, preset, mapping: row ? (JSON.parse(row.mapping) as Record<string, unknown>) : {}, updatedAt: row?.updated_at ?? null };
}

/** Saves (replaces) the workspace's mapping for a kind and preset, with an audit row. */
export async function putSavedMapping(db: Db, auth: Auth, input: SavedMappingPut): Promise<SavedMapping> {
  assertCustomersAccess(auth);
  return db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('import_mappings')
      .select('mapping')
      .where('workspace_id', '=', auth.workspaceId)
      .where('kind', '=', input.kind)
      .where('preset', '=', input.preset)
      .executeTakeFirst();
    const now = nowIso();
    const mapping = JSON.stringify(input.mapping);
    await trx
      .insertInto('import_mappings')
      .values({ workspace_id: auth.workspaceId, kind: input.kind, preset: input.preset, mapping, updated_at: now, updated_by: auth.userId })
      .onConflict((oc) => oc.columns(['workspace_id', 'kind', 'preset']).doUpdateSet({ mapping, updated_at: now, updated_by: auth.userId }))
      .execute();
    await recordAudit(trx, {
      workspaceId: auth.workspaceId,
      actorId: auth.userId,
      entityType: 'import-mapping',
      entityId: `${input.kind}:${input.preset}`,
      action: before ? 'update' : 'create',
      before: before ? { mapping: JSON.parse(before.mapping) } : null,
      after: { mapping: input.mapping },
    });
    return { kind: input.kind, preset: input.preset, mapping: input.mapping, updatedAt: now };
  });
}
