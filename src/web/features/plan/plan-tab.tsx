import { Segmented } from 'antd';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { ProjectRole } from '../../../core/members/schemas';
import type { Project } from '../../../core/projects/schemas';
import { useCurrentUser } from '../../app/auth';
import { PageSpin } from '../../app/loading';
import { useMembers } from '../members/use-members';
import { GanttView } from './gantt-view';
import './gantt.css';
import { lazyNamed } from '../../components/lazy-named';

const BaselinesView = lazyNamed(() => import('./baselines-view'), 'BaselinesView');
const TimeWeekView = lazyNamed(() => import('./time-week-view'), 'TimeWeekView');

const VIEWS = ['gantt', 'baselines', 'time'] as const;
type View = (typeof VIEWS)[number];

/** Project roles that shape the plan besides its managers (the server's rule for changing tasks and dependencies). */
const PLAN_EDITORS: readonly ProjectRole[] = ['sales', 'presales', 'support'];

/** The project's plan: the Gantt with its work breakdown, the baselines and their variance, and the time sheet (`?tab=plan&view=…`). */
export function PlanTab({ project, canManage }: { project: Project; canManage: boolean }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const members = useMembers(project.id);
  const [params, setParams] = useSearchParams();
  const view: View = VIEWS.find((key) => key === params.get('view')) ?? 'gantt';
  const myRole = members.data?.items.find((member) => member.userId === me.user.id)?.role;
  const canEditPlan = canManage || (me.role !== 'guest' && myRole !== undefined && PLAN_EDITORS.includes(myRole));

  return (
    <div data-testid="plan-tab">
      <Segmented<View>
        className="qd-block-gap"
        value={view}
        onChange={(next) => setParams(next === 'gantt' ? { tab: 'plan' } : { tab: 'plan', view: next }, { replace: true })}
        options={VIEWS.map((key) => ({ value: key, label: <span data-testid={`plan-view-${key}`}>{t(`plan.views.${key}`)}</span> }))}
      />
      {view === 'gantt' && <GanttView project={project} canEdit={canEditPlan} />}
      {view !== 'gantt' && (
        <Suspense fallback={<PageSpin />}>
          {view === 'baselines' ? (
            <BaselinesView project={project} canManage={canManage} />
          ) : (
            <TimeWeekView project={project} canManage={canManage} />
          )}
        </Suspense>
      )}
    </div>
  );
}
