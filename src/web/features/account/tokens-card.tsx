import { KeyOutlined } from '@ant-design/icons';
import { Button, Form, Input, Segmented, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiToken } from '../../../core/tokens/schemas';
import { useMessage } from '../../app/feedback';
import { ConfirmDelete } from '../../components/confirm-delete';
import { type Column, DataTable } from '../../components/data-table';
import { DateTimeText } from '../../components/date-text';
import { LazySecretModal } from '../../components/lazy-secret-modal';
import { Panel } from '../../components/panel';
import { QueryError } from '../../components/query-error';
import { useCreateToken, useRevokeToken, useTokens } from './use-account';

type TokenForm = { name: string; expiresInDays: number };

/** 0 = no expiry. */
const EXPIRIES = [0, 30, 90, 365] as const;

/** Personal API tokens: the secret is shown once, in a modal with a copy button. */
export function TokensCard() {
  const { t } = useTranslation();
  const message = useMessage();
  const [form] = Form.useForm<TokenForm>();
  const tokens = useTokens();
  const create = useCreateToken();
  const revoke = useRevokeToken();
  const [secret, setSecret] = useState<string | null>(null);

  const submit = (values: TokenForm) =>
    create.mutate(
      { name: values.name.trim(), expiresInDays: values.expiresInDays || undefined },
      {
        onSuccess: (created) => {
          setSecret(created.token);
          form.resetFields();
        },
      },
    );

  const columns: Column<ApiToken>[] = [
    { key: 'name', title: t('account.tokenColumns.name'), render: (token) => <Typography.Text strong>{token.name}</Typography.Text> },
    {
      key: 'created',
      title: t('account.tokenColumns.created'),
      render: (token) => <DateTimeText value={token.createdAt} />,
      from: 'md',
    },
    {
      key: 'lastUsed',
      title: t('account.tokenColumns.lastUsed'),
      render: (token) =>
        token.lastUsedAt ? <DateTimeText value={token.lastUsedAt} /> : <span className="qd-muted">{t('account.never')}</span>,
    },
    {
      key: 'expires',
      title: t('account.tokenColumns.expires'),
      render: (token) =>
        token.expiresAt ? <DateTimeText value={token.expiresAt} /> : <span className="qd-muted">{t('account.noExpiry')}</span>,
      from: 'sm',
    },
    {
      key: 'actions',
      title: t('app.actions'),
      render: (token) => (
        <ConfirmDelete
          title={t('account.revokeTitle', { name: token.name })}
          text={t('account.revokeText')}
          onConfirm={() => revoke.mutateAsync(token.id).then(() => message.success(t('account.revoked')))}
          action={t('account.revoke')}
          look="link"
          size="small"
          testId="token-revoke"
        />
      ),
    },
  ];

  return (
    <Panel
      title={t('account.tokens')}
      extra={
        <a href="/api/docs" target="_blank" rel="noreferrer" data-testid="api-docs-link">
          {t('account.apiDocs')}
        </a>
      }
      testId="tokens-card"
    >
      <Typography.Paragraph type="secondary">{t('account.tokensIntro')}</Typography.Paragraph>
      <Form<TokenForm>
        form={form}
        layout="inline"
        initialValues={{ expiresInDays: 0 }}
        onFinish={submit}
        className="qd-inline-form qd-block-gap"
      >
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
        <Form.Item name="expiresInDays" label={t('account.tokenExpires')}>
          <Segmented<number>
            options={EXPIRIES.map((days) => ({ value: days, label: days ? t('time.days', { count: days }) : t('account.noExpiry') }))}
            data-testid="token-days"
          />
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
        <DataTable<ApiToken>
          rows={tokens.data?.items ?? []}
          rowKey={(token) => token.id}
          columns={columns}
          size="small"
          loading={tokens.isPending}
          empty={t('account.noTokens')}
          testId="tokens-table"
          rowTestId="token-row"
        />
      )}
      <LazySecretModal
        open={secret !== null}
        title={t('account.tokenCreatedTitle')}
        warning={t('account.tokenCreatedText')}
        value={secret ?? ''}
        onClose={() => setSecret(null)}
        testId="token-secret"
      />
    </Panel>
  );
}
