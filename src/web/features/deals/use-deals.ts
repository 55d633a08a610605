import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Deal, DealCreate, DealPatch, LoseBody, Pipeline, ReopenBody, StageHistoryEntry, WinBody } from '../../../core/deals/schemas';
import type { Stage } from '../../../core/stages/schemas';
import { api, type Page } from '../../app/api';
import { projectKeys } from '../projects/use-projects';
import type { BoardFilters } from './board-filters';
import { boardQuery } from './board-filters';

export const dealKeys = {
  all: ['deals'] as const,
  pipeline: (projectId: string, filters: BoardFilters) => ['deals', 'pipeline', projectId, filters] as const,
  pipelines: (projectId: string) => ['deals', 'pipeline', projectId] as const,
  detail: (id: string) => ['deals', 'detail', id] as const,
  history: (id: string) => ['deals', 'history', id] as const,
  stages: ['stages'] as const,
};

const dealPath = (id: string) => `/deals/${encodeURIComponent(id)}`;

/** The board of a project with the filters applied. */
export const pipelineQuery = (projectId: string, filters: BoardFilters) =>
  queryOptions({
    queryKey: dealKeys.pipeline(projectId, filters),
    queryFn: ({ signal }) => api.get<Pipeline>(`/projects/${encodeURIComponent(projectId)}/pipeline`, boardQuery(filters), signal),
  });

/** The board (the previous one stays on screen while new filters load). */
export function usePipeline(projectId: string, filters: BoardFilters) {
  return useQuery({ ...pipelineQuery(projectId, filters), placeholderData: (previous) => previous });
}

export function useStages() {
  return useQuery({ queryKey: dealKeys.stages, queryFn: () => api.get<Page<Stage>>('/stages'), staleTime: 5 * 60_000 });
}

/** One deal: the deal page's query, also read ahead by the board (hover, click). */
export const dealQuery = (id: string) => queryOptions({ queryKey: dealKeys.detail(id), queryFn: () => api.get<Deal>(dealPath(id)) });

export function useDeal(id: string) {
  return useQuery(dealQuery(id));
}

export function useStageHistory(id: string) {
  return useQuery({ queryKey: dealKeys.history(id), queryFn: () => api.get<Page<StageHistoryEntry>>(`${dealPath(id)}/stage-history`) });
}

/** After any change to a deal: the deal itself is set from the answer, boards, lists and its history reload. */
function useDealSaved() {
  const client = useQueryClient();
  return (deal: Deal) => {
    client.setQueryData(dealKeys.detail(deal.id), deal);
    void client.invalidateQueries({ queryKey: dealKeys.all, predicate: (query) => query.queryKey[1] !== 'detail' });
    void client.invalidateQueries({ queryKey: projectKeys.history(deal.projectId) });
  };
}

export function useCreateDeal(projectId: string) {
  const saved = useDealSaved();
  return useMutation({
    mutationFn: (body: DealCreate) => api.post<Deal>(`/projects/${encodeURIComponent(projectId)}/deals`, body),
    onSuccess: saved,
  });
}

export function useUpdateDeal() {
  const saved = useDealSaved();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: DealPatch }) => api.patch<Deal>(dealPath(id), patch),
    onSuccess: saved,
  });
}

export type CloseAction =
  | { kind: 'win'; id: string; body: z.input<typeof WinBody> }
  | { kind: 'lose'; id: string; body: z.input<typeof LoseBody> }
  | { kind: 'reopen'; id: string; body: z.input<typeof ReopenBody> };

/** Win, lose or reopen a deal. */
export function useCloseDeal() {
  const saved = useDealSaved();
  return useMutation({
    mutationFn: (action: CloseAction) => api.post<Deal>(`${dealPath(action.id)}/${action.kind}`, action.body),
    onSuccess: saved,
  });
}

export function useDeleteDeal() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (deal: Deal) => api.delete(dealPath(deal.id), deal.version),
    onSuccess: (_done, deal) => {
      client.removeQueries({ queryKey: dealKeys.detail(deal.id) });
      void client.invalidateQueries({ queryKey: dealKeys.all });
      void client.invalidateQueries({ queryKey: projectKeys.history(deal.projectId) });
    },
  });
}
