import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Me, MePatch } from '../../../core/auth/schemas';
import type { ApiToken, CreatedToken } from '../../../core/tokens/schemas';
import { api, type Page } from '../../app/api';
import { meKey } from '../../app/query-client';

type MeChange = Omit<z.infer<typeof MePatch>, 'version'>;

/** Changes the profile with the version last loaded; the new profile re-renders the app (language, time zone). */
export function useUpdateMe() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (change: MeChange) => {
      const me = client.getQueryData<Me | null>(meKey);
      return api.patch<Me>('/me', { ...change, version: me?.user.version });
    },
    onSuccess: (me) => client.setQueryData(meKey, me),
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) => api.post<void>('/me/password', body),
    meta: { handlesErrors: true },
  });
}

const tokensKey = ['tokens'] as const;

export function useTokens() {
  return useQuery({ queryKey: tokensKey, queryFn: () => api.get<Page<ApiToken>>('/tokens') });
}

export function useCreateToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; expiresInDays?: number }) => api.post<z.infer<typeof CreatedToken>>('/tokens', body),
    onSuccess: () => client.invalidateQueries({ queryKey: tokensKey }),
  });
}

export function useRevokeToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/tokens/${encodeURIComponent(id)}`),
    onSuccess: () => client.invalidateQueries({ queryKey: tokensKey }),
  });
}
