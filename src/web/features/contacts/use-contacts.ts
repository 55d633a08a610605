import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Contact, ContactCreate, ContactCreated, ContactPatch, ContactSort } from '../../../core/contacts/schemas';
import { api, type Page } from '../../app/api';

export type ContactFilters = { q: string; accountId: string; sort: z.infer<typeof ContactSort> };

export const contactKeys = {
  all: ['contacts'] as const,
  list: (filters: ContactFilters) => ['contacts', 'list', filters] as const,
  detail: (id: string) => ['contacts', 'detail', id] as const,
};

const PAGE_SIZE = 50;
const contactPath = (id: string) => `/contacts/${encodeURIComponent(id)}`;

export const contactQuery = (filters: ContactFilters) => ({
  q: filters.q.trim() || undefined,
  accountId: filters.accountId || undefined,
  sort: filters.sort,
});

export function useContactList(filters: ContactFilters, enabled = true) {
  return useInfiniteQuery({
    queryKey: contactKeys.list(filters),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<Contact>>('/contacts', { ...contactQuery(filters), limit: PAGE_SIZE, cursor: pageParam ?? undefined }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useContact(id: string) {
  return useQuery({ queryKey: contactKeys.detail(id), queryFn: () => api.get<Contact>(contactPath(id)) });
}

export function useCreateContact() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ContactCreate) => api.post<z.infer<typeof ContactCreated>>('/contacts', body),
    onSuccess: () => void client.invalidateQueries({ queryKey: contactKeys.all }),
  });
}

export function useUpdateContact(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (patch: ContactPatch) => api.patch<Contact>(contactPath(id), patch),
    onSuccess: (contact) => {
      client.setQueryData(contactKeys.detail(id), contact);
      void client.invalidateQueries({ queryKey: contactKeys.all, predicate: (q) => q.queryKey[1] !== 'detail' });
    },
  });
}

export function useDeleteContact() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (contact: Contact) => api.delete(contactPath(contact.id), contact.version),
    onSuccess: (_void, contact) => {
      client.removeQueries({ queryKey: contactKeys.detail(contact.id) });
      void client.invalidateQueries({ queryKey: contactKeys.all });
    },
  });
}
