import { Typography } from 'antd';
import type { TFunction } from 'i18next';
import { Link } from 'react-router';
import type { Deal } from '../../../core/deals/schemas';
import type { Stage } from '../../../core/stages/schemas';
import type { Formatter } from '../../app/format';
import type { Column } from '../../components/data-table';
import { DateText, DateTimeText } from '../../components/date-text';
import { Money } from '../../components/money';
import { DealStatusTag } from './deal-list-status-tag';

/** Every column the deal list can show, in order; `title` always shows. */
export const DEAL_COLUMNS = [
  'title',
  'account',
  'stage',
  'status',
  'amount',
  'probability',
  'expectedCloseDate',
  'closeDate',
  'owner',
  'source',
  'createdAt',
  'updatedAt',
] as const;
export type DealColumn = (typeof DEAL_COLUMNS)[number];
export const DEFAULT_COLUMNS: readonly DealColumn[] = ['title', 'account', 'stage', 'status', 'amount', 'expectedCloseDate', 'owner'];

const STORAGE_KEY = 'qd_deal_list_columns';

/** The columns chosen on this device (unknown names dropped; the default when nothing valid is stored). */
export function storedColumns(): DealColumn[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null');
    if (Array.isArray(parsed)) {
      const chosen = DEAL_COLUMNS.filter((column) => column === 'title' || parsed.includes(column));
      if (chosen.length > 1) return chosen;
    }
  } catch {
    // storage disabled or garbled: the default
  }
  return [...DEFAULT_COLUMNS];
}

export function storeColumns(columns: readonly DealColumn[]): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(columns));
  } catch {
    // storage disabled: the choice lasts for this visit
  }
}

type Context = { t: TFunction; format: Formatter; stages: Map<string, Stage>; owners: Map<string, string> };

/** The table columns for the chosen keys. */
export function dealColumns(chosen: readonly DealColumn[], { t, format, stages, owners }: Context): Column<Deal>[] {
  const all: Record<DealColumn, Column<Deal>> = {
    title: {
      key: 'title',
      title: t('deals.fields.title'),
      render: (deal) => (
        <Link to={`/deals/${deal.id}`} onClick={(event) => event.stopPropagation()} data-testid="deal-list-link">
          <Typography.Text strong className="qd-link-text">
            {deal.title}
          </Typography.Text>
        </Link>
      ),
    },
    account: {
      key: 'account',
      title: t('deals.fields.account'),
      render: (deal) =>
        deal.accountId ? (
          <Link to={`/accounts/${deal.accountId}`} onClick={(event) => event.stopPropagation()}>
            {deal.accountName}
          </Link>
        ) : (
          '—'
        ),
      from: 'sm',
    },
    stage: { key: 'stage', title: t('deals.fields.stage'), render: (deal) => stages.get(deal.stage)?.name ?? deal.stage, from: 'sm' },
    status: { key: 'status', title: t('deals.fields.status'), render: (deal) => <DealStatusTag status={deal.status} />, from: 'md' },
    amount: {
      key: 'amount',
      title: t('deals.fields.amount'),
      render: (deal) => <Money minor={deal.amount} currency={deal.currency} />,
      align: 'end',
    },
    probability: {
      key: 'probability',
      title: t('deals.fields.probability'),
      render: (deal) => {
        const value = deal.probability ?? stages.get(deal.stage)?.probability;
        return value === undefined ? '—' : <span className="qd-number">{format.number(value * 100, 0)}%</span>;
      },
      align: 'end',
      from: 'md',
    },
    expectedCloseDate: {
      key: 'expectedCloseDate',
      title: t('deals.fields.expectedCloseDate'),
      render: (deal) => <DateText value={deal.expectedCloseDate} />,
      from: 'md',
    },
    closeDate: { key: 'closeDate', title: t('deals.fields.closeDate'), render: (deal) => <DateText value={deal.closeDate} />, from: 'md' },
    owner: {
      key: 'owner',
      title: t('deals.fields.owner'),
      render: (deal) => (deal.ownerId ? (owners.get(deal.ownerId) ?? '—') : '—'),
      from: 'lg',
    },
    source: { key: 'source', title: t('deals.fields.source'), render: (deal) => deal.source || '—', from: 'lg' },
    createdAt: {
      key: 'createdAt',
      title: t('deals.fields.createdAt'),
      render: (deal) => <DateTimeText value={deal.createdAt} />,
      from: 'xl',
    },
    updatedAt: {
      key: 'updatedAt',
      title: t('deals.fields.updatedAt'),
      render: (deal) => <DateTimeText value={deal.updatedAt} />,
      from: 'xl',
    },
  };
  return chosen.map((key) => all[key]);
}
