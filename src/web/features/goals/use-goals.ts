import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Account } from '../../../core/accounts/schemas';
import type { Deal } from '../../../core/deals/schemas';
import type {
  CheckIn,
  CheckInCreate,
  CheckInPatch,
  Forecast,
  Goal,
  GoalCreate,
  GoalPatch,
  GoalTree,
  Leaderboard,
  Smart,
} from '../../../core/goals/schemas';
import { api, type Page } from '../../app/api';
import { projectKeys } from '../projects/use-projects';
import { bodyToDraft } from './goal-draft';

const enc = encodeURIComponent;

export const goalKeys = {
  all: ['goals'] as const,
  tree: (projectId: string) => ['goals', 'tree', projectId] as const,
  forecast: (id: string) => ['goals', 'forecast', id] as const,
  smart: (id: string) => ['goals', 'smart', id] as const,
  leaderboard: (id: string) => ['goals', 'leaderboard', id] as const,
  checkIns: (id: string) => ['goals', 'check-ins', id] as const,
  draft: (key: string) => ['goals', 'smart-draft', key] as const,
  deal: (id: string) => ['goals', 'deal', id] as const,
};

/** Progress and forecasts follow deals that others win or lose: these reload whenever the tab shows them again. */
const LIVE = { staleTime: 0 } as const;

export function useGoalTree(projectId: string) {
  return useQuery({
    queryKey: goalKeys.tree(projectId),
    queryFn: ({ signal }) => api.get<GoalTree>(`/projects/${enc(projectId)}/goals`, undefined, signal),
    ...LIVE,
  });
}

export function useForecast(goalId: string | null) {
  return useQuery({
    queryKey: goalKeys.forecast(goalId ?? ''),
    queryFn: ({ signal }) => api.get<Forecast>(`/goals/${enc(goalId ?? '')}/forecast`, undefined, signal),
    enabled: goalId !== null,
    placeholderData: keepPreviousData,
    ...LIVE,
  });
}

export function useSmart(goalId: string | null) {
  return useQuery({
    queryKey: goalKeys.smart(goalId ?? ''),
    queryFn: ({ signal }) => api.get<Smart>(`/goals/${enc(goalId ?? '')}/smart`, undefined, signal),
    enabled: goalId !== null,
    ...LIVE,
  });
}

export function useLeaderboard(goalId: string | null) {
  return useQuery({
    queryKey: goalKeys.leaderboard(goalId ?? ''),
    queryFn: ({ signal }) => api.get<Leaderboard>(`/goals/${enc(goalId ?? '')}/leaderboard`, undefined, signal),
    enabled: goalId !== null,
    ...LIVE,
  });
}

export function useCheckIns(goalId: string | null) {
  return useQuery({
    queryKey: goalKeys.checkIns(goalId ?? ''),
    queryFn: ({ signal }) => api.get<Page<CheckIn>>(`/goals/${enc(goalId ?? '')}/check-ins`, undefined, signal),
    enabled: goalId !== null,
  });
}

/**
 * The SMART check of the unsaved goal in the form. `draftKey` is the JSON of the goal's body once the user has paused
 * typing (null: not checking); the previous answer stays on screen while the next one loads.
 */
export function useSmartDraft(projectId: string, draftKey: string | null) {
  return useQuery({
    queryKey: goalKeys.draft(`${projectId}:${draftKey ?? ''}`),
    queryFn: () => api.post<Smart>('/goals/smart', bodyToDraft(projectId, JSON.parse(draftKey ?? '{}') as GoalCreate)),
    enabled: draftKey !== null,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
    retry: false,
  });
}

/** The title of a deal the forecast names (the drivers carry only its id). */
export function useDealTitle(dealId: string) {
  return useQuery({
    queryKey: goalKeys.deal(dealId),
    queryFn: ({ signal }) => api.get<Deal>(`/deals/${enc(dealId)}`, undefined, signal),
    staleTime: 60_000,
  });
}

/** Distinct regions of the workspace's customers, for region goals (suggestions; any text is allowed). */
export function useAccountRegions() {
  return useQuery({
    queryKey: ['goals', 'regions'],
    queryFn: async ({ signal }) => {
      const page = await api.get<Page<Account>>('/accounts', { limit: 200, sort: 'name' }, signal);
      return [...new Set(page.items.map((account) => account.region.trim()).filter(Boolean))].sort((a, b) => a.localeCompare(b));
    },
    staleTime: 5 * 60_000,
  });
}

/** After any change: the tree, forecasts, leaderboards and check-ins may all move; the project's history has a new line. */
function useRefresh(projectId: string) {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: goalKeys.all });
    void client.invalidateQueries({ queryKey: projectKeys.history(projectId) });
  };
}

export function useCreateGoal(projectId: string) {
  const refresh = useRefresh(projectId);
  return useMutation({
    mutationFn: (body: GoalCreate) => api.post<Goal>(`/projects/${enc(projectId)}/goals`, body),
    onSuccess: refresh,
  });
}

/** Several goals at once (the quotas of a split), one request each, in order. */
export function useCreateGoals(projectId: string) {
  const refresh = useRefresh(projectId);
  return useMutation({
    mutationFn: async (bodies: GoalCreate[]) => {
      const created: Goal[] = [];
      for (const body of bodies) created.push(await api.post<Goal>(`/projects/${enc(projectId)}/goals`, body));
      return created;
    },
    onSettled: refresh,
  });
}

export function useUpdateGoal(projectId: string) {
  const refresh = useRefresh(projectId);
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: GoalPatch }) => api.patch<Goal>(`/goals/${enc(id)}`, patch),
    onSuccess: refresh,
  });
}

export function useDeleteGoal(projectId: string) {
  const refresh = useRefresh(projectId);
  return useMutation({
    mutationFn: (goal: Pick<Goal, 'id' | 'version'>) => api.delete(`/goals/${enc(goal.id)}`, goal.version),
    onSuccess: refresh,
  });
}

export function useAddCheckIn(projectId: string, goalId: string) {
  const refresh = useRefresh(projectId);
  return useMutation({
    mutationFn: (body: CheckInCreate) => api.post<CheckIn>(`/goals/${enc(goalId)}/check-ins`, body),
    onSuccess: refresh,
  });
}

export function useUpdateCheckIn(projectId: string) {
  const refresh = useRefresh(projectId);
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: CheckInPatch }) => api.patch<CheckIn>(`/check-ins/${enc(id)}`, patch),
    onSuccess: refresh,
  });
}

export function useDeleteCheckIn(projectId: string) {
  const refresh = useRefresh(projectId);
  return useMutation({
    mutationFn: (checkIn: Pick<CheckIn, 'id' | 'version'>) => api.delete(`/check-ins/${enc(checkIn.id)}`, checkIn.version),
    onSuccess: refresh,
  });
}
