import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { App, Button, Empty, Flex, Input, Segmented, Select, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { Project, ProjectSort } from '../../../core/projects/schemas';
import { useCurrentUser } from '../../app/auth';
import { useFormat } from '../../app/locale';
import { DateRange, DateTimeText } from '../../components/date-text';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { ProjectFormModal } from './project-form-modal';
import { isProjectSort, isProjectStatus, PROJECT_SORTS, PROJECT_STATUSES } from './project-options';
import { StatusTag } from './status-tag';
import { type ArchivedFilter, type ProjectFilters, useCreateProject, useProjectList } from './use-projects';

const ARCHIVED: ArchivedFilter[] = ['false', 'true', 'all'];

/** The list's filters live in the address, so a reload or the back button keeps them. */
function useFilters(): [ProjectFilters, (change: Partial<ProjectFilters>) => void] {
  const [params, setParams] = useSearchParams();
  const filters = useMemo<ProjectFilters>(() => {
    const archived = params.get('archived');
    const sort = params.get('sort') ?? '';
    return {
      q: params.get('q') ?? '',
      status: (params.get('status') ?? '').split(',').filter(isProjectStatus),
      archived: ARCHIVED.find((value) => value === archived) ?? 'false',
      sort: isProjectSort(sort) ? sort : '-updatedAt',
    };
  }, [params]);
  const update = (change: Partial<ProjectFilters>) => {
    const next = { ...filters, ...change };
    const search = new URLSearchParams();
    if (next.q) search.set('q', next.q);
    if (next.status.length) search.set('status', next.status.join(','));
    if (next.archived !== 'false') search.set('archived', next.archived);
    if (next.sort !== '-updatedAt') search.set('sort', next.sort);
    setParams(search, { replace: true });
  };
  return [filters, update];
}

export function ProjectsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const me = useCurrentUser();
  const [filters, setFilters] = useFilters();
  const [search, setSearch] = useState(filters.q);
  const [creating, setCreating] = useState(false);
  const list = useProjectList(filters);
  const create = useCreateProject();
  const { message } = App.useApp();

  // The search box waits for a pause in typing before it filters.
  useEffect(() => {
    if (search === filters.q) return;
    const timer = window.setTimeout(() => setFilters({ q: search }), 300);
    return () => window.clearTimeout(timer);
  });

  const projects = list.data?.pages.flatMap((page) => page.items) ?? [];
  const isFiltered = Boolean(filters.q || filters.status.length);
  const canCreate = me.role !== 'guest';

  const columns: TableColumnsType<Project> = [
    {
      key: 'name',
      title: t('projects.columns.name'),
      render: (_, project) => (
        <Flex vertical gap={2}>
          <Link to={`/projects/${project.id}`} onClick={(event) => event.stopPropagation()} data-testid="project-link">
            <Typography.Text strong className="qd-link-text">
              {project.name}
            </Typography.Text>
          </Link>
          {project.archivedAt && (
            <span>
              <Tag>{t('projects.archivedTag')}</Tag>
            </span>
          )}
        </Flex>
      ),
    },
    { key: 'status', title: t('projects.columns.status'), render: (_, project) => <StatusTag status={project.status} />, width: 110 },
    {
      key: 'methodology',
      title: t('projects.columns.methodology'),
      render: (_, project) => t(`project.methodology.${project.methodology}`),
      width: 110,
      responsive: ['md'],
    },
    {
      key: 'dates',
      title: t('projects.columns.dates'),
      render: (_, project) => <DateRange start={project.startDate} end={project.endDate} />,
      responsive: ['sm'],
    },
    {
      key: 'currency',
      title: t('projects.columns.currency'),
      render: (_, project) => <span title={format.currencyName(project.currency)}>{project.currency}</span>,
      width: 90,
      responsive: ['lg'],
    },
    {
      key: 'updated',
      title: t('projects.columns.updated'),
      render: (_, project) => <DateTimeText value={project.updatedAt} />,
      responsive: ['xl'],
    },
  ];

  const empty = isFiltered ? (
    <Empty description={<EmptyText title={t('projects.emptyFilteredTitle')} text={t('projects.emptyFilteredText')} />}>
      <Button
        onClick={() => {
          setSearch('');
          setFilters({ q: '', status: [] });
        }}
        data-testid="projects-clear-filters"
      >
        {t('projects.clearFilters')}
      </Button>
    </Empty>
  ) : filters.archived === 'true' ? (
    <Empty description={<EmptyText title={t('projects.emptyTitle')} text={t('projects.emptyArchivedText')} />} />
  ) : (
    <Empty description={<EmptyText title={t('projects.emptyTitle')} text={t('projects.emptyText')} />} data-testid="projects-empty">
      {canCreate && (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="projects-empty-create">
          {t('projects.new')}
        </Button>
      )}
    </Empty>
  );

  return (
    <>
      <PageHeader
        title={t('projects.title')}
        subtitle={t('projects.subtitle')}
        extra={
          canCreate && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="project-create">
              {t('projects.new')}
            </Button>
          )
        }
      />
      <Flex gap={8} wrap className="qd-toolbar" align="center">
        <Input
          allowClear
          prefix={<SearchOutlined />}
          placeholder={t('projects.search')}
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          className="qd-toolbar-search"
          aria-label={t('projects.search')}
          data-testid="projects-search"
        />
        <Select
          mode="multiple"
          allowClear
          placeholder={t('projects.statusFilter')}
          value={filters.status}
          onChange={(status) => setFilters({ status })}
          options={PROJECT_STATUSES.map((status) => ({ value: status, label: t(`project.status.${status}`) }))}
          className="qd-toolbar-status"
          maxTagCount="responsive"
          aria-label={t('projects.statusFilter')}
          data-testid="projects-status-filter"
        />
        <Select<ProjectSort>
          value={filters.sort}
          onChange={(sort) => setFilters({ sort })}
          options={PROJECT_SORTS.map((sort) => ({ value: sort, label: t(`projects.sorts.${sort}`) }))}
          popupMatchSelectWidth={false}
          aria-label={t('projects.sort')}
          data-testid="projects-sort"
        />
        <Segmented<ArchivedFilter>
          value={filters.archived}
          onChange={(archived) => setFilters({ archived })}
          options={ARCHIVED.map((value) => ({ value, label: t(`projects.archived.${value}`) }))}
          data-testid="projects-archived"
        />
      </Flex>
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<Project>
          rowKey="id"
          columns={columns}
          dataSource={projects}
          loading={list.isPending || (list.isFetching && !list.isFetchingNextPage && list.isPlaceholderData)}
          pagination={false}
          locale={{ emptyText: list.isPending ? ' ' : empty }}
          onRow={(project) => ({ onClick: () => navigate(`/projects/${project.id}`), className: 'qd-table-row-link' })}
          data-testid="projects-table"
          scroll={{ x: 'max-content' }}
        />
      )}
      {projects.length > 0 && (
        <div className="qd-load-more">
          <Typography.Text type="secondary">{t('projects.count', { shown: format.number(projects.length) })}</Typography.Text>
          {list.hasNextPage && (
            <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage} data-testid="projects-load-more">
              {t('app.loadMore')}
            </Button>
          )}
        </div>
      )}
      <ProjectFormModal
        open={creating}
        pending={create.isPending}
        onCancel={() => setCreating(false)}
        onSubmit={(body) =>
          create.mutate(body, {
            onSuccess: (project) => {
              setCreating(false);
              message.success(t('project.created'));
              navigate(`/projects/${project.id}`);
            },
          })
        }
      />
    </>
  );
}

function EmptyText({ title, text }: { title: string; text: string }) {
  return (
    <Flex vertical gap={4} align="center">
      <Typography.Text strong>{title}</Typography.Text>
      <Typography.Text type="secondary" className="qd-empty-text">
        {text}
      </Typography.Text>
    </Flex>
  );
}
