import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import { AuditEntry, AuditQuery } from '../../../core/audit/schemas.js';
import { ErrorBody, IdParams, pageOf } from '../../../core/common/schemas.js';
import type { Db } from '../../db/database.js';
import type { Auth } from '../../http/access.js';
import { authOf } from '../../http/authenticate.js';
import { after, decodeCursor, pageFrom } from '../../http/pagination.js';
import { requireProject } from '../projects/service.js';

const parse = (json: string | null) => (json ? (JSON.parse(json) as Record<string, unknown>) : null);

/** A project's history, newest first; for its managers and the workspace admins. */
async function projectHistory(db: Db, auth: Auth, projectId: string, query: z.infer<typeof AuditQuery>) {
  await requireProject(db, auth, projectId, 'manage');
  const cursor = decodeCursor(query.cursor);
  let q = db
    .selectFrom('audit_log as a')
    .leftJoin('users as u', 'u.id', 'a.actor_id')
    .select([
      'a.id',
      'a.at',
      'a.actor_id',
      'u.name as actor_name',
      'a.entity_type',
      'a.entity_id',
      'a.action',
      'a.before_json',
      'a.after_json',
    ])
    .where('a.workspace_id', '=', auth.workspaceId)
    .where('a.project_id', '=', projectId);
  if (query.entityType) q = q.where('a.entity_type', '=', query.entityType);
  if (cursor) q = q.where(after('a.id', 'a.id', true, cursor));
  const rows = await q
    .orderBy(sql.ref('a.id'), 'desc')
    .limit(query.limit + 1)
    .execute();
  const page = pageFrom(rows, query.limit, (row) => ({ v: row.id, id: row.id }));
  return {
    items: page.items.map((row) => ({
      id: row.id,
      at: row.at,
      actorId: row.actor_id,
      actorName: row.actor_name,
      entityType: row.entity_type,
      entityId: row.entity_id,
      action: row.action as AuditEntry['action'],
      before: parse(row.before_json),
      after: parse(row.after_json),
    })),
    nextCursor: page.nextCursor,
  };
}

export const auditRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/projects/:id/history', {
      config: { access: 'user' },
      schema: {
        tags: ['audit'],
        summary: "A project's audit history (who, when, what, before and after)",
        params: IdParams,
        querystring: AuditQuery,
        response: { 200: pageOf(AuditEntry), 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody },
      },
      handler: (request) => projectHistory(db, authOf(request), request.params.id, request.query),
    });
  };
