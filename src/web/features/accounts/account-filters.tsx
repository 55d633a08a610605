import { DownOutlined, SearchOutlined, SortAscendingOutlined } from '@ant-design/icons';
import { Button, Dropdown, Flex, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { AccountSort } from '../../../core/accounts/schemas';
import { useUsers } from '../workspace/use-workspace';
import { type AccountFilters, useAccountFacets } from './use-accounts';

const SORTS = ['name', '-name', '-updatedAt', 'updatedAt'] as const satisfies readonly AccountFilters['sort'][];

type Props = {
  filters: AccountFilters;
  search: string;
  onSearch: (text: string) => void;
  onChange: (change: Partial<AccountFilters>) => void;
};

/** Search, industry, region, owner and sort of the customer list. */
export function AccountFilterBar({ filters, search, onSearch, onChange }: Props) {
  const { t } = useTranslation();
  const facets = useAccountFacets();
  const users = useUsers();
  const options = (values: string[] | undefined, current: string) =>
    [...new Set([...(values ?? []), ...(current ? [current] : [])])].map((value) => ({ value, label: value }));
  return (
    <Flex gap={8} wrap className="qd-toolbar" align="center">
      <Input
        allowClear
        prefix={<SearchOutlined />}
        placeholder={t('accounts.search')}
        value={search}
        onChange={(event) => onSearch(event.target.value)}
        className="qd-toolbar-search"
        aria-label={t('accounts.search')}
        data-testid="accounts-search"
      />
      <Select
        allowClear
        showSearch
        className="qd-filter-select"
        placeholder={t('accounts.allIndustries')}
        aria-label={t('accounts.industry')}
        value={filters.industry || undefined}
        onChange={(industry?: string) => onChange({ industry: industry ?? '' })}
        options={options(facets.data?.industries, filters.industry)}
        data-testid="accounts-industry"
        popupMatchSelectWidth={false}
      />
      <Select
        allowClear
        showSearch
        className="qd-filter-select"
        placeholder={t('accounts.allRegions')}
        aria-label={t('accounts.region')}
        value={filters.region || undefined}
        onChange={(region?: string) => onChange({ region: region ?? '' })}
        options={options(facets.data?.regions, filters.region)}
        data-testid="accounts-region"
        popupMatchSelectWidth={false}
      />
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        className="qd-filter-select"
        placeholder={t('accounts.anyOwner')}
        aria-label={t('accounts.owner')}
        value={filters.ownerId || undefined}
        onChange={(ownerId?: string) => onChange({ ownerId: ownerId ?? '' })}
        options={(users.data?.items ?? []).map((user) => ({ value: user.id, label: user.name }))}
        data-testid="accounts-owner"
        popupMatchSelectWidth={false}
      />
      <Dropdown
        trigger={['click']}
        menu={{
          selectable: true,
          selectedKeys: [filters.sort],
          onClick: ({ key }) => {
            const sort = AccountSort.safeParse(key);
            if (sort.success) onChange({ sort: sort.data });
          },
          items: SORTS.map((sort) => ({ key: sort, label: t(`accounts.sorts.${sort}`), 'data-testid': `accounts-sort-${sort}` })),
        }}
      >
        <Button icon={<SortAscendingOutlined />} data-testid="accounts-sort" aria-label={t('accounts.sort')}>
          {t(`accounts.sorts.${filters.sort}`)}
          <DownOutlined className="qd-caret" />
        </Button>
      </Dropdown>
    </Flex>
  );
}
