import { EditOutlined, UserAddOutlined } from '@ant-design/icons';
import type { UseQueryResult } from '@tanstack/react-query';
import { Button, Empty, Flex, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Member } from '../../../core/members/schemas';
import type { Project } from '../../../core/projects/schemas';
import type { Page } from '../../app/api';
import { useCurrentUser } from '../../app/auth';
import { useMessage } from '../../app/feedback';
import { useFormat } from '../../app/locale';
import { ConfirmDelete } from '../../components/confirm-delete';
import { type Column, DataTable } from '../../components/data-table';
import { QueryError } from '../../components/query-error';
import { useUsers } from '../workspace/use-workspace';
import { LazyMemberFormModal, preloadMemberForm } from './lazy-member-form';
import { useAddMember, useRemoveMember, useUpdateMember } from './use-members';

type Props = { project: Project; members: UseQueryResult<Page<Member>>; canManage: boolean };

function RoleTag({ role }: { role: Member['role'] }) {
  const { t } = useTranslation();
  return <Tag color={role === 'manager' ? 'gold' : 'default'}>{t(`roles.project.${role}`)}</Tag>;
}

type Editing = { mode: 'add' } | { mode: 'edit'; member: Member } | null;

/** The project's people: role, responsibilities, weekly capacity and cost rate. */
export function TeamTab({ project, members, canManage }: Props) {
  const { t } = useTranslation();
  const message = useMessage();
  const format = useFormat();
  const me = useCurrentUser();
  const users = useUsers();
  const add = useAddMember(project.id);
  const update = useUpdateMember(project.id);
  const remove = useRemoveMember(project.id);
  const [editing, setEditing] = useState<Editing>(null);

  if (members.isError) return <QueryError error={members.error} onRetry={() => void members.refetch()} />;
  const items = members.data?.items ?? [];
  const onTeam = new Set(items.map((member) => member.userId));
  const candidates = (users.data?.items ?? []).filter((user) => !onTeam.has(user.id));
  const totalHours = items.reduce((sum, member) => sum + member.capacityHoursPerWeek, 0);

  const columns: Column<Member>[] = [
    {
      key: 'name',
      title: t('members.user'),
      render: (member) => (
        <Flex vertical>
          <Typography.Text strong>
            {member.userName}
            {member.userId === me.user.id && <Typography.Text type="secondary"> ({t('app.you')})</Typography.Text>}
          </Typography.Text>
          <Typography.Text type="secondary" className="qd-small">
            {member.userEmail}
          </Typography.Text>
          <span className="qd-narrow-only" data-testid="member-narrow-details">
            <RoleTag role={member.role} /> {t('members.hoursPerWeek', { hours: format.number(member.capacityHoursPerWeek, 1) })} ·{' '}
            {t('members.perHour', { amount: format.money(member.costRate, project.currency) })}
            {member.responsibilities && <span className="qd-narrow-only qd-pre-wrap">{member.responsibilities}</span>}
          </span>
        </Flex>
      ),
    },
    {
      key: 'role',
      title: t('members.role'),
      render: (member) => <RoleTag role={member.role} />,
      width: 110,
      from: 'md',
    },
    {
      key: 'responsibilities',
      title: t('members.responsibilities'),
      render: (member) => <span className="qd-pre-wrap qd-cell-text">{member.responsibilities || '—'}</span>,
      from: 'md',
    },
    {
      key: 'capacity',
      title: t('members.capacity'),
      render: (member) => (
        <span className="qd-number">{t('members.hoursPerWeek', { hours: format.number(member.capacityHoursPerWeek, 1) })}</span>
      ),
      align: 'end',
      from: 'md',
    },
    {
      key: 'costRate',
      title: t('members.costRate'),
      render: (member) => (
        <span className="qd-number">{t('members.perHour', { amount: format.money(member.costRate, project.currency) })}</span>
      ),
      align: 'end',
      from: 'md',
    },
    ...(canManage
      ? [
          {
            key: 'actions',
            title: t('app.actions'),
            width: 100,
            render: (member: Member) => (
              <Flex gap={4}>
                <Button
                  type="text"
                  icon={<EditOutlined />}
                  aria-label={t('app.edit')}
                  title={t('app.edit')}
                  onClick={() => setEditing({ mode: 'edit', member })}
                  data-testid="member-edit"
                />
                <ConfirmDelete
                  title={t('members.removeTitle', { name: member.userName })}
                  text={t('members.removeText')}
                  pending={remove.isPending}
                  onConfirm={() => remove.mutateAsync(member).then(() => message.success(t('members.removed')))}
                  action={t('app.remove')}
                  look="text"
                  testId="member-remove"
                />
              </Flex>
            ),
          },
        ]
      : []),
  ];

  return (
    <div data-testid="team-tab">
      <Flex justify="space-between" align="center" gap={8} wrap className="qd-toolbar">
        <Typography.Text type="secondary" data-testid="team-summary">
          {t('members.total', { count: items.length, hours: format.number(totalHours, 1) })}
        </Typography.Text>
        {canManage && (
          <Button
            type="primary"
            icon={<UserAddOutlined />}
            onClick={() => setEditing({ mode: 'add' })}
            onMouseEnter={preloadMemberForm}
            onFocus={preloadMemberForm}
            data-testid="member-add"
          >
            {t('members.add')}
          </Button>
        )}
      </Flex>
      <DataTable<Member>
        rows={items}
        rowKey={(member) => member.id}
        columns={columns}
        loading={members.isPending}
        testId="members-table"
        rowTestId="member-row"
        empty={
          <Empty
            description={
              <Flex vertical gap={4} align="center">
                <Typography.Text strong>{t('members.emptyTitle')}</Typography.Text>
                <Typography.Text type="secondary">{t('members.emptyText')}</Typography.Text>
              </Flex>
            }
          />
        }
      />
      <LazyMemberFormModal
        open={editing !== null}
        currency={project.currency}
        member={editing?.mode === 'edit' ? editing.member : undefined}
        candidates={candidates}
        pending={add.isPending || update.isPending}
        onCancel={() => setEditing(null)}
        onSubmit={(values) => {
          if (editing?.mode === 'edit') {
            const { userId: _userId, ...patch } = values;
            // The latest loaded version: after a conflict the list has reloaded and the user tries again on it.
            const version = items.find((member) => member.id === editing.member.id)?.version ?? editing.member.version;
            update.mutate(
              { id: editing.member.id, patch: { ...patch, version } },
              {
                onSuccess: () => {
                  setEditing(null);
                  message.success(t('members.updated'));
                },
              },
            );
          } else {
            add.mutate(values, {
              onSuccess: () => {
                setEditing(null);
                message.success(t('members.added'));
              },
            });
          }
        }}
      />
    </div>
  );
}
