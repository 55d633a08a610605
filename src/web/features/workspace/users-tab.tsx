import { DeleteOutlined, DownOutlined } from '@ant-design/icons';
import { Alert, Button, Dropdown, Flex, Popconfirm, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WorkspaceRole } from '../../../core/auth/schemas';
import type { WorkspaceUser } from '../../../core/users/schemas';
import { useCurrentUser } from '../../app/auth';
import { useMessage } from '../../app/feedback';
import { type Column, DataTable } from '../../components/data-table';
import { DateTimeText } from '../../components/date-text';
import { QueryError } from '../../components/query-error';
import { useChangeRole, useRemoveUser, useUsers } from './use-workspace';

const ROLES = ['owner', 'admin', 'member', 'guest'] as const satisfies readonly WorkspaceRole[];

/** The workspace's users: change a role, remove someone. */
export function UsersTab() {
  const { t } = useTranslation();
  const message = useMessage();
  const me = useCurrentUser();
  const users = useUsers();
  const changeRole = useChangeRole();
  const remove = useRemoveUser();

  if (users.isError) return <QueryError error={users.error} onRetry={() => void users.refetch()} />;
  // Only an owner grants or takes away the owner role.
  const roleOptions = (current: WorkspaceRole) =>
    ROLES.filter((role) => me.role === 'owner' || (role !== 'owner' && current !== 'owner')).map((role) => ({
      key: role,
      label: t(`roles.workspace.${role}`),
    }));

  const columns: Column<WorkspaceUser>[] = [
    {
      key: 'name',
      title: t('workspace.users.name'),
      render: (user) => (
        <Flex vertical>
          <Typography.Text strong>
            {user.name}
            {user.id === me.user.id && <Typography.Text type="secondary"> ({t('app.you')})</Typography.Text>}
          </Typography.Text>
          <Typography.Text type="secondary" className="qd-small">
            {user.email}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'role',
      title: t('workspace.users.role'),
      width: 150,
      render: (user) => {
        const locked = user.role === 'owner' && me.role !== 'owner';
        return (
          <Dropdown
            trigger={['click']}
            disabled={locked}
            menu={{
              selectable: true,
              selectedKeys: [user.role],
              items: roleOptions(user.role).map((option) => ({ ...option, 'data-testid': `user-role-${option.key}` })),
              onClick: ({ key }) => {
                const role = ROLES.find((candidate) => candidate === key);
                if (role && role !== user.role)
                  changeRole.mutate({ id: user.id, role }, { onSuccess: () => message.success(t('workspace.users.roleChanged')) });
              },
            }}
          >
            <Button size="small" disabled={locked} aria-label={t('workspace.users.role')} data-testid="user-role">
              {t(`roles.workspace.${user.role}`)}
              {!locked && <DownOutlined className="qd-caret" />}
            </Button>
          </Dropdown>
        );
      },
    },
    { key: 'joined', title: t('workspace.users.joined'), render: (user) => <DateTimeText value={user.joinedAt} />, from: 'md' },
    {
      key: 'actions',
      title: t('app.actions'),
      width: 80,
      render: (user) =>
        user.id === me.user.id ? null : (
          <Popconfirm
            title={t('workspace.users.removeTitle', { name: user.name })}
            description={<div className="qd-popconfirm-text">{t('workspace.users.removeText')}</div>}
            okText={t('app.remove')}
            cancelText={t('app.cancel')}
            okButtonProps={{ danger: true }}
            onConfirm={() => remove.mutateAsync(user.id).then(() => message.success(t('workspace.users.removed')))}
          >
            <Button
              type="text"
              danger
              icon={<DeleteOutlined />}
              aria-label={t('app.remove')}
              title={t('app.remove')}
              data-testid="user-remove"
            />
          </Popconfirm>
        ),
    },
  ];

  return (
    <>
      <Alert type="info" showIcon title={t('workspace.users.roleHelp')} className="qd-block-gap" />
      <DataTable<WorkspaceUser>
        rows={users.data?.items ?? []}
        rowKey={(user) => user.id}
        columns={columns}
        loading={users.isPending}
        testId="users-table"
        rowTestId="user-row"
      />
    </>
  );
}
