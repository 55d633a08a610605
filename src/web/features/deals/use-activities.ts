import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import type { Activity, ActivityCreate, ActivityPatch } from '../../../core/activities/schemas';
import { api, type Page } from '../../app/api';

export const activityKeys = { ofDeal: (dealId: string) => ['activities', 'deal', dealId] as const };

/** A deal's timeline, newest first, 50 at a time. */
export function useDealActivities(dealId: string) {
  return useInfiniteQuery({
    queryKey: activityKeys.ofDeal(dealId),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<Activity>>(`/deals/${encodeURIComponent(dealId)}/activities`, { limit: 50, cursor: pageParam ?? undefined }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

function useRefresh(dealId: string) {
  const client = useQueryClient();
  return () => void client.invalidateQueries({ queryKey: activityKeys.ofDeal(dealId) });
}

export function useAddActivity(dealId: string) {
  const refresh = useRefresh(dealId);
  return useMutation({
    mutationFn: (body: ActivityCreate) => api.post<Activity>(`/deals/${encodeURIComponent(dealId)}/activities`, body),
    onSuccess: refresh,
  });
}

export function useUpdateActivity(dealId: string) {
  const refresh = useRefresh(dealId);
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: ActivityPatch }) =>
      api.patch<Activity>(`/activities/${encodeURIComponent(id)}`, patch),
    onSuccess: refresh,
  });
}

export function useDeleteActivity(dealId: string) {
  const refresh = useRefresh(dealId);
  return useMutation({
    mutationFn: (activity: Activity) => api.delete(`/activities/${encodeURIComponent(activity.id)}`, activity.version),
    onSuccess: refresh,
  });
}
