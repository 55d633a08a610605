import { DeleteOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Popconfirm, Select, Table, type TableColumnsType, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WorkspaceRole } from '../../../core/auth/schemas';
import type { WorkspaceUser } from '../../../core/users/schemas';
import { useCurrentUser } from '../../app/auth';
import { DateTimeText } from '../../components/date-text';
import { QueryError } from '../../components/query-error';
import { useChangeRole, useRemoveUser, useUsers } from './use-workspace';

const ROLES = ['owner', 'admin', 'member', 'guest'] as const satisfies readonly WorkspaceRole[];

/** The workspace's users: change a role, remove someone. */
export function UsersTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const users = useUsers();
  const changeRole = useChangeRole();
  const remove = useRemoveUser();

  if (users.isError) return <QueryError error={users.error} onRetry={() => void users.refetch()} />;
  // Only an owner grants or takes away the owner role.
  const roleOptions = (current: WorkspaceRole) =>
    ROLES.filter((role) => me.role === 'owner' || (role !== 'owner' && current !== 'owner')).map((role) => ({
      value: role,
      label: t(`roles.workspace.${role}`),
    }));

  const columns: TableColumnsType<WorkspaceUser> = [
    {
      key: 'name',
      title: t('workspace.users.name'),
      render: (_, user) => (
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
      render: (_, user) => (
        <Select<WorkspaceRole>
          value={user.role}
          options={user.role === 'owner' && me.role !== 'owner' ? [{ value: 'owner', label: t('roles.workspace.owner') }] : roleOptions(user.role)}
          disabled={user.role === 'owner' && me.role !== 'owner'}
          onChange={(role) => changeRole.mutate({ id: user.id, role }, { onSuccess: () => message.success(t('workspace.users.roleChanged')) })}
          className="qd-role-select"
          aria-label={t('workspace.users.role')}
          data-testid="user-role"
        />
      ),
    },
    { key: 'joined', title: t('workspace.users.joined'), render: (_, user) => <DateTimeText value={user.joinedAt} />, responsive: ['md'] },
    {
      key: 'actions',
      title: t('app.actions'),
      width: 80,
      render: (_, user) =>
        user.id === me.user.id ? null : (
          <Popconfirm
            title={t('workspace.users.removeTitle', { name: user.name })}
            description={<div className="qd-popconfirm-text">{t('workspace.users.removeText')}</div>}
            okText={t('app.remove')}
            cancelText={t('app.cancel')}
            okButtonProps={{ danger: true }}
            onConfirm={() => remove.mutateAsync(user.id).then(() => message.success(t('workspace.users.removed')))}
          >
            <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('app.remove')} title={t('app.remove')} data-testid="user-remove" />
          </Popconfirm>
        ),
    },
  ];

  return (
    <>
      <Alert type="info" showIcon title={t('workspace.users.roleHelp')} className="qd-block-gap" />
      <Table<WorkspaceUser>
        rowKey="id"
        columns={columns}
        dataSource={users.data?.items ?? []}
        loading={users.isPending}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="users-table"
      />
    </>
  );
}
