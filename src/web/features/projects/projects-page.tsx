import { PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { Project } from '../../../core/projects/schemas';
import { useCurrentUser } from '../../app/auth';
import { useMessage } from '../../app/feedback';
import { useFormat } from '../../app/locale';
import { type Column, DataTable } from '../../components/data-table';
import { DateRange, DateTimeText } from '../../components/date-text';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { LazyProjectFormModal, preloadProjectForm } from './lazy-project-form';
import { ARCHIVED, ProjectFilterBar } from './project-filters';
import { isProjectSort, isProjectStatus } from './project-options';
import { StatusTag } from './status-tag';
import { type ProjectFilters, useCreateProject, useProjectList } from './use-projects';

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

/** `/projects`: search, filter, sort and page through the workspace's projects; create one. */
export function ProjectsPage() {
  const { t } = useTranslation();
  const message = useMessage();
  const format = useFormat();
  const navigate = useNavigate();
  const me = useCurrentUser();
  const [filters, setFilters] = useFilters();
  const [search, setSearch] = useState(filters.q);
  const [creating, setCreating] = useState(false);
  const list = useProjectList(filters);
  const create = useCreateProject();

  // The search box waits for a pause in typing before it filters.
  useEffect(() => {
    if (search === filters.q) return;
    const timer = window.setTimeout(() => setFilters({ q: search }), 300);
    return () => window.clearTimeout(timer);
  });

  const projects = list.data?.pages.flatMap((page) => page.items) ?? [];
  const isFiltered = Boolean(filters.q || filters.status.length);
  const canCreate = me.role !== 'guest';
  const startCreating = () => setCreating(true);

  const columns: Column<Project>[] = [
    {
      key: 'name',
      title: t('projects.columns.name'),
      render: (project) => (
        <Flex gap={6} align="center" wrap>
          <Link to={`/projects/${project.id}`} onClick={(event) => event.stopPropagation()} data-testid="project-link">
            <Typography.Text strong className="qd-link-text">
              {project.name}
            </Typography.Text>
          </Link>
          {project.archivedAt && <Tag>{t('projects.archivedTag')}</Tag>}
          <span className="qd-narrow-only qd-full-width">
            <DateRange start={project.startDate} end={project.endDate} />
          </span>
        </Flex>
      ),
    },
    { key: 'status', title: t('projects.columns.status'), render: (project) => <StatusTag status={project.status} /> },
    {
      key: 'methodology',
      title: t('projects.columns.methodology'),
      render: (project) => t(`project.methodology.${project.methodology}`),
      from: 'md',
    },
    {
      key: 'dates',
      title: t('projects.columns.dates'),
      render: (project) => <DateRange start={project.startDate} end={project.endDate} />,
      from: 'md',
    },
    {
      key: 'currency',
      title: t('projects.columns.currency'),
      render: (project) => <span title={format.currencyName(project.currency)}>{project.currency}</span>,
      from: 'lg',
    },
    {
      key: 'updated',
      title: t('projects.columns.updated'),
      render: (project) => <DateTimeText value={project.updatedAt} />,
      from: 'xl',
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
        <Button type="primary" icon={<PlusOutlined />} onClick={startCreating} data-testid="projects-empty-create">
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
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={startCreating}
              onMouseEnter={preloadProjectForm}
              onFocus={preloadProjectForm}
              data-testid="project-create"
            >
              {t('projects.new')}
            </Button>
          )
        }
      />
      <ProjectFilterBar filters={filters} search={search} onSearch={setSearch} onChange={setFilters} />
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <DataTable<Project>
          rows={projects}
          rowKey={(project) => project.id}
          columns={columns}
          loading={list.isPending || (list.isFetching && list.isPlaceholderData)}
          empty={empty}
          onRowClick={(project) => navigate(`/projects/${project.id}`)}
          testId="projects-table"
          rowTestId="project-row"
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
      <LazyProjectFormModal
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
