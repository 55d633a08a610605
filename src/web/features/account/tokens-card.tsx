import { KeyOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, InputNumber, Modal, Popconfirm, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiToken } from '../../../core/tokens/schemas';
import { DateTimeText } from '../../components/date-text';
import { QueryError } from '../../components/query-error';
import { SecretReveal } from '../../components/secret-reveal';
import { useCreateToken, useRevokeToken, useTokens } from './use-account';

type TokenForm = { name: string; expiresInDays?: number | null };

/** Personal API tokens: the secret is shown once, in a modal with a copy button. */
export function TokensCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<TokenForm>();
  const tokens = useTokens();
  const create = useCreateToken();
  const revoke = useRevokeToken();
  const [secret, setSecret] = useState<string | null>(null);

  const submit = (values: TokenForm) =>
    create.mutate(
      { name: values.name.trim(), expiresInDays: values.expiresInDays ?? undefined },
      {
        onSuccess: (created) => {
          setSecret(created.token);
          form.resetFields();
        },
      },
    );

  const columns: TableColumnsType<ApiToken> = [
    { key: 'name', title: t('account.tokenColumns.name'), render: (_, token) => <Typography.Text strong>{token.name}</Typography.Text> },
    { key: 'created', title: t('account.tokenColumns.created'), render: (_, token) => <DateTimeText value={token.createdAt} />, responsive: ['md'] },
    {
      key: 'lastUsed',
      title: t('account.tokenColumns.lastUsed'),
      render: (_, token) => (token.lastUsedAt ? <DateTimeText value={token.lastUsedAt} /> : <span className="qd-muted">{t('account.never')}</span>),
    },
    {
      key: 'expires',
      title: t('account.tokenColumns.expires'),
      render: (_, token) => (token.expiresAt ? <DateTimeText value={token.expiresAt} /> : <span className="qd-muted">{t('account.noExpiry')}</span>),
      responsive: ['sm'],
    },
    {
      key: 'actions',
      title: t('app.actions'),
      render: (_, token) => (
        <Popconfirm
          title={t('account.revokeTitle', { name: token.name })}
          description={t('account.revokeText')}
          okText={t('account.revoke')}
          cancelText={t('app.cancel')}
          okButtonProps={{ danger: true }}
          onConfirm={() => revoke.mutateAsync(token.id).then(() => message.success(t('account.revoked')))}
        >
          <Button type="link" danger size="small" data-testid="token-revoke">
            {t('account.revoke')}
          </Button>
        </Popconfirm>
      ),
    },
  ];

  return (
    <Card
      title={t('account.tokens')}
      extra={
        <a href="/api/docs" target="_blank" rel="noreferrer">
          {t('account.apiDocs')}
        </a>
      }
      data-testid="tokens-card"
    >
      <Typography.Paragraph type="secondary">{t('account.tokensIntro')}</Typography.Paragraph>
      <Form<TokenForm> form={form} layout="inline" onFinish={submit} className="qd-inline-form qd-block-gap">
        <Form.Item name="name" rules={[{ required: true, whitespace: true, message: t('account.tokenNameRequired') }]}>
          <Input
            prefix={<KeyOutlined />}
            placeholder={t('account.tokenNamePlaceholder')}
            maxLength={100}
            aria-label={t('account.tokenName')}
            className="qd-token-name"
            data-testid="token-name"
          />
        </Form.Item>
        <Form.Item name="expiresInDays">
          <InputNumber min={1} max={3650} placeholder={t('account.tokenExpires')} className="qd-token-days" aria-label={t('account.tokenExpires')} data-testid="token-days" />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="token-create">
            {t('account.createToken')}
          </Button>
        </Form.Item>
      </Form>
      {tokens.isError ? (
        <QueryError error={tokens.error} onRetry={() => void tokens.refetch()} />
      ) : (
        <Table<ApiToken>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={tokens.data?.items ?? []}
          loading={tokens.isPending}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('account.noTokens') }}
          data-testid="tokens-table"
        />
      )}
      <Modal
        open={secret !== null}
        title={t('account.tokenCreatedTitle')}
        onCancel={() => setSecret(null)}
        maskClosable={false}
        footer={
          <Button type="primary" onClick={() => setSecret(null)} data-testid="token-secret-close">
            {t('app.close')}
          </Button>
        }
      >
        {secret && <SecretReveal value={secret} warning={t('account.tokenCreatedText')} testId="token-secret" />}
      </Modal>
    </Card>
  );
}
