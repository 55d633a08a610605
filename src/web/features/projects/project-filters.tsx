import { DownOutlined, FilterOutlined, SearchOutlined, SortAscendingOutlined } from '@ant-design/icons';
import { Button, Dropdown, Flex, Input, Segmented } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProjectSort, ProjectStatus } from '../../../core/projects/schemas';
import { isProjectSort, isProjectStatus, PROJECT_SORTS, PROJECT_STATUSES } from './project-options';
import type { ArchivedFilter, ProjectFilters } from './use-projects';

export const ARCHIVED: ArchivedFilter[] = ['false', 'true', 'all'];

type Props = {
  filters: ProjectFilters;
  search: string;
  onSearch: (text: string) => void;
  onChange: (change: Partial<ProjectFilters>) => void;
};

/** Search, status (several), sort and archived: menus rather than selects, so the list page stays light. */
export function ProjectFilterBar({ filters, search, onSearch, onChange }: Props) {
  const { t } = useTranslation();
  const [statusOpen, setStatusOpen] = useState(false);
  const toggleStatus = (status: ProjectStatus) =>
    onChange({
      status: filters.status.includes(status) ? filters.status.filter((value) => value !== status) : [...filters.status, status],
    });
  const statusLabel =
    filters.status.length === 0
      ? t('projects.statusFilter')
      : filters.status.length === 1
        ? t(`project.status.${filters.status[0]}`)
        : `${t('projects.statusFilter')} · ${filters.status.length}`;

  return (
    <Flex gap={8} wrap className="qd-toolbar" align="center">
      <Input
        allowClear
        prefix={<SearchOutlined />}
        placeholder={t('projects.search')}
        value={search}
        onChange={(event) => onSearch(event.target.value)}
        className="qd-toolbar-search"
        aria-label={t('projects.search')}
        data-testid="projects-search"
      />
      <Dropdown
        trigger={['click']}
        open={statusOpen}
        onOpenChange={(open, info) => {
          if (info.source === 'trigger' || !open) setStatusOpen(open);
        }}
        menu={{
          selectable: true,
          multiple: true,
          selectedKeys: filters.status,
          onClick: ({ key }) => {
            if (key === 'clear') onChange({ status: [] });
            else if (isProjectStatus(key)) toggleStatus(key);
          },
          items: [
            ...PROJECT_STATUSES.map((status) => ({
              key: status,
              label: t(`project.status.${status}`),
              'data-testid': `status-filter-${status}`,
            })),
            ...(filters.status.length ? [{ type: 'divider' as const }, { key: 'clear', label: t('projects.clearFilters') }] : []),
          ],
        }}
      >
        <Button
          icon={<FilterOutlined />}
          type={filters.status.length ? 'primary' : 'default'}
          ghost={filters.status.length > 0}
          data-testid="projects-status-filter"
          aria-label={t('projects.statusFilter')}
        >
          {statusLabel}
          <DownOutlined className="qd-caret" />
        </Button>
      </Dropdown>
      <Dropdown
        trigger={['click']}
        menu={{
          selectable: true,
          selectedKeys: [filters.sort],
          onClick: ({ key }) => {
            if (isProjectSort(key)) onChange({ sort: key satisfies ProjectSort });
          },
          items: PROJECT_SORTS.map((sort) => ({ key: sort, label: t(`projects.sorts.${sort}`), 'data-testid': `sort-${sort}` })),
        }}
      >
        <Button icon={<SortAscendingOutlined />} data-testid="projects-sort" aria-label={t('projects.sort')}>
          {t(`projects.sorts.${filters.sort}`)}
          <DownOutlined className="qd-caret" />
        </Button>
      </Dropdown>
      <Segmented<ArchivedFilter>
        value={filters.archived}
        onChange={(archived) => onChange({ archived })}
        options={ARCHIVED.map((value) => ({ value, label: t(`projects.archived.${value}`) }))}
        data-testid="projects-archived"
      />
    </Flex>
  );
}
