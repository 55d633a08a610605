import { Empty, Flex, Switch, Tag, Typography, theme } from 'antd';
import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Baseline, TaskVariance } from '../../../core/baselines/schemas';
import type { Project } from '../../../core/projects/schemas';
import { useFormat } from '../../app/locale';
import { type Column, DataTable } from '../../components/data-table';
import { DateText } from '../../components/date-text';
import { Panel } from '../../components/panel';
import { QueryError } from '../../components/query-error';
import { useBaselineVariance } from './baselines-data';
import { usePlanTasks } from './use-plan';

/** A date that does not break over two lines. */
const Day = ({ value }: { value: string | null }) => (
  <span className="qd-nowrap">
    <DateText value={value} />
  </span>
);

/** A task moved when it is new, gone, or any of its slips or its duration changed (the server's numbers, not recomputed). */
export const hasMoved = (task: TaskVariance): boolean =>
  task.state !== 'planned' || task.startSlip !== 0 || task.finishSlip !== 0 || task.durationChange !== 0;

/** A signed number of working days: late (or longer) red, early (or shorter) green, zero grey. */
export function Slip({ value, calendarDays, testId }: { value: number | null; calendarDays?: number | null; testId?: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { token } = theme.useToken();
  if (value === null) return <Typography.Text type="secondary">—</Typography.Text>;
  const color = value > 0 ? token.colorError : value < 0 ? token.colorSuccess : token.colorTextTertiary;
  const text = value > 0 ? `+${format.number(value)}` : value < 0 ? `−${format.number(-value)}` : '0';
  return (
    <span
      className="qd-number"
      style={{ color, fontWeight: value === 0 ? undefined : 600 }}
      title={calendarDays === undefined || calendarDays === null ? undefined : t('plan.baselines.slipTitle', { count: calendarDays })}
      data-testid={testId}
      data-value={value}
    >
      {text}
    </span>
  );
}

/** "3 working days late" / "early" / "on plan", coloured like a slip. */
function SlipSentence({ value, calendarDays, testId }: { value: number; calendarDays: number; testId: string }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const text =
    value > 0
      ? t('plan.baselines.late', { count: value })
      : value < 0
        ? t('plan.baselines.early', { count: -value })
        : t('plan.baselines.onPlan');
  return (
    <Typography.Text
      strong
      style={{ color: value > 0 ? token.colorError : value < 0 ? token.colorSuccess : token.colorTextSecondary }}
      data-testid={testId}
      data-value={value}
    >
      {text}
      {value !== 0 && (
        <Typography.Text type="secondary"> · {t('plan.baselines.calendarDays', { count: Math.abs(calendarDays) })}</Typography.Text>
      )}
    </Typography.Text>
  );
}

function ProjectDate({ label, current, planned, children }: { label: string; current: string; planned: string; children: ReactNode }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Flex vertical gap={2} style={{ minWidth: 220 }}>
      <Typography.Text type="secondary">{label}</Typography.Text>
      <Typography.Text strong style={{ fontSize: 18 }}>
        <DateText value={current} />
      </Typography.Text>
      <Typography.Text type="secondary" className="qd-small">
        {t('plan.baselines.planned', { date: format.date(planned) })}
      </Typography.Text>
      {children}
    </Flex>
  );
}

/** The current plan against one baseline: the project's start and finish, then every task (optionally only those that moved). */
export function BaselineVarianceView({ project, baseline }: { project: Project; baseline: Baseline }) {
  const { t } = useTranslation();
  const format = useFormat();
  const variance = useBaselineVariance(project.id, baseline.id);
  const tasks = usePlanTasks(project.id);
  const [onlyMoved, setOnlyMoved] = useState(true);
  const outline = useMemo(() => new Map((tasks.data ?? []).map((task) => [task.id, task])), [tasks.data]);

  if (variance.isError) return <QueryError error={variance.error} onRetry={() => void variance.refetch()} />;
  const all = variance.data?.tasks ?? [];
  const moved = all.filter(hasMoved);
  const rows = onlyMoved ? moved : all;
  const project_ = variance.data?.project;

  const columns: Column<TaskVariance>[] = [
    {
      key: 'task',
      title: t('plan.baselines.task'),
      render: (task) => {
        const item = outline.get(task.taskId);
        return (
          <Flex gap={6} align="center" style={{ paddingInlineStart: (item?.depth ?? 0) * 16, minWidth: 220 }}>
            {item && (
              <Typography.Text type="secondary" className="qd-number" style={{ flex: 'none' }}>
                {item.wbs}
              </Typography.Text>
            )}
            <Typography.Text strong={task.isSummary} delete={task.state === 'removed'} data-testid="variance-task-title">
              {task.title}
            </Typography.Text>
            {task.currentDuration === 0 && !task.isSummary && <Tag>{t('plan.baselines.milestone')}</Tag>}
            {task.state === 'added' && <Tag color="blue">{t('plan.baselines.added')}</Tag>}
            {task.state === 'removed' && <Tag>{t('plan.baselines.removed')}</Tag>}
          </Flex>
        );
      },
    },
    {
      key: 'baselineStart',
      title: t('plan.baselines.baselineStart'),
      render: (task) => <Day value={task.baselineStart} />,
      from: 'lg',
    },
    { key: 'currentStart', title: t('plan.baselines.currentStart'), render: (task) => <Day value={task.currentStart} />, from: 'md' },
    {
      key: 'startSlip',
      title: t('plan.baselines.startSlip'),
      align: 'end',
      render: (task) => <Slip value={task.startSlip} calendarDays={task.startSlipCalendarDays} testId="variance-start-slip" />,
    },
    {
      key: 'baselineFinish',
      title: t('plan.baselines.baselineFinish'),
      render: (task) => <Day value={task.baselineFinish} />,
      from: 'lg',
    },
    {
      key: 'currentFinish',
      title: t('plan.baselines.currentFinish'),
      render: (task) => <Day value={task.currentFinish} />,
      from: 'md',
    },
    {
      key: 'finishSlip',
      title: t('plan.baselines.finishSlip'),
      align: 'end',
      render: (task) => <Slip value={task.finishSlip} calendarDays={task.finishSlipCalendarDays} testId="variance-finish-slip" />,
    },
    {
      key: 'duration',
      title: t('plan.baselines.duration'),
      align: 'end',
      from: 'xl',
      render: (task) => (
        <span className="qd-number qd-nowrap">
          {t('plan.baselines.durationValue', {
            baseline: task.baselineDuration === null ? '—' : format.number(task.baselineDuration),
            current: task.currentDuration === null ? '—' : format.number(task.currentDuration),
          })}
        </span>
      ),
    },
    {
      key: 'durationChange',
      title: t('plan.baselines.durationChange'),
      align: 'end',
      render: (task) => <Slip value={task.durationChange} testId="variance-duration-change" />,
    },
  ];

  return (
    <Panel
      title={t('plan.baselines.variance', { name: baseline.name })}
      testId="baseline-variance"
      extra={
        <Flex gap={8} align="center">
          <Switch size="small" checked={onlyMoved} onChange={setOnlyMoved} id="baseline-only-moved" data-testid="baseline-only-moved" />
          <label htmlFor="baseline-only-moved">{t('plan.baselines.onlyMoved')}</label>
        </Flex>
      }
    >
      <Flex vertical gap={16}>
        {project_ && (
          <Flex gap={32} wrap data-testid="variance-project">
            <ProjectDate label={t('plan.baselines.projectFinish')} current={project_.currentFinish} planned={project_.baselineFinish}>
              <SlipSentence
                value={project_.finishSlip}
                calendarDays={project_.finishSlipCalendarDays}
                testId="variance-project-finish-slip"
              />
            </ProjectDate>
            <ProjectDate label={t('plan.baselines.projectStart')} current={project_.currentStart} planned={project_.baselineStart}>
              <SlipSentence value={project_.startSlip} calendarDays={project_.startSlipCalendarDays} testId="variance-project-start-slip" />
            </ProjectDate>
            <Flex vertical gap={2} justify="flex-end">
              <Typography.Text type="secondary" data-testid="variance-moved-count">
                {t('plan.baselines.movedCount', { moved: moved.length, total: all.length })}
              </Typography.Text>
            </Flex>
          </Flex>
        )}
        <Typography.Text type="secondary" className="qd-small">
          {t('plan.baselines.unitNote')}
        </Typography.Text>
        <DataTable<TaskVariance>
          rows={rows}
          rowKey={(task) => task.taskId}
          columns={columns}
          loading={variance.isPending}
          size="small"
          testId="variance-table"
          rowTestId="variance-row"
          empty={<Empty description={t('plan.baselines.noneMoved')} />}
        />
      </Flex>
    </Panel>
  );
}
