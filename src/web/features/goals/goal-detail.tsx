import { ApartmentOutlined, DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Skeleton, Tag, Tooltip, Typography } from 'antd';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { isPipelineMetric } from '../../../core/goals/goal-scope';
import type { GoalNode } from '../../../core/goals/schemas';
import { ConfirmDelete } from '../../components/confirm-delete';
import { DateRange } from '../../components/date-text';
import { lazyNamed } from '../../components/lazy-named';
import { Panel } from '../../components/panel';
import { QueryError } from '../../components/query-error';
import { ForecastDrivers } from './forecast-drivers';
import { ForecastFigures } from './forecast-figures';
import { useGoalFormat } from './goal-format';
import { GoalLeaderboard } from './goal-leaderboard';
import { GoalScopeText } from './goal-scope-text';
import { SmartPanel } from './smart-panel';
import { useAttainedHistory } from './use-attained-history';
import { useForecast, useSmart } from './use-goals';

/** ECharts and the check-in form are the heavy parts: each downloads when first shown. */
const BurnUpChart = lazyNamed(() => import('./burn-up-chart'), 'BurnUpChart');
const CheckInsPanel = lazyNamed(() => import('./check-ins-panel'), 'CheckInsPanel');

export type GoalActions = {
  onEdit: () => void;
  onAddChild: () => void;
  onSplit: () => void;
  onDelete: () => Promise<unknown>;
  deleting: boolean;
};

type Props = {
  goal: GoalNode;
  today: string;
  canManage: boolean;
  /** Check-ins are recorded by the team (every project role but viewer) and workspace admins. */
  canCheckIn: boolean;
  canSeeRates: boolean;
  ownerName: (userId: string) => string;
  onSelect: (goalId: string) => void;
  actions: GoalActions;
};

/** The selected goal: what it is, its forecast with the burn-up, SMART check, the deals that matter, its quotas or check-ins. */
export function GoalDetail({ goal, today, canManage, canCheckIn, canSeeRates, ownerName, onSelect, actions }: Props) {
  const { t } = useTranslation();
  const format = useGoalFormat();
  const forecast = useForecast(goal.id);
  const smart = useSmart(goal.id);
  const isCustom = goal.metric === 'custom';
  const history = useAttainedHistory(goal, forecast.data?.attained, today);

  const header = (
    <Flex justify="space-between" align="flex-start" gap={12} wrap className="qd-goal-detail-header">
      <div>
        <Typography.Title level={4} className="qd-flush" data-testid="goal-detail-title">
          {goal.title}
        </Typography.Title>
        <Flex gap={8} wrap align="center" className="qd-goal-detail-meta">
          <Tag>{t(`goals.metric.${goal.metric}`)}</Tag>
          <Typography.Text type="secondary">
            <GoalScopeText goal={goal} ownerName={ownerName} />
          </Typography.Text>
          <Typography.Text type="secondary">
            <DateRange start={goal.startDate} end={goal.dueDate} />
          </Typography.Text>
          <Typography.Text type="secondary">
            {t('goals.fields.target')}: <span className="qd-number">{format.value(goal.target, goal)}</span>
          </Typography.Text>
        </Flex>
      </div>
      {canManage && (
        <Flex gap={8} wrap>
          <Button icon={<EditOutlined />} onClick={actions.onEdit} data-testid="goal-edit">
            {t('app.edit')}
          </Button>
          <Button icon={<PlusOutlined />} onClick={actions.onAddChild} data-testid="goal-add-child">
            {t('goals.addChild')}
          </Button>
          <Button icon={<ApartmentOutlined />} onClick={actions.onSplit} data-testid="goal-split">
            {t('goals.split')}
          </Button>
          {goal.childCount > 0 ? (
            <Tooltip title={t('goals.deleteBlocked')}>
              <Button danger disabled icon={<DeleteOutlined />} aria-label={t('goals.deleteBlocked')} data-testid="goal-delete" />
            </Tooltip>
          ) : (
            <ConfirmDelete
              title={t('goals.deleteTitle', { title: goal.title })}
              text={<div className="qd-popconfirm-text">{t('goals.deleteText')}</div>}
              pending={actions.deleting}
              onConfirm={actions.onDelete}
              look="icon"
              testId="goal-delete"
            />
          )}
        </Flex>
      )}
    </Flex>
  );

  const mismatch =
    goal.childrenAddUp === false && goal.childrenGap !== null && goal.childrenTarget !== null ? (
      <Alert
        type="warning"
        showIcon
        className="qd-block-gap"
        data-testid="goal-mismatch-detail"
        title={t('goals.mismatch', {
          sum: format.value(goal.childrenTarget, goal),
          diff: format.magnitude(goal.childrenGap, goal),
          direction: goal.childrenGap > 0 ? t('goals.mismatchBelow') : t('goals.mismatchAbove'),
        })}
      />
    ) : null;

  return (
    <section className="qd-goal-detail qd-stack" data-testid="goal-detail" data-goal-id={goal.id}>
      <Panel>
        {header}
        {goal.description && <Typography.Paragraph className="qd-pre-wrap qd-goal-description">{goal.description}</Typography.Paragraph>}
        {mismatch}
        {forecast.isError ? (
          <QueryError error={forecast.error} onRetry={() => void forecast.refetch()} />
        ) : forecast.data ? (
          <ForecastFigures goal={goal} forecast={forecast.data} canSeeRates={canSeeRates} />
        ) : (
          <Skeleton active paragraph={{ rows: 3 }} />
        )}
      </Panel>
      <div className="qd-goal-grid">
        <Panel title={t('goals.chart.title')} className="qd-goal-chart-panel">
          {forecast.data ? (
            <Suspense fallback={<Skeleton active paragraph={{ rows: 6 }} />}>
              <BurnUpChart goal={goal} forecast={forecast.data} history={history} today={today} />
            </Suspense>
          ) : (
            <Skeleton active paragraph={{ rows: 6 }} />
          )}
        </Panel>
        <Panel>
          <SmartPanel smart={smart.data} checking={smart.isFetching} failed={smart.isError} />
        </Panel>
      </div>
      {isCustom && (
        <Suspense fallback={<Skeleton active />}>
          <CheckInsPanel goal={goal} canEdit={canCheckIn} ownerName={ownerName} />
        </Suspense>
      )}
      <div className="qd-goal-grid qd-goal-grid-even">
        {isPipelineMetric(goal.metric) && <ForecastDrivers goal={goal} drivers={forecast.data?.drivers ?? []} />}
        {goal.childCount > 0 && <GoalLeaderboard goalId={goal.id} onSelect={onSelect} />}
      </div>
    </section>
  );
}
