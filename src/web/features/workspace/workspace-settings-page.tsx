import { Alert, Tabs } from 'antd';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { isAdmin, useCurrentUser } from '../../app/auth';
import { PageSpin } from '../../app/loading';
import { lazyNamed } from '../../components/lazy-named';
import { PageHeader } from '../../components/page-header';
import { UsersTab } from './users-tab';

const TABS = ['users', 'invitations', 'stages', 'calendars', 'rates'] as const;

/** Creating invitations needs a form; it is downloaded when its tab opens. */
const StagesTab = lazyNamed(() => import('../deals/stages-tab'), 'StagesTab');
const CalendarsTab = lazyNamed(() => import('../plan/calendars-tab'), 'CalendarsTab');
const ExchangeRatesTab = lazyNamed(() => import('../goals/exchange-rates-tab'), 'ExchangeRatesTab');
const InvitationsTab = lazyNamed(() => import('./invitations-tab'), 'InvitationsTab');

/** `/settings/workspace`: the workspace's people and invitations (owners and admins). */
export function WorkspaceSettingsPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const tab = TABS.find((key) => key === params.get('tab')) ?? 'users';

  if (!isAdmin(me)) return <Alert type="warning" showIcon title={t('errors.FORBIDDEN')} description={t('workspace.adminOnly')} />;
  return (
    <>
      <PageHeader title={t('workspace.title')} subtitle={t('workspace.subtitle', { name: me.workspace.name })} />
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'users' ? {} : { tab: key }, { replace: true })}
        items={[
          { key: 'users', label: <span data-testid="tab-users">{t('workspace.tabs.users')}</span>, children: <UsersTab /> },
          {
            key: 'invitations',
            label: <span data-testid="tab-invitations">{t('workspace.tabs.invitations')}</span>,
            children: (
              <Suspense fallback={<PageSpin />}>
                <InvitationsTab />
              </Suspense>
            ),
          },
          {
            key: 'stages',
            label: <span data-testid="tab-stages">{t('deals.stagesTab')}</span>,
            children: (
              <Suspense fallback={<PageSpin />}>
                <StagesTab />
              </Suspense>
            ),
          },
          {
            key: 'calendars',
            label: <span data-testid="tab-calendars">{t('plan.calendarsTab')}</span>,
            children: (
              <Suspense fallback={<PageSpin />}>
                <CalendarsTab />
              </Suspense>
            ),
          },
          {
            key: 'rates',
            label: <span data-testid="tab-rates">{t('goals.ratesTab')}</span>,
            children: (
              <Suspense fallback={<PageSpin />}>
                <ExchangeRatesTab />
              </Suspense>
            ),
          },
        ]}
      />
    </>
  );
}
