import { useInfiniteQuery } from '@tanstack/react-query';
import { Alert, Button, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../core/audit/schemas';
import type { Project } from '../../../core/projects/schemas';
import { api, isApiError, type Page } from '../../app/api';
import { type Column, DataTable } from '../../components/data-table';
import { DateTimeText } from '../../components/date-text';
import { QueryError } from '../../components/query-error';
import { useUsers } from '../workspace/use-workspace';
import { AuditDiff } from './audit-diff';
import { projectKeys, useCalendars } from './use-projects';

const ENTITIES = ['project', 'member', 'workspace', 'user', 'goal', 'deal', 'task', 'risk'] as const;
const ACTION_COLORS = { create: 'green', update: 'blue', delete: 'red' } as const;

function useHistory(projectId: string, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: projectKeys.history(projectId),
    queryFn: ({ pageParam }) =>
      api.get<Page<AuditEntry>>(`/projects/${encodeURIComponent(projectId)}/history`, { limit: 50, cursor: pageParam ?? undefined }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled,
  });
}

/** Who changed what and when, before → after; for the project's managers and the workspace's owners and admins. */
export function ProjectHistory({ project, canView }: { project: Project; canView: boolean }) {
  const { t } = useTranslation();
  const history = useHistory(project.id, canView);
  const users = useUsers();
  const calendars = useCalendars();
  const userName = (id: string) => users.data?.items.find((user) => user.id === id)?.name;
  const calendarName = (id: string) => calendars.data?.items.find((calendar) => calendar.id === id)?.name;

  const forbidden = isApiError(history.error) && history.error.status === 403;
  if (!canView || forbidden) return <Alert type="info" showIcon title={t('history.restricted')} data-testid="history-restricted" />;
  if (history.isError) return <QueryError error={history.error} onRetry={() => void history.refetch()} />;

  const entityLabel = (entry: AuditEntry) => {
    const known = ENTITIES.find((entity) => entity === entry.entityType);
    const name = known ? t(`history.entity.${known}`) : entry.entityType;
    const subject = entry.entityType === 'member' ? String(entry.after?.userId ?? entry.before?.userId ?? '') : '';
    return subject ? `${name} · ${userName(subject) ?? subject}` : name;
  };

  const columns: Column<AuditEntry>[] = [
    { key: 'when', title: t('history.when'), render: (entry) => <DateTimeText value={entry.at} />, width: 170 },
    { key: 'who', title: t('history.who'), render: (entry) => entry.actorName ?? t('history.system'), width: 120 },
    {
      key: 'what',
      title: t('history.what'),
      render: (entry) => (
        <span className="qd-nowrap">
          <Tag color={ACTION_COLORS[entry.action]}>{t(`history.${entry.action}d`)}</Tag>
          {entityLabel(entry)}
        </span>
      ),
      width: 200,
    },
    {
      key: 'changes',
      title: t('history.changes'),
      render: (entry) => <AuditDiff entry={entry} currency={project.currency} userName={userName} calendarName={calendarName} />,
    },
  ];

  const entries = history.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <>
      <DataTable<AuditEntry>
        rows={entries}
        rowKey={(entry) => entry.id}
        columns={columns}
        size="small"
        loading={history.isPending}
        empty={t('history.empty')}
        testId="history-table"
        rowTestId="history-row"
      />
      {history.hasNextPage && (
        <div className="qd-load-more">
          <Button onClick={() => void history.fetchNextPage()} loading={history.isFetchingNextPage} data-testid="history-load-more">
            {t('app.loadMore')}
          </Button>
        </div>
      )}
    </>
  );
}
