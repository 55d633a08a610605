import { nameKey } from '../../../core/accounts/schemas.js';
import {
  ACCOUNT_FIELDS,
  ACCOUNT_HEADERS,
  type AccountField,
  CONTACT_FIELDS,
  CONTACT_HEADERS,
  type ContactField,
  mapAccountRow,
  mapContactRow,
} from '../../../core/imports/customer-rows.js';
import { type Cell, cellText, type Parsed } from '../../../core/imports/parse-values.js';
import { resolveFields } from '../../../core/imports/presets.js';
import type { AccountImportQuery, ContactImportQuery, ImportResult } from '../../../core/imports/schemas.js';
import { nowIso } from '../../clock.js';
import { insertRows } from '../../db/bulk.js';
import type { AccountTable, ContactTable, Db, Trx } from '../../db/database.js';
import type { Auth } from '../../http/access.js';
import { AppError, rule } from '../../http/errors.js';
import { newId } from '../../ids.js';
import { assertCustomersAccess } from '../accounts/service.js';
import { recordAudit } from '../audit/record.js';
import { addSample } from './report.js';
import { rowsOf, spool, UploadBody, uploadKind, XLSX_TYPE } from './source.js';

const BATCH = 400;
const MAX_REJECTED_LISTED = 10_000;

type Stats = { accountsCreated: number };

type Sink = {
  /** Keys already taken (value: the row that took it, null for the workspace's own records). */
  taken: Map<string, number | null>;
  /** Writes what `draft` queued. */
  flush: (trx: Trx) => Promise<void>;
};

type Spec<F extends string, D> = {
  kind: 'accounts' | 'contacts';
  fields: readonly F[];
  headers: Record<F, readonly string[]>;
  /** The field without which a file cannot be read. */
  required: F;
  map: (cells: readonly Cell[], columns: Partial<Record<F, number>>, taken: ReadonlyMap<string, number | null>) => Parsed<D>;
  keyOf: (draft: D) => string | null;
  /** Loaded before the transaction (SQLite has one connection: a read outside the transaction would wait for it). */
  sink: (db: Db, auth: Auth, stats: Stats) => Promise<Sink & { draft: (draft: D) => void }>;
};

/** Reads the file row by row against `spec`; a dry run writes nothing, otherwise the accepted rows go in one transaction. */
async function runImport<F extends string, D>(
  db: Db,
  auth: Auth,
  spec: Spec<F, D>,
  query: { dryRun: 'true' | 'false'; mapping?: Partial<Record<F, string>> },
  body: unknown,
  contentType: string | undefined,
): Promise<ImportResult> {
  assertCustomersAccess(auth);
  const kind = uploadKind(contentType);
  if (!kind || !(body instanceof UploadBody)) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', `Send the file as the body: Content-Type text/csv or ${XLSX_TYPE}.`);
  }
  const dryRun = query.dryRun === 'true';
  const upload = await spool(body.stream, kind);
  const stats: Stats = { accountsCreated: 0 };
  const sink = await spec.sink(db, auth, stats);
  const run = async (trx: Trx | null): Promise<ImportResult> => {
    const rows = rowsOf(upload);
    const header = await rows.next();
    if (header.done) throw rule('The file is empty: it needs a header row and at least one data row.');
    const headers = header.value.map((cell) => cellText(cell));
    const { columns, unknownHeaders, missing } = resolveFields(headers, spec.fields, spec.headers, query.mapping ?? {});
    if (missing.length > 0) throw rule(`The mapping names columns the file does not have: ${missing.join(', ')}.`, { missing, headers });
    const hasName = columns[spec.required] !== undefined || (spec.kind === 'contacts' && Object.hasOwn(columns, 'firstName'));
    if (!hasName)
      throw rule(`No column gives the ${spec.kind === 'accounts' ? 'account' : 'contact'} name; map one (mapping={"name":"…"}).`, {
        headers,
      });
    const result: ImportResult = {
      dryRun,
      preset: 'generic',
      total: 0,
      accepted: 0,
      rejected: [],
      rejectedTotal: 0,
      created: 0,
      accountsCreated: 0,
      contactsCreated: 0,
      columns: Object.fromEntries(Object.entries(columns).map(([field, at]) => [field, headers[at as number]])),
      unmappedHeaders: unknownHeaders.filter((h) => h !== ''),
      headers,
      samples: [],
      stageValues: [],
    };
    let rowNumber = 1;
    let queued = 0;
    for await (const cells of rows) {
      rowNumber++;
      if (cells.every((cell: Cell) => cellText(cell) === '')) continue;
      result.total++;
      addSample(result.samples, cells, headers.length);
      const mapped = spec.map(cells, columns as Partial<Record<F, number>>, sink.taken);
      if (!mapped.ok) {
        result.rejectedTotal++;
        if (result.rejected.length < MAX_REJECTED_LISTED) result.rejected.push({ row: rowNumber, reason: mapped.reason });
        continue;
      }
      result.accepted++;
      const key = spec.keyOf(mapped.value);
      if (key) sink.taken.set(key, rowNumber);
      if (trx) {
        sink.draft(mapped.value);
        if (++queued >= BATCH) {
          await sink.flush(trx);
          queued = 0;
        }
      }
    }
    if (trx) {
      await sink.flush(trx);
      result.created = result.accepted;
      result.accountsCreated = spec.kind === 'accounts' ? result.created : stats.accountsCreated;
      if (spec.kind === 'contacts') result.contactsCreated = result.created;
      await recordAudit(trx, {
        workspaceId: auth.workspaceId,
        actorId: auth.userId,
        entityType: 'import',
        entityId: newId(),
        action: 'create',
        after: {
          kind: spec.kind,
          file: upload.kind,
          bytes: upload.bytes,
          created: result.created,
          accountsCreated: result.accountsCreated,
          rejected: result.rejectedTotal,
        },
      });
    }
    return result;
  };
  try {
    return dryRun ? await run(null) : await db.transaction().execute(run);
  } finally {
    upload.remove();
  }
}

async function workspaceUsers(db: Db, workspaceId: string): Promise<Map<string, string>> {
  const users = new Map<string, string>();
  const people = await db
    .selectFrom('workspace_users as wu')
    .innerJoin('users as u', 'u.id', 'wu.user_id')
    .select(['u.id', 'u.name', 'u.email'])
    .where('wu.workspace_id', '=', workspaceId)
    .execute();
  for (const p of people) {
    users.set(p.email.toLowerCase(), p.id);
    if (!users.has(p.name.trim().toLowerCase())) users.set(p.name.trim().toLowerCase(), p.id);
  }
  return users;
}

async function accountKeys(db: Db, workspaceId: string): Promise<Map<string, string>> {
  const keys = new Map<string, string>();
  for (const a of await db.selectFrom('accounts').select(['id', 'name_key']).where('workspace_id', '=', workspaceId).execute()) {
    if (!keys.has(a.name_key)) keys.set(a.name_key, a.id);
  }
  return keys;
}

const accountRow = (
  workspaceId: string,
  fields: Omit<AccountTable, 'workspace_id' | 'id' | 'name_key' | 'created_at' | 'updated_at' | 'version'>,
): AccountTable => {
  const now = nowIso();
  return {
    workspace_id: workspaceId,
    id: newId(),
    ...fields,
    name_key: nameKey(fields.name),
    created_at: now,
    updated_at: now,
    version: 1,
  };
};

const ACCOUNTS: Spec<AccountField, ReturnType<typeof mapAccountRow> extends Parsed<infer D> ? D : never> = {
  kind: 'accounts',
  fields: ACCOUNT_FIELDS,
  headers: ACCOUNT_HEADERS,
  required: 'name',
  map: mapAccountRow,
  keyOf: (draft) => nameKey(draft.name),
  sink: async (db, auth) => {
    const users = await workspaceUsers(db, auth.workspaceId);
    const taken = new Map<string, number | null>([...(await accountKeys(db, auth.workspaceId)).keys()].map((key) => [key, null]));
    const queue: AccountTable[] = [];
    return {
      taken,
      draft: (draft) => {
        const { owner, ...fields } = draft;
        const ownerId = (owner && users.get(owner.toLowerCase())) || auth.userId;
        queue.push(accountRow(auth.workspaceId, { ...fields, owner_id: ownerId }));
      },
      flush: async (trx) => {
        if (queue.length) await insertRows(trx, 'accounts', queue.splice(0));
      },
    };
  },
};

const CONTACTS: Spec<ContactField, ReturnType<typeof mapContactRow> extends Parsed<infer D> ? D : never> = {
  kind: 'contacts',
  fields: CONTACT_FIELDS,
  headers: CONTACT_HEADERS,
  required: 'name',
  map: mapContactRow,
  keyOf: (draft) => draft.email.toLowerCase() || null,
  sink: async (db, auth, stats) => {
    const accounts = await accountKeys(db, auth.workspaceId);
    const taken = new Map<string, number | null>();
    for (const c of await db
      .selectFrom('contacts')
      .select('email_key')
      .where('workspace_id', '=', auth.workspaceId)
      .where('email_key', '!=', '')
      .execute()) {
      taken.set(c.email_key, null);
    }
    const newAccounts: AccountTable[] = [];
    const queue: ContactTable[] = [];
    return {
      taken,
      draft: (draft) => {
        let accountId: string | null = null;
        if (draft.account) {
          const key = nameKey(draft.account);
          accountId = accounts.get(key) ?? null;
          if (!accountId) {
            const account = accountRow(auth.workspaceId, {
              name: draft.account,
              industry: '',
              region: '',
              size: '',
              owner_id: auth.userId,
              notes: '',
            });
            newAccounts.push(account);
            accounts.set(key, account.id);
            accountId = account.id;
            stats.accountsCreated++;
          }
        }
        const now = nowIso();
        queue.push({
          workspace_id: auth.workspaceId,
          id: newId(),
          account_id: accountId,
          name: draft.name,
          title: draft.title,
          phone: draft.phone,
          email: draft.email,
          email_key: draft.email.toLowerCase(),
          wechat: draft.wechat,
          notes: draft.notes,
          created_at: now,
          updated_at: now,
          version: 1,
        });
      },
      flush: async (trx) => {
        if (newAccounts.length) await insertRows(trx, 'accounts', newAccounts.splice(0));
        if (queue.length) await insertRows(trx, 'contacts', queue.splice(0));
      },
    };
  },
};

/** Imports accounts (companies) from a CSV or XLSX file; names the workspace has already are rejected. */
export const importAccounts = (db: Db, auth: Auth, query: AccountImportQuery, body: unknown, contentType: string | undefined) =>
  runImport(db, auth, ACCOUNTS, query, body, contentType);

/** Imports contacts; e-mails the workspace has already are rejected, accounts named in the file are matched by name or created. */
export const importContacts = (db: Db, auth: Auth, query: ContactImportQuery, body: unknown, contentType: string | undefined) =>
  runImport(db, auth, CONTACTS, query, body, contentType);
