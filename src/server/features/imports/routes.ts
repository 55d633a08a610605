import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorBody, IdParams } from '../../../core/common/schemas.js';
import {
  AccountImportQuery,
  ContactImportQuery,
  ImportQuery,
  ImportResult,
  SavedMapping,
  SavedMappingPut,
  SavedMappingQuery,
} from '../../../core/imports/schemas.js';
import type { Db } from '../../db/database.js';
import { authOf } from '../../http/authenticate.js';
import { importAccounts, importContacts } from './customers.js';
import { getSavedMapping, putSavedMapping } from './mappings.js';
import { importDeals } from './service.js';
import { CSV_TYPES, MAX_UPLOAD_BYTES, UploadBody, XLSX_TYPE } from './source.js';

const tags = ['imports'];
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 413: ErrorBody, 415: ErrorBody, 422: ErrorBody };

/** File uploads: the request body is the file itself (CSV or XLSX), streamed, never parsed as JSON. */
export const importRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.addContentTypeParser([...CSV_TYPES, XLSX_TYPE], (_request, payload, done) => done(null, new UploadBody(payload)));

    app.post('/projects/:id/deals/import', {
      config: { access: 'user' },
      bodyLimit: MAX_UPLOAD_BYTES,
      schema: {
        tags,
        summary: 'Import deals from a CSV or XLSX file (Salesforce, HubSpot, Pipedrive or generic columns)',
        description: [
          `Send the file as the request body with \`Content-Type: text/csv\` (UTF-8 with or without BOM, UTF-16, or GB18030/GBK) or \`${XLSX_TYPE}\`.`,
          '`dryRun=true` checks every row and writes nothing. Otherwise the accepted rows are written in one transaction and the rejected ones are skipped and listed.',
          'Accounts and contacts named in the file are matched by name and created when missing; owners are matched by e-mail or name (else you).',
          '`preset=auto` picks the preset whose header names the file matches best. The answer carries the header row, sample rows and the distinct stage values, for a mapping screen.',
        ].join(' '),
        params: IdParams,
        querystring: ImportQuery,
        response: { 200: ImportResult, ...errors },
      },
      handler: (request) =>
        importDeals(db, authOf(request), request.params.id, request.query, request.body, request.headers['content-type']),
    });

    app.post('/accounts/import', {
      config: { access: 'user' },
      bodyLimit: MAX_UPLOAD_BYTES,
      schema: {
        tags,
        summary: 'Import accounts (companies) from a CSV or XLSX file',
        description:
          'The file is the request body, as for deals. Columns: name (required), industry, region, size, owner (e-mail or name), notes, guessed from Quarterdeck’s, Salesforce’s, HubSpot’s and Pipedrive’s header names or given by `mapping`. A name the workspace has already, or an earlier row has, is rejected.',
        querystring: AccountImportQuery,
        response: { 200: ImportResult, ...errors },
      },
      handler: (request) => importAccounts(db, authOf(request), request.query, request.body, request.headers['content-type']),
    });

    app.post('/contacts/import', {
      config: { access: 'user' },
      bodyLimit: MAX_UPLOAD_BYTES,
      schema: {
        tags,
        summary: 'Import contacts from a CSV or XLSX file',
        description:
          'Columns: name (or first and last name), title, phone, e-mail, WeChat, account, notes. An e-mail the workspace has already is rejected; accounts are matched by name and created when missing.',
        querystring: ContactImportQuery,
        response: { 200: ImportResult, ...errors },
      },
      handler: (request) => importContacts(db, authOf(request), request.query, request.body, request.headers['content-type']),
    });

    app.get('/import-mappings', {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'The column and stage mapping the workspace last imported with, for a kind of file and a preset',
        querystring: SavedMappingQuery,
        response: { 200: SavedMapping, ...errors },
      },
      handler: (request) => getSavedMapping(db, authOf(request), request.query.kind, request.query.preset),
    });

    app.put('/import-mappings', {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Remember a mapping for the next import of this kind and preset (what the import’s `mapping` parameter takes)',
        body: SavedMappingPut,
        response: { 200: SavedMapping, ...errors },
      },
      handler: (request) => putSavedMapping(db, authOf(request), request.body),
    });
  };
