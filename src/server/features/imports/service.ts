import { nameKey } from '../../../core/accounts/schemas.js';
import { rankBetween } from '../../../core/deals/rank.js';
import type { DealDraft } from '../../../core/imports/map-row.js';
import { detectPreset, foldStage, PRESETS, resolveColumns } from '../../../core/imports/presets.js';
import type { ImportQuery, ImportResult } from '../../../core/imports/schemas.js';
import { nowIso, todayIn } from '../../clock.js';
import { insertRows, prepareBulkWrite } from '../../db/bulk.js';
import type { AccountTable, ContactTable, Db, DealStageHistoryTable, DealTable, Trx } from '../../db/database.js';
import type { Auth } from '../../http/access.js';
import { AppError, rule } from '../../http/errors.js';
import { newId } from '../../ids.js';
import { recordAudit } from '../audit/record.js';
import { lastRank, userTimeZone } from '../deals/queries.js';
import { requireProjectForDeals } from '../deals/service.js';
import { loadStages } from '../stages/queries.js';
import { dealRows } from './deal-rows.js';
import { headerOf, spool, UploadBody, uploadKind, XLSX_TYPE } from './source.js';

const BATCH = 400;
const MAX_REJECTED_LISTED = 10_000;

type Lookups = {
  users: Map<string, string>;
  accounts: Map<string, string>;
  contacts: Map<string, string>;
};

async function loadLookups(db: Db, workspaceId: string): Promise<Lookups> {
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
  const accounts = new Map<string, string>();
  for (const a of await db.selectFrom('accounts').select(['id', 'name_key']).where('workspace_id', '=', workspaceId).execute()) {
    if (!accounts.has(a.name_key)) accounts.set(a.name_key, a.id);
  }
  const contacts = new Map<string, string>();
  for (const c of await db.selectFrom('contacts').select(['id', 'account_id', 'name']).where('workspace_id', '=', workspaceId).execute()) {
    contacts.set(`${c.account_id ?? ''}|${nameKey(c.name)}`, c.id);
  }
  return { users, accounts, contacts };
}

/**
 * Imports deals from a CSV or XLSX file into a project: rows are streamed, mapped by the preset (or the
 * caller's mapping) and checked one by one; rejected rows are listed with their reason and skipped. A dry
 * run writes nothing; otherwise the accepted rows, the accounts and contacts they name that do not exist
 * yet, their first stage-history entries and one audit row are written in one transaction.
 */
export async function importDeals(
  db: Db,
  auth: Auth,
  projectId: string,
  query: ImportQuery,
  body: unknown,
  contentType: string | undefined,
): Promise<ImportResult> {
  const project = await requireProjectForDeals(db, auth, projectId, true);
  const kind = uploadKind(contentType);
  if (!kind || !(body instanceof UploadBody)) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', `Send the file as the body: Content-Type text/csv or ${XLSX_TYPE}.`);
  }
  const stages = await loadStages(db, auth.workspaceId, auth.userId);
  const { stages: stageMapping, ...fieldMapping } = query.mapping ?? {};
  const stageMap: Record<string, string> = {};
  for (const [from, to] of Object.entries(stageMapping ?? {})) {
    if (!stages.some((s) => s.key === to))
      throw rule(`The mapping sends stage "${from}" to "${to}", which is not a stage here.`, { stage: to });
    stageMap[foldStage(from)] = to;
  }
  const today = todayIn(await userTimeZone(db, auth.userId));
  const lookups = await loadLookups(db, auth.workspaceId);
  const dryRun = query.dryRun === 'true';
  const upload = await spool(body.stream, kind);

  const run = async (trx: Trx | null): Promise<ImportResult> => {
    const headers = await headerOf(upload);
    if (!headers) throw rule('The file is empty: it needs a header row and at least one data row.');
    const presetName = query.preset === 'auto' ? detectPreset(headers) : query.preset;
    const preset = PRESETS[presetName];
    const { columns, unknownHeaders, missing } = resolveColumns(headers, preset, fieldMapping);
    if (missing.length > 0) throw rule(`The mapping names columns the file does not have: ${missing.join(', ')}.`, { missing, headers });
    if (columns.title === undefined) {
      throw rule('No column gives the deal title; map one (mapping={"title":"…"}).', { headers, preset: presetName });
    }
    const result: ImportResult = {
      dryRun,
      preset: presetName,
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
    const now = nowIso();
    const accounts: AccountTable[] = [];
    const contacts: ContactTable[] = [];
    const deals: DealTable[] = [];
    const history: DealStageHistoryTable[] = [];
    const ranks = new Map<string, string | null>();
    const flush = async () => {
      if (!trx) return;
      if (accounts.length) await insertRows(trx, 'accounts', accounts.splice(0));
      if (contacts.length) await insertRows(trx, 'contacts', contacts.splice(0));
      if (deals.length) await insertRows(trx, 'deals', deals.splice(0));
      if (history.length) await insertRows(trx, 'deal_stage_history', history.splice(0));
    };
    const accountFor = (name: string | null): string | null => {
      if (!name) return null;
      const key = nameKey(name);
      let id = lookups.accounts.get(key);
      if (!id) {
        id = newId();
        lookups.accounts.set(key, id);
        result.accountsCreated++;
        accounts.push({
          workspace_id: auth.workspaceId,
          id,
          name,
          name_key: key,
          industry: '',
          region: '',
          size: '',
          owner_id: auth.userId,
          notes: '',
          created_at: now,
          updated_at: now,
          version: 1,
        });
      }
      return id;
    };
    const contactFor = (name: string | null, accountId: string | null): string | null => {
      if (!name) return null;
      const key = `${accountId ?? ''}|${nameKey(name)}`;
      let id = lookups.contacts.get(key);
      if (!id) {
        id = newId();
        lookups.contacts.set(key, id);
        result.contactsCreated++;
        contacts.push({
          workspace_id: auth.workspaceId,
          id,
          account_id: accountId,
          name,
          title: '',
          phone: '',
          email: '',
          email_key: '',
          wechat: '',
          notes: '',
          created_at: now,
          updated_at: now,
          version: 1,
        });
      }
      return id;
    };
    const rankFor = async (stage: string, status: DealDraft['status']): Promise<string> => {
      if (!ranks.has(stage)) ranks.set(stage, trx ? await lastRank(trx, auth.workspaceId, projectId, { key: stage, kind: status }) : null);
      const rank = rankBetween(ranks.get(stage) ?? null, null);
      ranks.set(stage, rank);
      return rank;
    };
    const add = async (draft: DealDraft) => {
      const accountId = accountFor(draft.account);
      const contactId = contactFor(draft.contact, accountId);
      const ownerId = (draft.owner && lookups.users.get(draft.owner.toLowerCase())) || auth.userId;
      const id = newId();
      deals.push({
        workspace_id: auth.workspaceId,
        id,
        project_id: projectId,
        title: draft.title,
        account_id: accountId,
        contact_id: contactId,
        amount: draft.amount,
        currency: draft.currency,
        stage: draft.stage,
        probability: draft.probability,
        expected_close_date: draft.expectedCloseDate,
        close_date: draft.closeDate,
        status: draft.status,
        owner_id: ownerId,
        source: draft.source,
        lost_reason: draft.lostReason,
        rank: await rankFor(draft.stage, draft.status),
        stage_entered_at: now,
        contract_number: null,
        contract_value: null,
        contract_signed_date: null,
        contract_term_months: null,
        created_at: now,
        updated_at: now,
        version: 1,
      });
      history.push({
        workspace_id: auth.workspaceId,
        id: newId(),
        deal_id: id,
        project_id: projectId,
        stage: draft.stage,
        entered_at: now,
        left_at: null,
        entered_by: auth.userId,
        left_by: null,
      });
      if (!trx) {
        deals.length = 0;
        history.length = 0;
        accounts.length = 0;
        contacts.length = 0;
      } else if (deals.length >= BATCH) await flush();
    };

    const batches = dealRows(
      {
        upload: { file: upload.file, kind: upload.kind },
        preset: presetName,
        columns,
        stages,
        stageMap,
        defaultCurrency: project.currency,
        today,
        width: headers.length,
      },
      upload.bytes,
    );
    for (;;) {
      const next = await batches.next();
      if (next.done) {
        result.samples = next.value.samples;
        result.stageValues = next.value.stageValues;
        break;
      }
      const { total, drafts, rejected } = next.value;
      result.total += total;
      result.rejectedTotal += rejected.length;
      result.rejected.push(...rejected.slice(0, MAX_REJECTED_LISTED - result.rejected.length));
      result.accepted += drafts.length;
      for (const draft of drafts) await add(draft);
    }
    await flush();
    if (trx) {
      result.created = result.accepted;
      await recordAudit(trx, {
        workspaceId: auth.workspaceId,
        actorId: auth.userId,
        entityType: 'import',
        entityId: newId(),
        projectId,
        action: 'create',
        after: {
          kind: 'deals',
          preset: presetName,
          file: upload.kind,
          bytes: upload.bytes,
          created: result.created,
          accountsCreated: result.accountsCreated,
          contactsCreated: result.contactsCreated,
          rejected: result.rejectedTotal,
        },
      });
    } else {
      result.accountsCreated = 0;
      result.contactsCreated = 0;
    }
    return result;
  };

  try {
    return dryRun
      ? await run(null)
      : await db.transaction().execute(async (trx) => {
          await prepareBulkWrite(trx);
          return run(trx);
        });
  } finally {
    upload.remove();
  }
}
