import { nameKey } from '../../../core/accounts/schemas.js';
import { addCalendarDays } from '../../../core/calendar/civil-date';
import type { Locale } from '../../../core/common/schemas.js';
import { ranksAfter } from '../../../core/deals/rank.js';
import { DEFAULT_STAGES } from '../../../core/stages/default-stages.js';
import { todayIn } from '../../clock.js';
import type { ActivityTable, DealStageHistoryTable, DealTable, Trx } from '../../db/database.js';
import { newId } from '../../ids.js';
import { recordAudit } from '../audit/record.js';
import { insertDefaultStages } from '../stages/queries.js';
import { type DemoOwner, SALES } from './sales-content.js';

export type DemoSalesInput = {
  workspaceId: string;
  projectId: string;
  ownerId: string;
  locale: Locale;
  timeZone: string;
  /** Demo colleagues' user ids by key (wang, li, zhang, …). */
  team: Record<string, string>;
};

const DAY = 86_400_000;
const OPEN_KEYS = DEFAULT_STAGES.filter((s) => s.kind === 'open').map((s) => s.key);

/**
 * Customers, contacts, deals in every stage (with a stage history that walked them there), activities
 * and a signed contract for the demo project, in the user's language.
 */
export async function seedDemoSales(trx: Trx, input: DemoSalesInput): Promise<void> {
  const words = SALES[input.locale];
  const { workspaceId, projectId } = input;
  const now = Date.now();
  const nowText = new Date(now).toISOString();
  const today = todayIn(input.timeZone);
  const userOf = (owner: DemoOwner) => (owner === 'owner' ? input.ownerId : (input.team[owner] ?? input.ownerId));
  await insertDefaultStages(trx, workspaceId, input.locale);

  const accountIds = words.accounts.map(() => newId());
  await trx
    .insertInto('accounts')
    .values(
      words.accounts.map((a, i) => ({
        workspace_id: workspaceId,
        id: accountIds[i],
        name: a.name,
        name_key: nameKey(a.name),
        industry: a.industry,
        region: a.region,
        size: a.size,
        owner_id: userOf(a.owner),
        notes: a.notes,
        created_at: nowText,
        updated_at: nowText,
        version: 1,
      })),
    )
    .execute();
  const contactIds = words.contacts.map(() => newId());
  await trx
    .insertInto('contacts')
    .values(
      words.contacts.map((c, i) => ({
        workspace_id: workspaceId,
        id: contactIds[i],
        account_id: accountIds[c.account],
        name: c.name,
        title: c.title,
        phone: c.phone,
        email: c.email,
        email_key: c.email.toLowerCase(),
        wechat: c.wechat,
        notes: '',
        created_at: nowText,
        updated_at: nowText,
        version: 1,
      })),
    )
    .execute();

  const deals: DealTable[] = [];
  const history: DealStageHistoryTable[] = [];
  const columns = new Map<string, number>();
  for (const d of words.deals) columns.set(d.stage, (columns.get(d.stage) ?? 0) + 1);
  const ranks = new Map([...columns].map(([stage, n]) => [stage, ranksAfter(null, n)]));
  for (const d of words.deals) {
    const id = newId();
    const closed = d.stage === 'won' || d.stage === 'lost';
    // The path the deal walked: open stages up to its own (lost deals stopped in proposal), then won/lost.
    const reached = closed ? (d.stage === 'won' ? OPEN_KEYS.length : 3) : OPEN_KEYS.indexOf(d.stage) + 1;
    const path = [...OPEN_KEYS.slice(0, reached), ...(closed ? [d.stage] : [])];
    const created = now - d.ageDays * DAY;
    const closedAt = closed ? now + d.closeInDays * DAY : now;
    // A closed deal entered won/lost on its close date; an open one entered its stage some days ago.
    const step = (closedAt - created) / (closed ? path.length - 1 : path.length);
    const stays = path.map((stage, i) => ({ stage, at: new Date(Math.round(created + i * step)).toISOString() }));
    const owner = userOf(d.owner);
    for (const [i, stay] of stays.entries()) {
      history.push({
        workspace_id: workspaceId,
        id: newId(),
        deal_id: id,
        project_id: projectId,
        stage: stay.stage,
        entered_at: stay.at,
        left_at: stays[i + 1]?.at ?? null,
        entered_by: owner,
        left_by: stays[i + 1] ? owner : null,
      });
    }
    const closeDate = closed ? addCalendarDays(today, d.closeInDays) : null;
    const amount = d.yuan * 100;
    deals.push({
      workspace_id: workspaceId,
      id,
      project_id: projectId,
      title: d.title,
      account_id: accountIds[d.account],
      contact_id: d.contact === null ? null : contactIds[d.contact],
      amount,
      currency: 'CNY',
      stage: d.stage,
      probability: d.probability ?? null,
      expected_close_date: addCalendarDays(today, d.closeInDays),
      close_date: closeDate,
      status: closed ? d.stage : 'open',
      owner_id: owner,
      source: d.source,
      lost_reason: d.lostReason ?? '',
      rank: (ranks.get(d.stage) as string[]).shift() as string,
      stage_entered_at: stays[stays.length - 1].at,
      contract_number: d.contract?.number ?? null,
      contract_value: d.contract ? amount : null,
      contract_signed_date: d.contract ? closeDate : null,
      contract_term_months: d.contract?.termMonths ?? null,
      created_at: new Date(created).toISOString(),
      updated_at: stays[stays.length - 1].at,
      version: path.length,
    });
  }
  await trx.insertInto('deals').values(deals).execute();
  await trx.insertInto('deal_stage_history').values(history).execute();

  const activities: ActivityTable[] = words.activities.map((a) => {
    const at = new Date(now - a.daysAgo * DAY).toISOString();
    return {
      workspace_id: workspaceId,
      id: newId(),
      deal_id: deals[a.deal].id,
      project_id: projectId,
      type: a.type,
      at,
      user_id: userOf(a.by),
      contact_id: a.contact === null ? null : contactIds[a.contact],
      outcome: a.outcome,
      next_step: a.nextStep,
      created_at: at,
      updated_at: at,
      version: 1,
    };
  });
  await trx.insertInto('activities').values(activities).execute();
  await recordAudit(trx, {
    workspaceId,
    actorId: input.ownerId,
    entityType: 'project',
    entityId: projectId,
    projectId,
    action: 'update',
    after: {
      demoSales: true,
      accounts: accountIds.length,
      contacts: contactIds.length,
      deals: deals.length,
      activities: activities.length,
    },
  });
}
