import { Result, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { isAdmin, useCurrentUser } from '../../app/auth';
import { PageHeader } from '../../components/page-header';
import { InvitationsTab } from './invitations-tab';
import { UsersTab } from './users-tab';

const TABS = ['users', 'invitations'] as const;

/** `/settings/workspace`: the workspace's people and invitations (owners and admins). */
export function WorkspaceSettingsPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const tab = TABS.find((key) => key === params.get('tab')) ?? 'users';

  if (!isAdmin(me)) return <Result status="403" title={t('errors.FORBIDDEN')} subTitle={t('workspace.adminOnly')} />;
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
            children: <InvitationsTab />,
          },
        ]}
      />
    </>
  );
}
