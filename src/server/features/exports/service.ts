import { sql } from 'kysely';
import type { AccountExportQuery, ActivityExportQuery, ContactExportQuery, DealExportQuery } from '../../../core/exports/schemas.js';
import { majorUnits } from '../../../core/exports/schemas.js';
import { minorDigits } from '../../../core/imports/parse-values.js';
import { todayIn } from '../../clock.js';
import type { Db } from '../../db/database.js';
import type { Auth } from '../../http/access.js';
import { listAccounts } from '../accounts/queries.js';
import { assertCustomersAccess } from '../accounts/service.js';
import { listContacts } from '../contacts/queries.js';
import { listDeals, userTimeZone } from '../deals/queries.js';
import { requireProjectForDeals } from '../deals/service.js';
import { loadStages } from '../stages/queries.js';
import type { ExportColumn, ExportValue } from './writer.js';

const PAGE = 1000;
export type Table = { name: string; columns: ExportColumn[]; rows: AsyncIterable<ExportValue[]> };

const money = (minor: number, currency: string) => majorUnits(minor, minorDigits(currency) ?? 2);

async function userNames(db: Db, workspaceId: string): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('workspace_users as wu')
    .innerJoin('users as u', 'u.id', 'wu.user_id')
    .select(['u.id', 'u.name'])
    .where('wu.workspace_id', '=', workspaceId)
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

const fileName = async (db: Db, auth: Auth, what: string) => `${what}-${todayIn(await userTimeZone(db, auth.userId))}`;

/**
 * A project's deals with the list's filters and sort; the header names are the generic import's (a round
 * trip). Access and names are read on `db`, the deals page by page on `reads` (the list's reader threads).
 */
export async function dealsTable(db: Db, reads: Db, auth: Auth, projectId: string, query: DealExportQuery): Promise<Table> {
  await requireProjectForDeals(db, auth, projectId, false);
  const stages = new Map((await loadStages(db, auth.workspaceId, auth.userId)).map((s) => [s.key, s.name]));
  const users = await userNames(db, auth.workspaceId);
  const columns: ExportColumn[] = [
    { header: 'Title', width: 40 },
    { header: 'Account', width: 30 },
    { header: 'Contact', width: 20 },
    { header: 'Amount', width: 16, numFmt: '#,##0.00' },
    { header: 'Currency', width: 9 },
    { header: 'Stage' },
    { header: 'Status', width: 9 },
    { header: 'Probability', width: 11, numFmt: '0%' },
    { header: 'Expected close date', width: 14 },
    { header: 'Close date', width: 14 },
    { header: 'Owner', width: 20 },
    { header: 'Source' },
    { header: 'Lost reason', width: 30 },
    { header: 'Contract number' },
    { header: 'Contract value', numFmt: '#,##0.00' },
    { header: 'Contract signed date', width: 14 },
    { header: 'Contract term (months)' },
    { header: 'Created', width: 24 },
    { header: 'Updated', width: 24 },
    { header: 'ID', width: 28 },
  ];
  async function* rows() {
    let cursor: string | undefined;
    do {
      const page = await listDeals(reads, auth.workspaceId, projectId, { ...query, limit: PAGE, cursor });
      const contactIds = [...new Set(page.items.map((d) => d.contactId).filter((id): id is string => id !== null))];
      const contacts = new Map(
        contactIds.length
          ? (
              await reads
                .selectFrom('contacts')
                .select(['id', 'name'])
                .where('workspace_id', '=', auth.workspaceId)
                .where('id', 'in', contactIds)
                .execute()
            ).map((c) => [c.id, c.name])
          : [],
      );
      for (const d of page.items) {
        yield [
          d.title,
          d.accountName,
          d.contactId ? (contacts.get(d.contactId) ?? null) : null,
          money(d.amount, d.currency),
          d.currency,
          stages.get(d.stage) ?? d.stage,
          d.status,
          d.probability,
          d.expectedCloseDate,
          d.closeDate,
          d.ownerId ? (users.get(d.ownerId) ?? null) : null,
          d.source,
          d.lostReason,
          d.contract?.number ?? null,
          d.contract?.value == null ? null : money(d.contract.value, d.currency),
          d.contract?.signedDate ?? null,
          d.contract?.termMonths ?? null,
          d.createdAt,
          d.updatedAt,
          d.id,
        ] satisfies ExportValue[];
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }
  return { name: await fileName(db, auth, 'deals'), columns, rows: rows() };
}

export async function accountsTable(db: Db, auth: Auth, query: AccountExportQuery): Promise<Table> {
  assertCustomersAccess(auth);
  const users = await userNames(db, auth.workspaceId);
  const columns: ExportColumn[] = [
    { header: 'Name', width: 36 },
    { header: 'Industry' },
    { header: 'Region' },
    { header: 'Size' },
    { header: 'Owner', width: 20 },
    { header: 'Notes', width: 40 },
    { header: 'Created', width: 24 },
    { header: 'ID', width: 28 },
  ];
  async function* rows() {
    let cursor: string | undefined;
    do {
      const page = await listAccounts(db, auth.workspaceId, { ...query, limit: PAGE, cursor });
      for (const a of page.items) {
        yield [a.name, a.industry, a.region, a.size, a.ownerId ? (users.get(a.ownerId) ?? null) : null, a.notes, a.createdAt, a.id];
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }
  return { name: await fileName(db, auth, 'accounts'), columns, rows: rows() };
}

export async function contactsTable(db: Db, auth: Auth, query: ContactExportQuery): Promise<Table> {
  assertCustomersAccess(auth);
  const columns: ExportColumn[] = [
    { header: 'Name', width: 20 },
    { header: 'Title', width: 24 },
    { header: 'Account', width: 36 },
    { header: 'Phone', width: 18 },
    { header: 'E-mail', width: 28 },
    { header: 'WeChat', width: 16 },
    { header: 'Notes', width: 40 },
    { header: 'ID', width: 28 },
  ];
  async function* rows() {
    let cursor: string | undefined;
    do {
      const page = await listContacts(db, auth.workspaceId, { ...query, limit: PAGE, cursor });
      for (const c of page.items) yield [c.name, c.title, c.accountName, c.phone, c.email, c.wechat, c.notes, c.id];
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }
  return { name: await fileName(db, auth, 'contacts'), columns, rows: rows() };
}

/** A project's activities (every deal's), oldest first, with the deal's title. */
export async function activitiesTable(db: Db, auth: Auth, projectId: string, query: ActivityExportQuery): Promise<Table> {
  await requireProjectForDeals(db, auth, projectId, false);
  const columns: ExportColumn[] = [
    { header: 'At', width: 24 },
    { header: 'Type', width: 9 },
    { header: 'Deal', width: 36 },
    { header: 'By', width: 20 },
    { header: 'Contact', width: 20 },
    { header: 'Outcome', width: 50 },
    { header: 'Next step', width: 36 },
    { header: 'ID', width: 28 },
  ];
  async function* rows() {
    let after: { at: string; id: string } | null = null;
    for (;;) {
      let q = db
        .selectFrom('activities as x')
        .innerJoin('deals as d', (join) => join.onRef('d.workspace_id', '=', 'x.workspace_id').onRef('d.id', '=', 'x.deal_id'))
        .leftJoin('users as u', 'u.id', 'x.user_id')
        .leftJoin('contacts as c', (join) => join.onRef('c.workspace_id', '=', 'x.workspace_id').onRef('c.id', '=', 'x.contact_id'))
        .select(['x.id', 'x.at', 'x.type', 'd.title', 'u.name as user_name', 'c.name as contact_name', 'x.outcome', 'x.next_step'])
        .where('x.workspace_id', '=', auth.workspaceId)
        .where('x.project_id', '=', projectId);
      if (query.type) q = q.where('x.type', '=', query.type);
      if (query.from) q = q.where('x.at', '>=', query.from);
      if (query.to) q = q.where('x.at', '<', `${query.to}T24`);
      if (after) q = q.where(sql<boolean>`(x.at, x.id) > (${after.at}, ${after.id})`);
      const page = await q.orderBy('x.at').orderBy('x.id').limit(PAGE).execute();
      for (const r of page) yield [r.at, r.type, r.title, r.user_name, r.contact_name, r.outcome, r.next_step, r.id];
      if (page.length < PAGE) return;
      after = { at: page[page.length - 1].at, id: page[page.length - 1].id };
    }
  }
  return { name: await fileName(db, auth, 'activities'), columns, rows: rows() };
}
