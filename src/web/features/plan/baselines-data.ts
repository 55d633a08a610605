import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Baseline, BaselineCreate, BaselineVariance } from '../../../core/baselines/schemas';
import { api } from '../../app/api';
import { projectKeys } from '../projects/use-projects';
import { planKeys } from './use-plan';

/** Under the plan's key, so that every change of the plan reads the variance again. */
const varianceKey = (projectId: string, baselineId: string) => [...planKeys.all(projectId), 'variance', baselineId] as const;

/** The current plan against a baseline, as the server computes it (slips in working days of the project calendar). */
export function useBaselineVariance(projectId: string, baselineId: string | null) {
  return useQuery({
    queryKey: varianceKey(projectId, baselineId ?? ''),
    queryFn: ({ signal }) => api.get<BaselineVariance>(`/baselines/${encodeURIComponent(baselineId ?? '')}/variance`, undefined, signal),
    enabled: baselineId !== null,
  });
}

function useRefresh(projectId: string) {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: planKeys.baselines(projectId) }),
      client.invalidateQueries({ queryKey: projectKeys.history(projectId) }),
    ]);
}

export function useSaveBaseline(projectId: string) {
  const refresh = useRefresh(projectId);
  return useMutation({
    mutationFn: (body: BaselineCreate) => api.post<Baseline>(`/projects/${encodeURIComponent(projectId)}/baselines`, body),
    onSuccess: refresh,
  });
}

export function useDeleteBaseline(projectId: string) {
  const refresh = useRefresh(projectId);
  return useMutation({
    mutationFn: (baseline: Baseline) => api.delete(`/baselines/${encodeURIComponent(baseline.id)}`),
    onSuccess: refresh,
  });
}
