import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorBody, IdParams } from '../../../core/common/schemas.js';
import { AccountExportQuery, ActivityExportQuery, ContactExportQuery, DealExportQuery } from '../../../core/exports/schemas.js';
import type { Db } from '../../db/database.js';
import { authOf } from '../../http/authenticate.js';
import { accountsTable, activitiesTable, contactsTable, dealsTable } from './service.js';
import { sendTable } from './writer.js';

const tags = ['exports'];
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
const description =
  'A file download: CSV (UTF-8 with BOM) or XLSX, with the list’s filters applied. Text cells beginning with = + - @, tab or CR are prefixed with an apostrophe (formula injection).';

export const exportRoutes =
  (db: Db, reads: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/projects/:id/deals/export', {
      config: { access: 'user' },
      schema: { tags, summary: "Export a project's deals", description, params: IdParams, querystring: DealExportQuery, response: errors },
      handler: async (request, reply) => {
        const table = await dealsTable(db, reads, authOf(request), request.params.id, request.query);
        return sendTable(reply, request.query.format, table.name, table.columns, table.rows);
      },
    });

    app.get('/projects/:id/activities/export', {
      config: { access: 'user' },
      schema: {
        tags,
        summary: "Export a project's activities",
        description,
        params: IdParams,
        querystring: ActivityExportQuery,
        response: errors,
      },
      handler: async (request, reply) => {
        const table = await activitiesTable(db, authOf(request), request.params.id, request.query);
        return sendTable(reply, request.query.format, table.name, table.columns, table.rows);
      },
    });

    app.get('/accounts/export', {
      config: { access: 'user' },
      schema: { tags, summary: 'Export accounts', description, querystring: AccountExportQuery, response: errors },
      handler: async (request, reply) => {
        const table = await accountsTable(db, authOf(request), request.query);
        return sendTable(reply, request.query.format, table.name, table.columns, table.rows);
      },
    });

    app.get('/contacts/export', {
      config: { access: 'user' },
      schema: { tags, summary: 'Export contacts', description, querystring: ContactExportQuery, response: errors },
      handler: async (request, reply) => {
        const table = await contactsTable(db, authOf(request), request.query);
        return sendTable(reply, request.query.format, table.name, table.columns, table.rows);
      },
    });
  };
