import { EditOutlined, UserAddOutlined } from '@ant-design/icons';
import { Button, Empty, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useParams } from 'react-router';
import { isAdmin, useCurrentUser } from '../../app/auth';
import { useMessage } from '../../app/feedback';
import { ConfirmDelete } from '../../components/confirm-delete';
import { PageHeader } from '../../components/page-header';
import { Panel } from '../../components/panel';
import { recordState } from '../../components/record-state';
import { ContactsTable } from '../contacts/contacts-table';
import { LazyContactFormModal } from '../contacts/lazy-contact-form';
import { useContactList, useCreateContact } from '../contacts/use-contacts';
import { useUsers } from '../workspace/use-workspace';
import { RelatedDeals } from './account-deals';
import { DuplicateAlert } from './duplicate-alert';
import { LazyAccountFormModal } from './lazy-account-form';
import { GuestNotice } from './notices';
import { useAccount, useDeleteAccount, useUpdateAccount } from './use-accounts';
import './accounts.css';
import { useArrivedDuplicates } from './use-arrived-duplicates';

/** `/accounts/:id`: one customer — details and notes, its contacts, its deals in every project; edit and delete. */
export function AccountPage() {
  const { id = '' } = useParams();
  const me = useCurrentUser();
  if (me.role === 'guest') return <GuestNotice />;
  return <AccountView key={id} id={id} />;
}

function AccountView({ id }: { id: string }) {
  const { t } = useTranslation();
  const message = useMessage();
  const navigate = useNavigate();
  const _location = useLocation();
  const me = useCurrentUser();
  const users = useUsers();
  const account = useAccount(id);
  const update = useUpdateAccount(id);
  const remove = useDeleteAccount();
  const contacts = useContactList({ q: '', accountId: id, sort: 'name' });
  const addContact = useCreateContact();
  const [editing, setEditing] = useState(false);
  const [adding, setAdding] = useState(false);
  const [duplicates, setDuplicates] = useArrivedDuplicates();

  const state = recordState(account, { text: t('accounts.notFound'), backTo: '/accounts', backLabel: t('accounts.back') });
  if (state || !account.data) return state;
  const data = account.data;
  const owner = data.ownerId ? (users.data?.items.find((user) => user.id === data.ownerId)?.name ?? '—') : t('accounts.noOwner');
  const contactItems = contacts.data?.pages.flatMap((page) => page.items) ?? [];
  // As the server decides: the owner (anyone when there is none) and workspace admins delete a customer.
  const canDelete = isAdmin(me) || data.ownerId === null || data.ownerId === me.user.id;

  return (
    <>
      <PageHeader
        title={data.name}
        backTo="/accounts"
        backLabel={t('accounts.back')}
        tags={
          <>
            {data.industry && <Tag>{data.industry}</Tag>}
            {data.region && <Tag>{data.region}</Tag>}
          </>
        }
        extra={
          <>
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="account-edit">
              {t('app.edit')}
            </Button>
            <ConfirmDelete
              title={t('accounts.deleteTitle')}
              text={t('accounts.deleteText')}
              pending={remove.isPending}
              refusal={canDelete ? undefined : t('accounts.deleteOwnersOnly')}
              onConfirm={() =>
                remove.mutateAsync(data).then(() => {
                  message.success(t('accounts.deleted'));
                  navigate('/accounts');
                })
              }
              testId="account-delete"
            />
          </>
        }
      />
      <DuplicateAlert
        duplicates={duplicates}
        title={t('accounts.duplicateTitle')}
        text={t('accounts.duplicateText')}
        basePath="/accounts"
        onClose={() => setDuplicates([])}
      />
      <div className="qd-detail-grid">
        <Panel title={t('accounts.details')} testId="account-details">
          <dl className="qd-detail-list">
            <dt>{t('accounts.fields.industry')}</dt>
            <dd>{data.industry || '—'}</dd>
            <dt>{t('accounts.fields.region')}</dt>
            <dd>{data.region || '—'}</dd>
            <dt>{t('accounts.fields.size')}</dt>
            <dd>{data.size || '—'}</dd>
            <dt>{t('accounts.fields.owner')}</dt>
            <dd>{owner}</dd>
            <dt>{t('accounts.fields.notes')}</dt>
            <dd className="qd-pre-wrap">{data.notes || <Typography.Text type="secondary">{t('accounts.noNotes')}</Typography.Text>}</dd>
          </dl>
        </Panel>
        <div className="qd-stack">
          <Panel
            title={t('accounts.contacts')}
            testId="account-contacts"
            extra={
              <Button size="small" icon={<UserAddOutlined />} onClick={() => setAdding(true)} data-testid="account-add-contact">
                {t('accounts.addContact')}
              </Button>
            }
          >
            <ContactsTable
              contacts={contactItems}
              loading={contacts.isPending}
              showAccount={false}
              empty={<Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('accounts.noContacts')} />}
            />
          </Panel>
          <RelatedDeals path={`/accounts/${encodeURIComponent(id)}/deals`} hint={t('accounts.dealsHint')} empty={t('accounts.noDeals')} />
        </div>
      </div>
      <LazyAccountFormModal
        open={editing}
        account={data}
        pending={update.isPending}
        onCancel={() => setEditing(false)}
        onSubmit={(body) =>
          update.mutate(
            { ...body, version: data.version },
            {
              onSuccess: () => {
                setEditing(false);
                message.success(t('accounts.updated'));
              },
            },
          )
        }
      />
      <LazyContactFormModal
        open={adding}
        accountId={id}
        accountName={data.name}
        pending={addContact.isPending}
        onCancel={() => setAdding(false)}
        onSubmit={(body) =>
          addContact.mutate(body, {
            onSuccess: (contact) => {
              setAdding(false);
              message.success(t('accounts.contact.created'));
              if (contact.duplicates.length) navigate(`/contacts/${contact.id}`, { state: { duplicates: contact.duplicates } });
            },
          })
        }
      />
    </>
  );
}
