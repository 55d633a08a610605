import { nowIso } from '../../clock.js';
import type { AuditLogTable, Trx } from '../../db/database.js';
import { newId } from '../../ids.js';

export type AuditInput = {
  workspaceId: string;
  actorId: string | null;
  entityType: string;
  entityId: string;
  projectId?: string | null;
  action: 'create' | 'update' | 'delete';
  before?: object | null;
  after?: object | null;
};

/** The row of an audit record made now. */
export function auditRow(entry: AuditInput): AuditLogTable {
  return {
    workspace_id: entry.workspaceId,
    id: newId(),
    at: nowIso(),
    actor_id: entry.actorId,
    entity_type: entry.entityType,
    entity_id: entry.entityId,
    project_id: entry.projectId ?? null,
    action: entry.action,
    before_json: entry.before ? JSON.stringify(entry.before) : null,
    after_json: entry.after ? JSON.stringify(entry.after) : null,
  };
}

/** Writes one audit record; call it inside the transaction of the change it records. */
export async function recordAudit(trx: Trx, entry: AuditInput): Promise<void> {
  await trx.insertInto('audit_log').values(auditRow(entry)).execute();
}
