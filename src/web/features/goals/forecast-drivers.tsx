import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ForecastDriver, Goal } from '../../../core/goals/schemas';
import { type Column, DataTable } from '../../components/data-table';
import { Panel } from '../../components/panel';
import { useGoalFormat } from './goal-format';
import { useDealTitle } from './use-goals';

function DealLink({ dealId }: { dealId: string }) {
  const deal = useDealTitle(dealId);
  return (
    <div className="qd-driver-deal">
      <Link to={`/deals/${encodeURIComponent(dealId)}`} data-testid="driver-link">
        {deal.data?.title ?? '…'}
      </Link>
      {deal.data?.accountName && (
        <Typography.Text type="secondary" className="qd-small">
          {deal.data.accountName}
        </Typography.Text>
      )}
    </div>
  );
}

/** The open deals whose outcome moves the probability most, largest effect first, each a link to its deal page. */
export function ForecastDrivers({ goal, drivers }: { goal: Goal; drivers: readonly ForecastDriver[] }) {
  const { t } = useTranslation();
  const format = useGoalFormat();
  const columns: Column<ForecastDriver>[] = [
    { key: 'deal', title: t('goals.forecast.driverDeal'), render: (driver) => <DealLink dealId={driver.dealId} /> },
    {
      key: 'amount',
      title: t('goals.forecast.driverAmount'),
      align: 'end',
      from: 'sm',
      render: (driver) => <span className="qd-number">{format.value(driver.amount, goal)}</span>,
    },
    {
      key: 'probability',
      title: t('goals.forecast.driverProbability'),
      align: 'end',
      from: 'md',
      render: (driver) => <span className="qd-number">{t('goals.percent', { value: format.percent(driver.probability) })}</span>,
    },
    {
      key: 'effect',
      title: t('goals.forecast.driverEffect'),
      align: 'end',
      render: (driver) => (
        <span className="qd-driver-effect">
          <span className="qd-driver-bar" style={{ width: `${Math.max(2, driver.delta * 100)}%` }} />
          <span className="qd-number">{t('goals.forecast.driverDelta', { points: format.percent(driver.delta) })}</span>
        </span>
      ),
    },
  ];
  return (
    <Panel title={t('goals.forecast.drivers')} testId="forecast-drivers">
      <Typography.Paragraph type="secondary" className="qd-small">
        {t('goals.forecast.driversHelp')}
      </Typography.Paragraph>
      <DataTable<ForecastDriver>
        rows={drivers}
        rowKey={(driver) => driver.dealId}
        columns={columns}
        size="small"
        rowTestId="driver-row"
        empty={<Typography.Text type="secondary">{t('goals.forecast.driversEmpty')}</Typography.Text>}
      />
    </Panel>
  );
}
