import { Card, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StageHistoryEntry } from '../../../core/deals/schemas';
import { type Column, DataTable } from '../../components/data-table';
import { DateTimeText } from '../../components/date-text';
import { QueryError } from '../../components/query-error';
import { stayLength } from './stay-length';
import { useStageHistory } from './use-deals';

/** Each stage the deal was in: entered when and by whom, left when, and how long it stayed (oldest first). */
export function DealStageHistory({ dealId }: { dealId: string }) {
  const { t } = useTranslation();
  const history = useStageHistory(dealId);
  const now = Date.now();
  const duration = (entry: StageHistoryEntry) => {
    const length = stayLength(entry.enteredAt, entry.leftAt, now);
    return length.unit === 'lessThanHour' ? t('deals.history.lessThanHour') : t(`deals.history.${length.unit}`, { count: length.count });
  };
  const columns: Column<StageHistoryEntry>[] = [
    { key: 'stage', title: t('deals.history.stage'), render: (entry) => entry.stageName ?? entry.stage },
    { key: 'entered', title: t('deals.history.entered'), render: (entry) => <DateTimeText value={entry.enteredAt} /> },
    {
      key: 'left',
      title: t('deals.history.left'),
      render: (entry) => (entry.leftAt ? <DateTimeText value={entry.leftAt} /> : <Tag color="blue">{t('deals.history.current')}</Tag>),
      from: 'sm',
    },
    { key: 'by', title: t('deals.history.by'), render: (entry) => entry.enteredByName ?? '—', from: 'sm' },
    {
      key: 'duration',
      title: t('deals.history.duration'),
      render: (entry) => <span className="qd-number">{duration(entry)}</span>,
      align: 'end',
    },
  ];
  return (
    <Card title={t('deals.history.title')} data-testid="deal-stage-history">
      {history.isError ? (
        <QueryError error={history.error} onRetry={() => void history.refetch()} />
      ) : (
        <DataTable<StageHistoryEntry>
          rows={history.data?.items ?? []}
          rowKey={(entry) => entry.id}
          columns={columns}
          loading={history.isPending}
          size="small"
          rowTestId="stage-history-row"
          empty={t('deals.history.empty')}
        />
      )}
    </Card>
  );
}
