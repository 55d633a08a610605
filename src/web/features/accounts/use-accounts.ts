import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Account, AccountCreate, AccountCreated, AccountDeal, AccountPatch, AccountSort } from '../../../core/accounts/schemas';
import { api, type Page } from '../../app/api';

export type AccountFilters = { q: string; industry: string; region: string; ownerId: string; sort: z.infer<typeof AccountSort> };

export const accountKeys = {
  all: ['accounts'] as const,
  list: (filters: AccountFilters) => ['accounts', 'list', filters] as const,
  detail: (id: string) => ['accounts', 'detail', id] as const,
  /** Industries and regions in use, for the filter menus. */
  facets: ['accounts', 'facets'] as const,
};

const PAGE_SIZE = 50;
const accountPath = (id: string) => `/accounts/${encodeURIComponent(id)}`;

/** The list's query (also the export's, without paging). */
export const accountQuery = (filters: AccountFilters) => ({
  q: filters.q.trim() || undefined,
  industry: filters.industry || undefined,
  region: filters.region || undefined,
  ownerId: filters.ownerId || undefined,
  sort: filters.sort,
});

export function useAccountList(filters: AccountFilters, enabled = true) {
  return useInfiniteQuery({
    queryKey: accountKeys.list(filters),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<Account>>('/accounts', { ...accountQuery(filters), limit: PAGE_SIZE, cursor: pageParam ?? undefined }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** The industries and regions of the first 200 accounts by name: enough for the filter menus of a sales team's list. */
export function useAccountFacets() {
  return useQuery({
    queryKey: accountKeys.facets,
    queryFn: async () => {
      const page = await api.get<Page<Account>>('/accounts', { limit: 200, sort: 'name' });
      const sorted = (values: string[]) => [...new Set(values.filter(Boolean))].sort((a, b) => a.localeCompare(b));
      return { industries: sorted(page.items.map((a) => a.industry)), regions: sorted(page.items.map((a) => a.region)) };
    },
    staleTime: 60_000,
  });
}

export function useAccount(id: string) {
  return useQuery({ queryKey: accountKeys.detail(id), queryFn: () => api.get<Account>(accountPath(id)) });
}

/** The deals of a customer or a contact across projects (`/accounts/:id/deals`, `/contacts/:id/deals`). */
export function useRelatedDeals(path: string) {
  return useQuery({ queryKey: ['deals', 'related', path], queryFn: () => api.get<Page<AccountDeal>>(path) });
}

export function useCreateAccount() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: AccountCreate) => api.post<z.infer<typeof AccountCreated>>('/accounts', body),
    onSuccess: () => void client.invalidateQueries({ queryKey: accountKeys.all }),
  });
}

export function useUpdateAccount(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (patch: AccountPatch) => api.patch<Account>(accountPath(id), patch),
    onSuccess: (account) => {
      client.setQueryData(accountKeys.detail(id), account);
      void client.invalidateQueries({ queryKey: accountKeys.all, predicate: (q) => q.queryKey[1] !== 'detail' });
    },
  });
}

export function useDeleteAccount() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (account: Account) => api.delete(accountPath(account.id), account.version),
    onSuccess: (_void, account) => {
      client.removeQueries({ queryKey: accountKeys.detail(account.id) });
      void client.invalidateQueries({ queryKey: accountKeys.all });
      void client.invalidateQueries({ queryKey: ['contacts'] });
    },
  });
}
