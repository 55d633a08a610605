import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LeaderboardEntry } from '../../../core/goals/schemas';
import { type Column, DataTable } from '../../components/data-table';
import { Panel } from '../../components/panel';
import { QueryError } from '../../components/query-error';
import { useGoalFormat } from './goal-format';
import { ProgressBar } from './goal-tree';
import { useLeaderboard } from './use-goals';

/** The goal's member quotas, best progress first, with each member's probability of reaching theirs. Selecting a row opens that quota. */
export function GoalLeaderboard({ goalId, onSelect }: { goalId: string; onSelect: (goalId: string) => void }) {
  const { t } = useTranslation();
  const format = useGoalFormat();
  const board = useLeaderboard(goalId);
  const columns: Column<LeaderboardEntry>[] = [
    { key: 'rank', title: t('goals.leaderboard.rank'), width: 36, render: (entry) => <span className="qd-number">{entry.rank}</span> },
    {
      key: 'member',
      title: t('goals.leaderboard.member'),
      render: (entry) => (
        <button type="button" className="qd-goal-title" data-testid="leaderboard-member">
          {entry.name ?? entry.title}
        </button>
      ),
    },
    {
      key: 'attainment',
      title: t('goals.leaderboard.attainment'),
      render: (entry) => <ProgressBar goal={entry} format={format} />,
    },
    {
      key: 'probability',
      title: t('goals.leaderboard.probability'),
      align: 'end',
      render: (entry) => (
        <span className="qd-number" data-testid="leaderboard-probability">
          {entry.probability === null ? '—' : t('goals.percent', { value: format.percent(entry.probability) })}
        </span>
      ),
    },
  ];
  return (
    <Panel title={t('goals.leaderboard.title')} testId="goal-leaderboard">
      {board.isError ? (
        <QueryError error={board.error} onRetry={() => void board.refetch()} />
      ) : (
        <DataTable<LeaderboardEntry>
          rows={board.data?.items ?? []}
          rowKey={(entry) => entry.goalId}
          columns={columns}
          loading={board.isPending}
          size="small"
          onRowClick={(entry) => onSelect(entry.goalId)}
          rowTestId="leaderboard-row"
          empty={<Typography.Text type="secondary">{t('goals.leaderboard.empty')}</Typography.Text>}
        />
      )}
    </Panel>
  );
}
