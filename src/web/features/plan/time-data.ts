import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TimeEntry, TimeEntryCreate, TimeEntryPatch } from '../../../core/time-entries/schemas';
import { api, type Page } from '../../app/api';
import { projectKeys } from '../projects/use-projects';

export const timeKeys = {
  all: (projectId: string) => ['time-entries', projectId] as const,
  week: (projectId: string, userId: string, from: string) => ['time-entries', projectId, userId, from] as const,
};

/** One member's time entries of the project from `from` to `to` (inclusive; a week holds far fewer than 1,000). */
export function useWeekEntries(projectId: string, userId: string | null, from: string, to: string) {
  return useQuery({
    queryKey: timeKeys.week(projectId, userId ?? '', from),
    queryFn: ({ signal }) =>
      api.get<Page<TimeEntry>>(`/projects/${encodeURIComponent(projectId)}/time-entries`, { userId, from, to, limit: 1_000 }, signal),
    enabled: userId !== null,
  });
}

/** Creates, changes (with its version) or deletes entries; the week is read again after each. */
export function useTimeMutations(projectId: string) {
  const client = useQueryClient();
  const onSettled = () =>
    Promise.all([
      client.invalidateQueries({ queryKey: timeKeys.all(projectId) }),
      client.invalidateQueries({ queryKey: projectKeys.history(projectId) }),
    ]);
  const create = useMutation({
    mutationFn: ({ taskId, body }: { taskId: string; body: TimeEntryCreate }) =>
      api.post<TimeEntry>(`/tasks/${encodeURIComponent(taskId)}/time-entries`, body),
    onSettled,
  });
  const update = useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: TimeEntryPatch }) =>
      api.patch<TimeEntry>(`/time-entries/${encodeURIComponent(id)}`, patch),
    onSettled,
  });
  const remove = useMutation({
    mutationFn: (entry: Pick<TimeEntry, 'id' | 'version'>) => api.delete(`/time-entries/${encodeURIComponent(entry.id)}`, entry.version),
    onSettled,
  });
  return { create, update, remove };
}
