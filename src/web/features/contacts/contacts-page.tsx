import { DownOutlined, PlusOutlined, SearchOutlined, SortAscendingOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Dropdown, Empty, Flex, Input, Select, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import type { Account } from '../../../core/accounts/schemas';
import { ContactSort } from '../../../core/contacts/schemas';
import { api, type Page } from '../../app/api';
import { useCurrentUser } from '../../app/auth';
import { useMessage } from '../../app/feedback';
import { useFormat } from '../../app/locale';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { ImportModal } from '../accounts/import-modal';
import { EmptyText, GuestNotice } from '../accounts/notices';
import { ExportMenu } from '../deals/export-menu';
import { ContactsTable } from './contacts-table';
import { LazyContactFormModal, preloadContactForm } from './lazy-contact-form';
import { type ContactFilters, contactQuery, useContactList, useCreateContact } from './use-contacts';
import '../accounts/accounts.css';

const SORTS = ['name', '-name', '-updatedAt', 'updatedAt'] as const;

function useFilters(): [ContactFilters, (change: Partial<ContactFilters>) => void] {
  const [params, setParams] = useSearchParams();
  const filters = useMemo<ContactFilters>(() => {
    const sort = ContactSort.safeParse(params.get('sort'));
    return { q: params.get('q') ?? '', accountId: params.get('account') ?? '', sort: sort.success ? sort.data : 'name' };
  }, [params]);
  const update = (change: Partial<ContactFilters>) => {
    const next = { ...filters, ...change };
    const search = new URLSearchParams();
    if (next.q) search.set('q', next.q);
    if (next.accountId) search.set('account', next.accountId);
    if (next.sort !== 'name') search.set('sort', next.sort);
    setParams(search, { replace: true });
  };
  return [filters, update];
}

/** A customer to filter by, searched by name. */
function AccountFilter({ value, onChange }: { value: string; onChange: (id: string) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const accounts = useQuery({
    queryKey: ['accounts', 'pick', search.trim()],
    queryFn: ({ signal }) => api.get<Page<Account>>('/accounts', { q: search.trim() || undefined, limit: 20 }, signal),
    placeholderData: (previous) => previous,
  });
  const chosen = useQuery({
    queryKey: ['accounts', 'detail', value],
    queryFn: () => api.get<Account>(`/accounts/${encodeURIComponent(value)}`),
    enabled: Boolean(value),
  });
  const options = (accounts.data?.items ?? []).map((account) => ({ value: account.id, label: account.name }));
  if (value && !options.some((option) => option.value === value)) options.unshift({ value, label: chosen.data?.name ?? '…' });
  return (
    <Select
      allowClear
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      className="qd-filter-select"
      placeholder={t('accounts.contact.anyAccount')}
      aria-label={t('accounts.contact.fields.account')}
      value={value || undefined}
      onChange={(id?: string) => onChange(id ?? '')}
      options={options}
      popupMatchSelectWidth={false}
      data-testid="contacts-account"
    />
  );
}

/** `/contacts`: the workspace's contacts — search, filter by customer, sort, page, export, import, create. */
export function ContactsPage() {
  const { t } = useTranslation();
  const message = useMessage();
  const format = useFormat();
  const navigate = useNavigate();
  const me = useCurrentUser();
  const [filters, setFilters] = useFilters();
  const [search, setSearch] = useState(filters.q);
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const isGuest = me.role === 'guest';
  const list = useContactList(filters, !isGuest);
  const create = useCreateContact();

  useEffect(() => {
    if (search === filters.q) return;
    const timer = window.setTimeout(() => setFilters({ q: search }), 300);
    return () => window.clearTimeout(timer);
  });

  if (isGuest) return <GuestNotice />;
  const contacts = list.data?.pages.flatMap((page) => page.items) ?? [];
  const isFiltered = Boolean(filters.q || filters.accountId);
  const empty = isFiltered ? (
    <Empty description={<EmptyText title={t('accounts.emptyFilteredTitle')} text={t('accounts.emptyFilteredText')} />}>
      <Button
        onClick={() => {
          setSearch('');
          setFilters({ q: '', accountId: '' });
        }}
      >
        {t('accounts.clearFilters')}
      </Button>
    </Empty>
  ) : (
    <Empty description={<EmptyText title={t('accounts.contact.emptyTitle')} text={t('accounts.contact.emptyText')} />}>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
        {t('accounts.contact.new')}
      </Button>
    </Empty>
  );

  return (
    <>
      <PageHeader
        title={t('accounts.contact.title')}
        subtitle={t('accounts.contact.subtitle')}
        extra={
          <>
            <ExportMenu path="/contacts/export" query={contactQuery(filters)} testId="contacts-export" />
            <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="contacts-import">
              {t('accounts.import')}
            </Button>
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              onMouseEnter={preloadContactForm}
              onFocus={preloadContactForm}
              data-testid="contact-create"
            >
              {t('accounts.contact.new')}
            </Button>
          </>
        }
      />
      <Flex gap={8} wrap className="qd-toolbar" align="center">
        <Input
          allowClear
          prefix={<SearchOutlined />}
          placeholder={t('accounts.contact.search')}
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          className="qd-toolbar-search"
          aria-label={t('accounts.contact.search')}
          data-testid="contacts-search"
        />
        <AccountFilter value={filters.accountId} onChange={(accountId) => setFilters({ accountId })} />
        <Dropdown
          trigger={['click']}
          menu={{
            selectable: true,
            selectedKeys: [filters.sort],
            onClick: ({ key }) => {
              const sort = ContactSort.safeParse(key);
              if (sort.success) setFilters({ sort: sort.data });
            },
            items: SORTS.map((sort) => ({ key: sort, label: t(`accounts.sorts.${sort}`) })),
          }}
        >
          <Button icon={<SortAscendingOutlined />} aria-label={t('accounts.sort')} data-testid="contacts-sort">
            {t(`accounts.sorts.${filters.sort}`)}
            <DownOutlined className="qd-caret" />
          </Button>
        </Dropdown>
      </Flex>
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <ContactsTable contacts={contacts} loading={list.isPending || (list.isFetching && list.isPlaceholderData)} empty={empty} />
      )}
      {contacts.length > 0 && (
        <div className="qd-load-more">
          <Typography.Text type="secondary">{t('accounts.count', { shown: format.number(contacts.length) })}</Typography.Text>
          {list.hasNextPage && (
            <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage} data-testid="contacts-load-more">
              {t('app.loadMore')}
            </Button>
          )}
        </div>
      )}
      <LazyContactFormModal
        open={creating}
        pending={create.isPending}
        onCancel={() => setCreating(false)}
        onSubmit={(body) =>
          create.mutate(body, {
            onSuccess: (contact) => {
              setCreating(false);
              message.success(t('accounts.contact.created'));
              navigate(`/contacts/${contact.id}`, { state: { duplicates: contact.duplicates } });
            },
          })
        }
      />
      <ImportModal open={importing} kind="contacts" onClose={() => setImporting(false)} />
    </>
  );
}
