import { DeleteOutlined, EditOutlined, InboxOutlined, RollbackOutlined } from '@ant-design/icons';
import { Alert, Button, Tag } from 'antd';
import { type ReactNode, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { isAdmin, useCurrentUser } from '../../app/auth';
import { useMessage } from '../../app/feedback';
import { PageSpin } from '../../app/loading';
import { lazyNamed } from '../../components/lazy-named';
import { PageHeader } from '../../components/page-header';
import { PageTabs } from '../../components/page-tabs';
import { recordState } from '../../components/record-state';
import { useMembers } from '../members/use-members';
import { LazyDeleteProjectModal, preloadDeleteProject } from './lazy-delete-project';
import { LazyProjectFormModal, preloadProjectForm } from './lazy-project-form';
import { StatusTag } from './status-tag';
import { useDeleteProject, useProject, useUpdateProject } from './use-projects';

const TABS = ['overview', 'plan', 'deals', 'goals', 'team', 'history'] as const;

/** The plan, the pipeline and the goals are big screens: each downloads when its tab first opens. */
const ProjectOverview = lazyNamed(() => import('./project-overview'), 'ProjectOverview');
const TeamTab = lazyNamed(() => import('../members/team-tab'), 'TeamTab');
const ProjectHistory = lazyNamed(() => import('./project-history'), 'ProjectHistory');
const PlanTab = lazyNamed(() => import('../plan/plan-tab'), 'PlanTab');
const DealsTab = lazyNamed(() => import('../deals/deals-tab'), 'DealsTab');
const GoalsTab = lazyNamed(() => import('../goals/goals-tab'), 'GoalsTab');
type TabKey = (typeof TABS)[number];

/** `/projects/:id`: header with the project's actions, and its tabs (the tab is in the address: `?tab=team`). */
export function ProjectPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const message = useMessage();
  const navigate = useNavigate();
  const me = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const project = useProject(id);
  const members = useMembers(id);
  const update = useUpdateProject(id);
  const remove = useDeleteProject(id);
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);

  const tab: TabKey = TABS.find((key) => key === params.get('tab')) ?? 'overview';
  const headerPainted = usePaintedOnce(project.data !== undefined);

  const state = recordState(project, {
    text: t('project.notFound'),
    backTo: '/projects',
    backLabel: t('project.toList'),
    testId: 'project-not-found',
  });
  if (state || !project.data) return state;
  const current = project.data;
  const isManager = members.data?.items.some((member) => member.userId === me.user.id && member.role === 'manager') ?? false;
  const canManage = isAdmin(me) || isManager;
  const archived = current.archivedAt !== null;

  const setArchived = (value: boolean) =>
    update.mutate(
      { archived: value, version: current.version },
      { onSuccess: () => message.success(value ? t('project.archivedDone') : t('project.restoredDone')) },
    );

  const actions = canManage && (
    <>
      <Button
        icon={<EditOutlined />}
        onClick={() => setEditing(true)}
        onMouseEnter={preloadProjectForm}
        onFocus={preloadProjectForm}
        data-testid="project-edit"
      >
        {t('app.edit')}
      </Button>
      <Button
        icon={archived ? <RollbackOutlined /> : <InboxOutlined />}
        onClick={() => setArchived(!archived)}
        loading={update.isPending && !editing}
        data-testid={archived ? 'project-restore' : 'project-archive'}
      >
        {archived ? t('project.restore') : t('project.archive')}
      </Button>
      <Button
        danger
        icon={<DeleteOutlined />}
        onClick={() => setDeleting(true)}
        onMouseEnter={preloadDeleteProject}
        onFocus={preloadDeleteProject}
        data-testid="project-delete"
      >
        {t('app.delete')}
      </Button>
    </>
  );

  return (
    <>
      <PageHeader
        backTo="/projects"
        backLabel={t('project.toList')}
        title={current.name}
        subtitle={canManage || members.isPending ? undefined : t('project.readOnly')}
        tags={
          <>
            <StatusTag status={current.status} />
            {archived && <Tag data-testid="project-archived-tag">{t('projects.archivedTag')}</Tag>}
          </>
        }
        extra={actions}
      />
      {archived && <Alert type="info" showIcon title={t('project.archivedNotice')} className="qd-block-gap" />}
      {headerPainted && (
        <PageTabs<TabKey>
          activeKey={tab}
          onChange={(key) => setParams(key === 'overview' ? {} : { tab: key }, { replace: true })}
          items={[
            tabItem('overview', t('project.tabs.overview'), lazyPane(<ProjectOverview project={current} />)),
            tabItem('plan', t('plan.tab'), lazyPane(<PlanTab project={current} canManage={canManage} />)),
            tabItem('deals', t('deals.tab'), lazyPane(<DealsTab project={current} canManage={canManage} />)),
            tabItem('goals', t('goals.tab'), lazyPane(<GoalsTab project={current} canManage={canManage} />)),
            tabItem('team', t('project.tabs.team'), lazyPane(<TeamTab project={current} members={members} canManage={canManage} />)),
            tabItem('history', t('project.tabs.history'), lazyPane(<ProjectHistory project={current} canView={canManage} />)),
          ]}
        />
      )}
      <LazyProjectFormModal
        open={editing}
        project={current}
        pending={update.isPending}
        onCancel={() => setEditing(false)}
        onSubmit={(body) =>
          update.mutate(
            { ...body, version: current.version },
            {
              onSuccess: () => {
                setEditing(false);
                message.success(t('project.updated'));
              },
            },
          )
        }
      />
      <LazyDeleteProjectModal
        open={deleting}
        name={current.name}
        pending={remove.isPending}
        onCancel={() => setDeleting(false)}
        onConfirm={() =>
          remove.mutate(current.version, {
            onSuccess: () => {
              setDeleting(false);
              message.success(t('project.deleteDone'));
              navigate('/projects', { replace: true });
            },
          })
        }
      />
    </>
  );
}

/** A tab of the project page. */
const tabItem = (key: TabKey, label: string, children: ReactNode) => ({ key, label, children });

/** A tab whose code loads on first show. */
const lazyPane = (pane: ReactNode) => <Suspense fallback={<PageSpin />}>{pane}</Suspense>;

/**
 * False until the browser has painted once after `ready`: the page's header (its largest text, what a
 * reader sees first) paints before the tabs below it are built — on a hard load of a 1,000-deal board
 * the deals tab's code and cards otherwise held the header's first paint back.
 */
function usePaintedOnce(ready: boolean): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    if (!ready || painted) return;
    let timer = 0;
    const frame = requestAnimationFrame(() => {
      timer = window.setTimeout(() => setPainted(true));
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [ready, painted]);
  return painted;
}
