import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { WorkspaceRole } from '../../../core/auth/schemas';
import type { CreatedInvitation, Invitation, WorkspaceUser } from '../../../core/users/schemas';
import { api, type Page } from '../../app/api';

const usersKey = ['users'] as const;
const invitationsKey = ['invitations'] as const;

export function useUsers() {
  return useQuery({ queryKey: usersKey, queryFn: () => api.get<Page<WorkspaceUser>>('/users') });
}

export function useChangeRole() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, role }: { id: string; role: WorkspaceRole }) =>
      api.patch<WorkspaceUser>(`/users/${encodeURIComponent(id)}`, { role }),
    onSettled: () => client.invalidateQueries({ queryKey: usersKey }),
  });
}

export function useRemoveUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/users/${encodeURIComponent(id)}`),
    onSuccess: () => client.invalidateQueries({ queryKey: usersKey }),
  });
}

export function useInvitations() {
  return useQuery({ queryKey: invitationsKey, queryFn: () => api.get<Page<Invitation>>('/invitations') });
}

export type InvitationInput = { role: Exclude<WorkspaceRole, 'owner'>; email?: string; expiresInDays: number };

export function useCreateInvitation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: InvitationInput) => api.post<z.infer<typeof CreatedInvitation>>('/invitations', body),
    onSuccess: () => client.invalidateQueries({ queryKey: invitationsKey }),
  });
}

export function useRevokeInvitation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/invitations/${encodeURIComponent(id)}`),
    onSuccess: () => client.invalidateQueries({ queryKey: invitationsKey }),
  });
}
