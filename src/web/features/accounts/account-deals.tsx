import { Empty, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { AccountDeal } from '../../../core/accounts/schemas';
import { type Column, DataTable } from '../../components/data-table';
import { DateText } from '../../components/date-text';
import { Money } from '../../components/money';
import { Panel } from '../../components/panel';
import { QueryError } from '../../components/query-error';
import { DealStatusTag } from '../deals/deal-list-status-tag';
import { useStages } from '../deals/use-deals';
import { useRelatedDeals } from './use-accounts';

/** A customer's (or a contact's) deals in every project: title, project, stage, status, amount, close date. */
export function RelatedDeals({ path, hint, empty }: { path: string; hint: string; empty: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const deals = useRelatedDeals(path);
  const stages = useStages();
  const stageName = new Map((stages.data?.items ?? []).map((stage) => [stage.key, stage.name]));
  const columns: Column<AccountDeal>[] = [
    {
      key: 'title',
      title: t('deals.fields.title'),
      render: (deal) => (
        <Link to={`/deals/${deal.id}`} onClick={(event) => event.stopPropagation()} data-testid="account-deal-link">
          <Typography.Text strong className="qd-link-text">
            {deal.title}
          </Typography.Text>
        </Link>
      ),
    },
    {
      key: 'project',
      title: t('accounts.project'),
      render: (deal) => (
        <Link to={`/projects/${deal.projectId}?tab=deals`} onClick={(event) => event.stopPropagation()}>
          {deal.projectName}
        </Link>
      ),
      from: 'md',
    },
    { key: 'stage', title: t('deals.fields.stage'), render: (deal) => stageName.get(deal.stage) ?? deal.stage, from: 'sm' },
    { key: 'status', title: t('deals.fields.status'), render: (deal) => <DealStatusTag status={deal.status} />, from: 'xl' },
    {
      key: 'amount',
      title: t('deals.fields.amount'),
      render: (deal) => <Money minor={deal.amount} currency={deal.currency} />,
      align: 'end',
    },
    {
      key: 'close',
      title: t('deals.fields.closeDate'),
      render: (deal) => (
        <span className="qd-nowrap">
          <DateText value={deal.closeDate ?? deal.expectedCloseDate} />
        </span>
      ),
      from: 'lg',
    },
  ];
  return (
    <Panel title={t('accounts.deals')} testId="account-deals">
      <Typography.Paragraph type="secondary" className="qd-small">
        {hint}
      </Typography.Paragraph>
      {deals.isError ? (
        <QueryError error={deals.error} onRetry={() => void deals.refetch()} />
      ) : (
        <DataTable<AccountDeal>
          rows={deals.data?.items ?? []}
          rowKey={(deal) => deal.id}
          columns={columns}
          loading={deals.isPending}
          size="small"
          empty={<Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />}
          onRowClick={(deal) => navigate(`/deals/${deal.id}`)}
          rowTestId="account-deal-row"
        />
      )}
    </Panel>
  );
}
