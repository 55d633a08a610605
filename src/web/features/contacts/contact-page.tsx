import { EditOutlined } from '@ant-design/icons';
import { Button, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { useCurrentUser } from '../../app/auth';
import { useMessage } from '../../app/feedback';
import { ConfirmDelete } from '../../components/confirm-delete';
import { PageHeader } from '../../components/page-header';
import { Panel } from '../../components/panel';
import { recordState } from '../../components/record-state';
import { RelatedDeals } from '../accounts/account-deals';
import { DuplicateAlert } from '../accounts/duplicate-alert';
import { GuestNotice } from '../accounts/notices';
import { LazyContactFormModal } from './lazy-contact-form';
import { useContact, useDeleteContact, useUpdateContact } from './use-contacts';
import '../accounts/accounts.css';
import { useArrivedDuplicates } from '../accounts/use-arrived-duplicates';

/** `/contacts/:id`: one contact — how to reach them, their customer, notes; edit and delete. */
export function ContactPage() {
  const { id = '' } = useParams();
  const me = useCurrentUser();
  if (me.role === 'guest') return <GuestNotice />;
  return <ContactView key={id} id={id} />;
}

function ContactView({ id }: { id: string }) {
  const { t } = useTranslation();
  const message = useMessage();
  const navigate = useNavigate();
  const _location = useLocation();
  const contact = useContact(id);
  const update = useUpdateContact(id);
  const remove = useDeleteContact();
  const [editing, setEditing] = useState(false);
  const [duplicates, setDuplicates] = useArrivedDuplicates();

  const state = recordState(contact, { text: t('accounts.contact.notFound'), backTo: '/contacts', backLabel: t('accounts.contact.back') });
  if (state || !contact.data) return state;
  const data = contact.data;
  const text = (value: string) => value || '—';

  return (
    <>
      <PageHeader
        title={data.name}
        subtitle={data.title || undefined}
        backTo="/contacts"
        backLabel={t('accounts.contact.back')}
        extra={
          <>
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="contact-edit">
              {t('app.edit')}
            </Button>
            <ConfirmDelete
              title={t('accounts.contact.deleteTitle')}
              text={t('accounts.contact.deleteText')}
              pending={remove.isPending}
              onConfirm={() =>
                remove.mutateAsync(data).then(() => {
                  message.success(t('accounts.contact.deleted'));
                  navigate('/contacts');
                })
              }
              testId="contact-delete"
            />
          </>
        }
      />
      <DuplicateAlert
        duplicates={duplicates}
        title={t('accounts.contact.duplicateTitle')}
        text={t('accounts.contact.duplicateText')}
        basePath="/contacts"
        onClose={() => setDuplicates([])}
      />
      <div className="qd-detail-grid">
        <Panel title={t('accounts.details')} testId="contact-details">
          <dl className="qd-detail-list">
            <dt>{t('accounts.contact.fields.account')}</dt>
            <dd>{data.accountId ? <Link to={`/accounts/${data.accountId}`}>{data.accountName}</Link> : t('accounts.contact.noAccount')}</dd>
            <dt>{t('accounts.contact.fields.title')}</dt>
            <dd>{text(data.title)}</dd>
            <dt>{t('accounts.contact.fields.phone')}</dt>
            <dd>{data.phone ? <a href={`tel:${data.phone.replace(/\s/g, '')}`}>{data.phone}</a> : '—'}</dd>
            <dt>{t('accounts.contact.fields.email')}</dt>
            <dd>{data.email ? <a href={`mailto:${data.email}`}>{data.email}</a> : '—'}</dd>
            <dt>{t('accounts.contact.fields.wechat')}</dt>
            <dd>{text(data.wechat)}</dd>
            <dt>{t('accounts.contact.fields.notes')}</dt>
            <dd className="qd-pre-wrap">{data.notes || <Typography.Text type="secondary">{t('accounts.noNotes')}</Typography.Text>}</dd>
          </dl>
        </Panel>
        <RelatedDeals
          path={`/contacts/${encodeURIComponent(id)}/deals`}
          hint={t('accounts.contactDealsHint')}
          empty={t('accounts.contactNoDeals')}
        />
      </div>
      <LazyContactFormModal
        open={editing}
        contact={data}
        pending={update.isPending}
        onCancel={() => setEditing(false)}
        onSubmit={(body) =>
          update.mutate(
            { ...body, version: data.version },
            {
              onSuccess: () => {
                setEditing(false);
                message.success(t('accounts.contact.updated'));
              },
            },
          )
        }
      />
    </>
  );
}
