import { DownOutlined, SettingOutlined, SortAscendingOutlined } from '@ant-design/icons';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { Button, Dropdown, Empty, Flex, Select, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { type Deal, DealSort, DealStatus } from '../../../core/deals/schemas';
import type { Project } from '../../../core/projects/schemas';
import { api, type Page } from '../../app/api';
import { useFormat } from '../../app/locale';
import { DataTable } from '../../components/data-table';
import { QueryError } from '../../components/query-error';
import { EmptyText } from '../accounts/notices';
import { useUsers } from '../workspace/use-workspace';
import { BoardFilterBar } from './board-filter-bar';
import { DEAL_COLUMNS, type DealColumn, dealColumns, storeColumns, storedColumns } from './deal-list-columns';
import { type DealListFilters, listFiltersFrom, listQuery, writeListFilters } from './deal-list-filters';
import { ExportMenu } from './export-menu';
import { useStages } from './use-deals';
import './deal-list.css';
import { useQueryChange } from '../../app/query-changes';

const PAGE_SIZE = 50;

function useDealList(projectId: string, filters: DealListFilters) {
  return useInfiniteQuery({
    queryKey: ['deals', 'list', projectId, filters],
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<Deal>>(
        `/projects/${encodeURIComponent(projectId)}/deals`,
        { ...listQuery(filters), limit: PAGE_SIZE, cursor: pageParam ?? undefined },
        signal,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

/** The project's deals as a table: filters and sort in the address, columns chosen per device, "load more" paging, export. */
export function DealList({ project }: { project: Project; canManage: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const search = params.toString();
  const filters = useMemo(() => listFiltersFrom(new URLSearchParams(search), project.currency), [search, project.currency]);
  const [columns, setColumns] = useState<DealColumn[]>(storedColumns);
  const list = useDealList(project.id, filters);
  const stages = useStages();
  const users = useUsers();

  // Merged into the changes before it, even those not rendered yet (two quick changes in a row both stay).
  const changeQuery = useQueryChange();
  const setFilters = useCallback(
    (patch: Partial<DealListFilters>) =>
      changeQuery((current) => writeListFilters(current, { ...listFiltersFrom(current, project.currency), ...patch }, project.currency)),
    [changeQuery, project.currency],
  );
  const toggleColumn = (column: DealColumn) => {
    if (column === 'title') return;
    const next = DEAL_COLUMNS.filter((key) => (key === column ? !columns.includes(key) : columns.includes(key)));
    setColumns(next);
    storeColumns(next);
  };

  const stageMap = new Map((stages.data?.items ?? []).map((stage) => [stage.key, stage]));
  const owners = new Map((users.data?.items ?? []).map((user) => [user.id, user.name]));
  const deals = list.data?.pages.flatMap((page) => page.items) ?? [];
  const isFiltered =
    Boolean(filters.q || filters.ownerIds.length || filters.stages.length || filters.statuses.length) ||
    filters.amountMin !== null ||
    filters.amountMax !== null ||
    filters.closeFrom !== null ||
    filters.closeTo !== null;
  const clear = () =>
    setFilters({
      q: '',
      ownerIds: [],
      amountMin: null,
      amountMax: null,
      closeFrom: null,
      closeTo: null,
      stages: [],
      statuses: [],
    });
  const query = listQuery(filters);
  const base = `/projects/${encodeURIComponent(project.id)}`;

  return (
    <div data-testid="deal-list">
      <BoardFilterBar filters={filters} currency={project.currency} onChange={setFilters} />
      <Flex gap={8} wrap align="center" className="qd-toolbar">
        <Select
          mode="multiple"
          allowClear
          maxTagCount="responsive"
          className="qd-deal-list-select"
          placeholder={t('deals.list.anyStage')}
          aria-label={t('deals.list.stage')}
          value={filters.stages}
          onChange={(keys: string[]) => setFilters({ stages: keys })}
          options={(stages.data?.items ?? []).map((stage) => ({ value: stage.key, label: stage.name }))}
          data-testid="deal-list-stage"
        />
        <Select
          mode="multiple"
          allowClear
          className="qd-deal-list-select"
          placeholder={t('deals.list.anyStatus')}
          aria-label={t('deals.list.status')}
          value={filters.statuses}
          onChange={(statuses: DealStatus[]) => setFilters({ statuses })}
          options={DealStatus.options.map((status) => ({ value: status, label: t(`deals.status.${status}`) }))}
          data-testid="deal-list-status"
        />
        <Dropdown
          trigger={['click']}
          menu={{
            selectable: true,
            selectedKeys: [filters.sort],
            onClick: ({ key }) => {
              const sort = DealSort.safeParse(key);
              if (sort.success) setFilters({ sort: sort.data });
            },
            items: DealSort.options.map((sort) => ({
              key: sort,
              label: t(`deals.list.sorts.${sort}`),
              'data-testid': `deal-sort-${sort}`,
            })),
          }}
        >
          <Button icon={<SortAscendingOutlined />} aria-label={t('deals.list.sort')} data-testid="deal-list-sort">
            {t(`deals.list.sorts.${filters.sort}`)}
            <DownOutlined className="qd-caret" />
          </Button>
        </Dropdown>
        <Dropdown
          trigger={['click']}
          menu={{
            selectable: true,
            multiple: true,
            selectedKeys: columns,
            onClick: ({ key }) => {
              const column = DEAL_COLUMNS.find((c) => c === key);
              if (column) toggleColumn(column);
            },
            items: [
              { type: 'group', label: t('deals.list.columnsHint'), children: [] },
              ...DEAL_COLUMNS.map((column) => ({
                key: column,
                label: t(`deals.fields.${column}`),
                disabled: column === 'title',
                'data-testid': `deal-column-${column}`,
              })),
            ],
          }}
        >
          <Button icon={<SettingOutlined />} data-testid="deal-list-columns">
            {t('deals.list.columns')}
          </Button>
        </Dropdown>
        {isFiltered && (
          <Button onClick={clear} data-testid="deal-list-clear">
            {t('deals.list.clear')}
          </Button>
        )}
        <span className="qd-grow" />
        <ExportMenu
          path={`${base}/deals/export`}
          query={query}
          testId="deal-export"
          extra={{
            path: `${base}/activities/export`,
            csvLabel: t('deals.export.activitiesCsv'),
            xlsxLabel: t('deals.export.activitiesXlsx'),
          }}
        />
      </Flex>
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <DataTable<Deal>
          rows={deals}
          rowKey={(deal) => deal.id}
          columns={dealColumns(columns, { t, format, stages: stageMap, owners })}
          loading={list.isPending || (list.isFetching && list.isPlaceholderData)}
          empty={
            isFiltered ? (
              <Empty description={<EmptyText title={t('deals.list.emptyFilteredTitle')} text={t('deals.list.emptyFilteredText')} />}>
                <Button onClick={clear}>{t('deals.list.clear')}</Button>
              </Empty>
            ) : (
              <Empty description={<EmptyText title={t('deals.list.emptyTitle')} text={t('deals.list.emptyText')} />}>
                <Button
                  onClick={() =>
                    changeQuery((current) => {
                      const next = new URLSearchParams(current);
                      next.set('view', 'import');
                      return next;
                    })
                  }
                >
                  {t('deals.list.importLink')}
                </Button>
              </Empty>
            )
          }
          onRowClick={(deal) => navigate(`/deals/${deal.id}`)}
          testId="deal-list-table"
          rowTestId="deal-list-row"
        />
      )}
      {deals.length > 0 && (
        <div className="qd-load-more">
          <Typography.Text type="secondary">{t('deals.list.count', { shown: format.number(deals.length) })}</Typography.Text>
          {list.hasNextPage && (
            <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage} data-testid="deal-list-load-more">
              {t('app.loadMore')}
            </Button>
          )}
        </div>
      )}
    </div>
  );
}
