import { MailOutlined } from '@ant-design/icons';
import { Button, Form, Input, Segmented, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Invitation } from '../../../core/users/schemas';
import { useMessage } from '../../app/feedback';
import { ConfirmDelete } from '../../components/confirm-delete';
import { type Column, DataTable } from '../../components/data-table';
import { DateTimeText } from '../../components/date-text';
import { LazySecretModal } from '../../components/lazy-secret-modal';
import { Panel } from '../../components/panel';
import { QueryError } from '../../components/query-error';
import { type InvitationInput, useCreateInvitation, useInvitations, useRevokeInvitation } from './use-workspace';

const INVITABLE = ['member', 'admin', 'guest'] as const;

/** Create an invitation link (shown once), list the pending ones, revoke one. */
export function InvitationsTab() {
  const { t } = useTranslation();
  const message = useMessage();
  const [form] = Form.useForm<InvitationInput>();
  const invitations = useInvitations();
  const create = useCreateInvitation();
  const revoke = useRevokeInvitation();
  const [link, setLink] = useState<string | null>(null);

  const submit = (values: InvitationInput) =>
    create.mutate(
      { role: values.role, expiresInDays: values.expiresInDays, email: values.email?.trim() || undefined },
      {
        onSuccess: (created) => {
          setLink(created.url);
          form.resetFields();
        },
      },
    );

  const columns: Column<Invitation>[] = [
    {
      key: 'email',
      title: t('auth.email'),
      render: (invitation) => invitation.email ?? <span className="qd-muted">{t('workspace.invitations.anyone')}</span>,
    },
    {
      key: 'role',
      title: t('workspace.invitations.role'),
      render: (invitation) => <Tag>{t(`roles.workspace.${invitation.role}`)}</Tag>,
    },
    {
      key: 'created',
      title: t('workspace.invitations.created'),
      render: (invitation) => <DateTimeText value={invitation.createdAt} />,
      from: 'md',
    },
    { key: 'expires', title: t('workspace.invitations.expires'), render: (invitation) => <DateTimeText value={invitation.expiresAt} /> },
    {
      key: 'actions',
      title: t('app.actions'),
      render: (invitation) => (
        <ConfirmDelete
          title={t('workspace.invitations.revokeTitle')}
          text={t('workspace.invitations.revokeText')}
          onConfirm={() => revoke.mutateAsync(invitation.id).then(() => message.success(t('workspace.invitations.revoked')))}
          action={t('workspace.invitations.revoke')}
          look="link"
          size="small"
          testId="invitation-revoke"
        />
      ),
    },
  ];

  return (
    <div className="qd-stack">
      <Panel title={t('workspace.invitations.create')}>
        <Form<InvitationInput>
          form={form}
          layout="inline"
          initialValues={{ role: 'member', expiresInDays: 7 }}
          onFinish={submit}
          className="qd-inline-form"
        >
          <Form.Item name="role" label={t('workspace.invitations.role')}>
            <Segmented
              options={INVITABLE.map((role) => ({ value: role, label: t(`roles.workspace.${role}`) }))}
              data-testid="invitation-role"
            />
          </Form.Item>
          <Form.Item
            name="email"
            label={t('workspace.invitations.email')}
            tooltip={t('workspace.invitations.emailHint')}
            rules={[{ type: 'email', message: t('auth.emailInvalid') }]}
          >
            <Input type="email" prefix={<MailOutlined />} className="qd-invite-email" data-testid="invitation-email" />
          </Form.Item>
          <Form.Item name="expiresInDays" label={t('workspace.invitations.expiresInDays')}>
            <Segmented<number>
              options={[1, 7, 30].map((days) => ({ value: days, label: t('time.days', { count: days }) }))}
              data-testid="invitation-days"
            />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="invitation-create">
              {t('workspace.invitations.create')}
            </Button>
          </Form.Item>
        </Form>
      </Panel>
      <Panel title={t('workspace.invitations.pending')}>
        {invitations.isError ? (
          <QueryError error={invitations.error} onRetry={() => void invitations.refetch()} />
        ) : (
          <DataTable<Invitation>
            rows={invitations.data?.items ?? []}
            rowKey={(invitation) => invitation.id}
            columns={columns}
            size="small"
            loading={invitations.isPending}
            empty={t('workspace.invitations.emptyText')}
            testId="invitations-table"
            rowTestId="invitation-row"
          />
        )}
      </Panel>
      <LazySecretModal
        open={link !== null}
        title={t('workspace.invitations.createdTitle')}
        warning={t('workspace.invitations.createdText')}
        value={link ?? ''}
        onClose={() => setLink(null)}
        testId="invitation-link"
      />
    </div>
  );
}
