import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Flex, Segmented } from 'antd';
import { Suspense, startTransition, useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { Project } from '../../../core/projects/schemas';
import { PageSpin } from '../../app/loading';
import { useQueryChange } from '../../app/query-changes';
import { lazyNamed } from '../../components/lazy-named';
import { BoardFilterBar } from './board-filter-bar';
import { type BoardFilters, filtersFrom, writeFilters } from './board-filters';
import { LazyDealFormModal, preloadDealForm } from './lazy-deal-form';
import { PipelineBoard } from './pipeline-board';
import { useCanEditDeals } from './use-can-edit-deals';
import { pipelineQuery } from './use-deals';

const DealList = lazyNamed(() => import('./deal-list'), 'DealList');
const ImportWizard = lazyNamed(() => import('./import-wizard'), 'ImportWizard');

const VIEWS = ['board', 'list', 'import'] as const;
type View = (typeof VIEWS)[number];

/** The project's pipeline: the board, the list or the import (the view is in the address: `&view=list`), and "New deal". */
export function DealsTab({ project, canManage }: { project: Project; canManage: boolean }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const canEdit = useCanEditDeals(project.id);
  const [creating, setCreating] = useState<{ stage?: string } | null>(null);
  const view: View = VIEWS.find((key) => key === params.get('view')) ?? 'board';
  const search = params.toString();
  const filters = useMemo(() => filtersFrom(new URLSearchParams(search), project.currency), [search, project.currency]);

  // The board's data is asked for while the tab renders, not after; the filter bar (date pickers, selects)
  // renders after the board's first frame, in a transition the board's data can interrupt.
  // (What usePrefetchQuery does, for the board view only.)
  const client = useQueryClient();
  const board = pipelineQuery(project.id, filters);
  if (view === 'board' && !client.getQueryState(board.queryKey)) void client.prefetchQuery(board);
  const [filtersShown, setFiltersShown] = useState(false);
  useEffect(() => startTransition(() => setFiltersShown(true)), []);

  const changeQuery = useQueryChange();
  const setView = (next: View) =>
    changeQuery((current) => {
      const out = new URLSearchParams(current);
      if (next === 'board') out.delete('view');
      else out.set('view', next);
      return out;
    });
  const setFilters = useCallback(
    // A change is merged into the filters of the changes before it, even those not rendered yet: two quick
    // changes in a row (the minimum, then the maximum) both stay.
    (patch: Partial<BoardFilters>) =>
      changeQuery((current) => writeFilters(current, { ...filtersFrom(current, project.currency), ...patch }, project.currency)),
    [changeQuery, project.currency],
  );
  const onCreate = useCallback((stage?: string) => setCreating({ stage }), []);

  return (
    <div data-testid="deals-tab">
      <Flex justify="space-between" align="center" gap={8} wrap className="qd-toolbar">
        <Segmented<View>
          value={view}
          onChange={setView}
          options={VIEWS.map((key) => ({ value: key, label: <span data-testid={`deals-view-${key}`}>{t(`deals.views.${key}`)}</span> }))}
        />
        {canEdit && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => onCreate()}
            onMouseEnter={preloadDealForm}
            onFocus={preloadDealForm}
            data-testid="deal-create"
          >
            {t('deals.new')}
          </Button>
        )}
      </Flex>
      {view === 'board' && (
        <>
          {filtersShown ? (
            <BoardFilterBar filters={filters} currency={project.currency} onChange={setFilters} />
          ) : (
            <div className="qd-toolbar qd-board-filters-placeholder" />
          )}
          <PipelineBoard project={project} filters={filters} canEdit={canEdit} onCreate={onCreate} />
        </>
      )}
      {view !== 'board' && (
        <Suspense fallback={<PageSpin />}>
          {view === 'list' ? (
            <DealList project={project} canManage={canManage} />
          ) : (
            <ImportWizard project={project} canManage={canManage} />
          )}
        </Suspense>
      )}
      <LazyDealFormModal
        open={creating !== null}
        projectId={project.id}
        currency={project.currency}
        stage={creating?.stage}
        onClose={() => setCreating(null)}
      />
    </div>
  );
}
