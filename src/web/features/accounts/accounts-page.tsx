import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { type Account, AccountSort } from '../../../core/accounts/schemas';
import { useCurrentUser } from '../../app/auth';
import { useMessage } from '../../app/feedback';
import { useFormat } from '../../app/locale';
import { type Column, DataTable } from '../../components/data-table';
import { DateTimeText } from '../../components/date-text';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { ExportMenu } from '../deals/export-menu';
import { useUsers } from '../workspace/use-workspace';
import { AccountFilterBar } from './account-filters';
import { ImportModal } from './import-modal';
import { LazyAccountFormModal, preloadAccountForm } from './lazy-account-form';
import { EmptyText, GuestNotice } from './notices';
import { type AccountFilters, accountQuery, useAccountList, useCreateAccount } from './use-accounts';
import './accounts.css';

const DEFAULT_SORT = 'name';

/** The list's filters live in the address, so a reload or the back button keeps them. */
function useFilters(): [AccountFilters, (change: Partial<AccountFilters>) => void] {
  const [params, setParams] = useSearchParams();
  const filters = useMemo<AccountFilters>(() => {
    const sort = AccountSort.safeParse(params.get('sort'));
    return {
      q: params.get('q') ?? '',
      industry: params.get('industry') ?? '',
      region: params.get('region') ?? '',
      ownerId: params.get('owner') ?? '',
      sort: sort.success ? sort.data : DEFAULT_SORT,
    };
  }, [params]);
  const update = (change: Partial<AccountFilters>) => {
    const next = { ...filters, ...change };
    const search = new URLSearchParams();
    if (next.q) search.set('q', next.q);
    if (next.industry) search.set('industry', next.industry);
    if (next.region) search.set('region', next.region);
    if (next.ownerId) search.set('owner', next.ownerId);
    if (next.sort !== DEFAULT_SORT) search.set('sort', next.sort);
    setParams(search, { replace: true });
  };
  return [filters, update];
}

/** `/accounts`: the workspace's customers — search, filter, sort, page, export, import, create. */
export function AccountsPage() {
  const { t } = useTranslation();
  const message = useMessage();
  const format = useFormat();
  const navigate = useNavigate();
  const me = useCurrentUser();
  const users = useUsers();
  const [filters, setFilters] = useFilters();
  const [search, setSearch] = useState(filters.q);
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const list = useAccountList(filters, me.role !== 'guest');
  const create = useCreateAccount();

  useEffect(() => {
    if (search === filters.q) return;
    const timer = window.setTimeout(() => setFilters({ q: search }), 300);
    return () => window.clearTimeout(timer);
  });

  if (me.role === 'guest') return <GuestNotice />;
  const accounts = list.data?.pages.flatMap((page) => page.items) ?? [];
  const userName = new Map((users.data?.items ?? []).map((user) => [user.id, user.name]));
  const isFiltered = Boolean(filters.q || filters.industry || filters.region || filters.ownerId);

  const columns: Column<Account>[] = [
    {
      key: 'name',
      title: t('accounts.fields.name'),
      render: (account) => (
        <Link to={`/accounts/${account.id}`} onClick={(event) => event.stopPropagation()} data-testid="account-link">
          <Typography.Text strong className="qd-link-text">
            {account.name}
          </Typography.Text>
        </Link>
      ),
    },
    { key: 'industry', title: t('accounts.fields.industry'), render: (account) => account.industry || '—', from: 'md' },
    { key: 'region', title: t('accounts.fields.region'), render: (account) => account.region || '—', from: 'md' },
    { key: 'size', title: t('accounts.fields.size'), render: (account) => account.size || '—', from: 'lg' },
    {
      key: 'owner',
      title: t('accounts.fields.owner'),
      render: (account) => (account.ownerId ? (userName.get(account.ownerId) ?? '—') : '—'),
      from: 'sm',
    },
    { key: 'updated', title: t('accounts.fields.updated'), render: (account) => <DateTimeText value={account.updatedAt} />, from: 'xl' },
  ];

  const empty = isFiltered ? (
    <Empty description={<EmptyText title={t('accounts.emptyFilteredTitle')} text={t('accounts.emptyFilteredText')} />}>
      <Button
        onClick={() => {
          setSearch('');
          setFilters({ q: '', industry: '', region: '', ownerId: '' });
        }}
        data-testid="accounts-clear-filters"
      >
        {t('accounts.clearFilters')}
      </Button>
    </Empty>
  ) : (
    <Empty description={<EmptyText title={t('accounts.emptyTitle')} text={t('accounts.emptyText')} />}>
      <Flex gap={8} justify="center">
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          {t('accounts.new')}
        </Button>
        <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
          {t('accounts.import')}
        </Button>
      </Flex>
    </Empty>
  );

  return (
    <>
      <PageHeader
        title={t('accounts.title')}
        subtitle={t('accounts.subtitle')}
        extra={
          <>
            <ExportMenu path="/accounts/export" query={accountQuery(filters)} testId="accounts-export" />
            <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="accounts-import">
              {t('accounts.import')}
            </Button>
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              onMouseEnter={preloadAccountForm}
              onFocus={preloadAccountForm}
              data-testid="account-create"
            >
              {t('accounts.new')}
            </Button>
          </>
        }
      />
      <AccountFilterBar filters={filters} search={search} onSearch={setSearch} onChange={setFilters} />
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <DataTable<Account>
          rows={accounts}
          rowKey={(account) => account.id}
          columns={columns}
          loading={list.isPending || (list.isFetching && list.isPlaceholderData)}
          empty={empty}
          onRowClick={(account) => navigate(`/accounts/${account.id}`)}
          testId="accounts-table"
          rowTestId="account-row"
        />
      )}
      {accounts.length > 0 && (
        <div className="qd-load-more">
          <Typography.Text type="secondary">{t('accounts.count', { shown: format.number(accounts.length) })}</Typography.Text>
          {list.hasNextPage && (
            <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage} data-testid="accounts-load-more">
              {t('app.loadMore')}
            </Button>
          )}
        </div>
      )}
      <LazyAccountFormModal
        open={creating}
        pending={create.isPending}
        onCancel={() => setCreating(false)}
        onSubmit={(body) =>
          create.mutate(body, {
            onSuccess: (account) => {
              setCreating(false);
              message.success(t('accounts.created'));
              navigate(`/accounts/${account.id}`, { state: { duplicates: account.duplicates } });
            },
          })
        }
      />
      <ImportModal open={importing} kind="accounts" onClose={() => setImporting(false)} />
    </>
  );
}
