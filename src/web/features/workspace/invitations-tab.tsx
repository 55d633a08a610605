import { MailOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, InputNumber, Modal, Popconfirm, Select, Table, type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Invitation } from '../../../core/users/schemas';
import { DateTimeText } from '../../components/date-text';
import { QueryError } from '../../components/query-error';
import { SecretReveal } from '../../components/secret-reveal';
import { type InvitationInput, useCreateInvitation, useInvitations, useRevokeInvitation } from './use-workspace';

const INVITABLE = ['member', 'admin', 'guest'] as const;

/** Create an invitation link (shown once), list the pending ones, revoke one. */
export function InvitationsTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
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

  const columns: TableColumnsType<Invitation> = [
    {
      key: 'email',
      title: t('auth.email'),
      render: (_, invitation) => invitation.email ?? <span className="qd-muted">{t('workspace.invitations.anyone')}</span>,
    },
    { key: 'role', title: t('workspace.invitations.role'), render: (_, invitation) => <Tag>{t(`roles.workspace.${invitation.role}`)}</Tag> },
    {
      key: 'created',
      title: t('workspace.invitations.created'),
      render: (_, invitation) => <DateTimeText value={invitation.createdAt} />,
      responsive: ['md'],
    },
    { key: 'expires', title: t('workspace.invitations.expires'), render: (_, invitation) => <DateTimeText value={invitation.expiresAt} /> },
    {
      key: 'actions',
      title: t('app.actions'),
      render: (_, invitation) => (
        <Popconfirm
          title={t('workspace.invitations.revokeTitle')}
          description={t('workspace.invitations.revokeText')}
          okText={t('workspace.invitations.revoke')}
          cancelText={t('app.cancel')}
          okButtonProps={{ danger: true }}
          onConfirm={() => revoke.mutateAsync(invitation.id).then(() => message.success(t('workspace.invitations.revoked')))}
        >
          <Button type="link" danger size="small" data-testid="invitation-revoke">
            {t('workspace.invitations.revoke')}
          </Button>
        </Popconfirm>
      ),
    },
  ];

  return (
    <div className="qd-stack">
      <Card size="small" title={t('workspace.invitations.create')}>
        <Form<InvitationInput> form={form} layout="inline" initialValues={{ role: 'member', expiresInDays: 7 }} onFinish={submit} className="qd-inline-form">
          <Form.Item name="role" label={t('workspace.invitations.role')}>
            <Select
              options={INVITABLE.map((role) => ({ value: role, label: t(`roles.workspace.${role}`) }))}
              className="qd-role-select"
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
            <InputNumber min={1} max={30} suffix={t('workspace.invitations.days')} data-testid="invitation-days" />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="invitation-create">
              {t('workspace.invitations.create')}
            </Button>
          </Form.Item>
        </Form>
      </Card>
      <Card size="small" title={t('workspace.invitations.pending')}>
        {invitations.isError ? (
          <QueryError error={invitations.error} onRetry={() => void invitations.refetch()} />
        ) : (
          <Table<Invitation>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={invitations.data?.items ?? []}
            loading={invitations.isPending}
            pagination={false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t('workspace.invitations.emptyText') }}
            data-testid="invitations-table"
          />
        )}
      </Card>
      <Modal
        open={link !== null}
        title={t('workspace.invitations.createdTitle')}
        onCancel={() => setLink(null)}
        footer={
          <Button type="primary" onClick={() => setLink(null)} data-testid="invitation-link-close">
            {t('app.close')}
          </Button>
        }
      >
        {link && <SecretReveal value={link} warning={t('workspace.invitations.createdText')} testId="invitation-link" />}
      </Modal>
    </div>
  );
}
