import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Segmented } from 'antd';
import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { Project } from '../../../core/projects/schemas';
import { PageSpin } from '../../app/loading';
import { BoardFilterBar } from './board-filter-bar';
import { type BoardFilters, filtersFrom, writeFilters } from './board-filters';
import { LazyDealFormModal, preloadDealForm } from './lazy-deal-form';
import { PipelineBoard } from './pipeline-board';
import { useCanEditDeals } from './use-can-edit-deals';

const DealList = lazy(() => import('./deal-list').then((module) => ({ default: module.DealList })));
const ImportWizard = lazy(() => import('./import-wizard').then((module) => ({ default: module.ImportWizard })));

const VIEWS = ['board', 'list', 'import'] as const;
type View = (typeof VIEWS)[number];

/** The project's pipeline: the board, the list or the import (the view is in the address: `&view=list`), and "New deal". */
export function DealsTab({ project, canManage }: { project: Project; canManage: boolean }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const canEdit = useCanEditDeals(project.id);
  const [creating, setCreating] = useState<{ stage?: string } | null>(null);
  const view: View = VIEWS.find((key) => key === params.get('view')) ?? 'board';
  const search = params.toString();
  const filters = useMemo(() => filtersFrom(new URLSearchParams(search), project.currency), [search, project.currency]);

  const setView = (next: View) =>
    setParams(
      (current) => {
        const out = new URLSearchParams(current);
        if (next === 'board') out.delete('view');
        else out.set('view', next);
        return out;
      },
      { replace: true },
    );
  const setFilters = useCallback(
    (next: BoardFilters) => setParams((current) => writeFilters(current, next, project.currency), { replace: true }),
    [setParams, project.currency],
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
          <BoardFilterBar filters={filters} currency={project.currency} onChange={setFilters} />
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
