import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Member, MemberCreate, MemberPatch } from '../../../core/members/schemas';
import { api, type Page } from '../../app/api';
import { projectKeys } from '../projects/use-projects';

export const memberKeys = { ofProject: (projectId: string) => ['members', projectId] as const };

export function useMembers(projectId: string) {
  return useQuery({
    queryKey: memberKeys.ofProject(projectId),
    queryFn: () => api.get<Page<Member>>(`/projects/${encodeURIComponent(projectId)}/members`),
  });
}

function useRefresh(projectId: string) {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: memberKeys.ofProject(projectId) });
    void client.invalidateQueries({ queryKey: projectKeys.history(projectId) });
  };
}

export function useAddMember(projectId: string) {
  const refresh = useRefresh(projectId);
  return useMutation({
    mutationFn: (body: MemberCreate) => api.post<Member>(`/projects/${encodeURIComponent(projectId)}/members`, body),
    onSuccess: refresh,
  });
}

export function useUpdateMember(projectId: string) {
  const refresh = useRefresh(projectId);
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: MemberPatch }) => api.patch<Member>(`/members/${encodeURIComponent(id)}`, patch),
    onSuccess: refresh,
  });
}

export function useRemoveMember(projectId: string) {
  const refresh = useRefresh(projectId);
  return useMutation({
    mutationFn: (member: Member) => api.delete(`/members/${encodeURIComponent(member.id)}`, member.version),
    onSuccess: refresh,
  });
}
