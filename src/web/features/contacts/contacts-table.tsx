import { Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Contact } from '../../../core/contacts/schemas';
import { type Column, DataTable } from '../../components/data-table';
import { DateTimeText } from '../../components/date-text';

type Props = { contacts: readonly Contact[]; loading: boolean; empty: ReactNode; showAccount?: boolean };

/** Contacts as a table; a row opens the contact. */
export function ContactsTable({ contacts, loading, empty, showAccount = true }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const columns: Column<Contact>[] = [
    {
      key: 'name',
      title: t('accounts.contact.fields.name'),
      render: (contact) => (
        <Link to={`/contacts/${contact.id}`} onClick={(event) => event.stopPropagation()} data-testid="contact-link">
          <Typography.Text strong className="qd-link-text">
            {contact.name}
          </Typography.Text>
        </Link>
      ),
    },
    { key: 'title', title: t('accounts.contact.fields.title'), render: (contact) => contact.title || '—', from: 'sm' },
    ...(showAccount
      ? [
          {
            key: 'account',
            title: t('accounts.contact.fields.account'),
            render: (contact: Contact) =>
              contact.accountId ? (
                <Link to={`/accounts/${contact.accountId}`} onClick={(event) => event.stopPropagation()}>
                  {contact.accountName}
                </Link>
              ) : (
                '—'
              ),
            from: 'md' as const,
          },
        ]
      : []),
    { key: 'phone', title: t('accounts.contact.fields.phone'), render: (contact) => contact.phone || '—', from: 'md' },
    { key: 'email', title: t('accounts.contact.fields.email'), render: (contact) => contact.email || '—', from: 'lg' },
    { key: 'wechat', title: t('accounts.contact.fields.wechat'), render: (contact) => contact.wechat || '—', from: 'xl' },
    ...(showAccount
      ? [
          {
            key: 'updated',
            title: t('accounts.contact.fields.updated'),
            render: (contact: Contact) => <DateTimeText value={contact.updatedAt} />,
            from: 'xl' as const,
          },
        ]
      : []),
  ];
  return (
    <DataTable<Contact>
      rows={contacts}
      rowKey={(contact) => contact.id}
      columns={columns}
      loading={loading}
      empty={empty}
      onRowClick={(contact) => navigate(`/contacts/${contact.id}`)}
      testId="contacts-table"
      rowTestId="contact-row"
      size={showAccount ? 'middle' : 'small'}
    />
  );
}
