import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Stage, StageCreate, StageDuration, StagePatch } from '../../../core/stages/schemas';
import { api, request } from '../../app/api';
import { dealKeys } from './use-deals';

const stagePath = (id: string) => `/stages/${encodeURIComponent(id)}`;

export function useStageDurations() {
  return useQuery({ queryKey: ['stages', 'durations'], queryFn: () => api.get<{ items: StageDuration[] }>('/stages/durations') });
}

/** After a stage change: the stages, and every board and list (names, order, moved deals) reload. */
function useRefresh() {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: dealKeys.stages });
    void client.invalidateQueries({ queryKey: dealKeys.all });
  };
}

export function useCreateStage() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (body: StageCreate) => api.post<Stage>('/stages', body), onSuccess: refresh });
}

export function useUpdateStage() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: StagePatch }) => api.patch<Stage>(stagePath(id), patch),
    onSuccess: refresh,
  });
}

export function useDeleteStage() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ stage, moveTo }: { stage: Stage; moveTo: string }) =>
      request<void>('DELETE', stagePath(stage.id), { query: { moveTo }, ifMatch: stage.version }),
    onSuccess: refresh,
  });
}
