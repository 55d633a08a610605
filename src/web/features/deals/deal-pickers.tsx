import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../../core/accounts/schemas';
import type { Contact } from '../../../core/contacts/schemas';
import { api, type Page } from '../../app/api';

const CREATE = '\u0000create';

/** `value` after it has not changed for `ms`. */
function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

type AccountProps = {
  value?: string | null;
  onChange?: (value: string | null) => void;
  /** The name of the account already chosen (shown before any search). */
  initialName?: string | null;
};

/** Picks an account by searching its name, or creates one from what was typed. */
export function AccountSelect({ value, onChange, initialName }: AccountProps) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [search, setSearch] = useState('');
  const [open, setOpen] = useState(false);
  const [names, setNames] = useState<Record<string, string>>({});
  const q = useDebounced(search.trim(), 250);
  const accounts = useQuery({
    queryKey: ['accounts', 'pick', q],
    queryFn: ({ signal }) => api.get<Page<Account>>('/accounts', { q: q || undefined, limit: 20 }, signal),
    placeholderData: (previous) => previous,
  });
  const create = useMutation({
    mutationFn: (name: string) => api.post<Account>('/accounts', { name }),
    onSuccess: (account) => {
      setNames((known) => ({ ...known, [account.id]: account.name }));
      onChange?.(account.id);
      void client.invalidateQueries({ queryKey: ['accounts'] });
    },
  });
  const items = accounts.data?.items ?? [];
  const typed = search.trim();
  const options = items.map((account) => ({ value: account.id, label: account.name }));
  if (value && !items.some((account) => account.id === value)) {
    options.unshift({ value, label: names[value] ?? initialName ?? value });
  }
  if (typed && !items.some((account) => account.name.toLowerCase() === typed.toLowerCase())) {
    options.push({ value: CREATE, label: t('deals.form.createAccount', { name: typed }) });
  }
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setSearch }}
      open={open}
      onOpenChange={setOpen}
      allowClear
      value={value ?? undefined}
      placeholder={t('deals.form.accountPlaceholder')}
      loading={accounts.isFetching || create.isPending}
      options={options}
      optionRender={(option) =>
        option.value === CREATE ? (
          <span data-testid="account-create">
            <PlusOutlined /> {option.label}
          </span>
        ) : (
          option.label
        )
      }
      onChange={(next: string | undefined) => {
        if (next === CREATE) create.mutate(typed);
        else onChange?.(next ?? null);
        setSearch('');
        setOpen(false);
      }}
      notFoundContent={accounts.isFetching ? undefined : t('deals.form.noAccounts')}
      data-testid="deal-account"
    />
  );
}

type ContactProps = { value?: string | null; onChange?: (value: string | null) => void; accountId: string | null };

/** Picks a contact, of the chosen account when there is one. */
export function ContactSelect({ value, onChange, accountId }: ContactProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 250);
  const contacts = useQuery({
    queryKey: ['contacts', 'pick', accountId, q],
    queryFn: ({ signal }) =>
      api.get<Page<Contact>>('/contacts', { accountId: accountId ?? undefined, q: q || undefined, limit: 50 }, signal),
    placeholderData: (previous) => previous,
  });
  const chosen = useQuery({
    queryKey: ['contacts', 'detail', value],
    queryFn: () => api.get<Contact>(`/contacts/${encodeURIComponent(value ?? '')}`),
    enabled: Boolean(value) && !contacts.data?.items.some((contact) => contact.id === value),
  });
  const items = contacts.data?.items ?? [];
  const options = items.map((contact) => ({
    value: contact.id,
    label: contact.title ? `${contact.name} · ${contact.title}` : contact.name,
  }));
  if (value && !items.some((contact) => contact.id === value)) options.unshift({ value, label: chosen.data?.name ?? '…' });
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      allowClear
      value={value ?? undefined}
      placeholder={accountId ? t('deals.form.contactPlaceholder') : t('deals.form.contactAnyPlaceholder')}
      loading={contacts.isFetching}
      options={options}
      onChange={(next: string | undefined) => onChange?.(next ?? null)}
      notFoundContent={contacts.isFetching ? undefined : t('deals.form.noContacts')}
      data-testid="deal-contact"
    />
  );
}
