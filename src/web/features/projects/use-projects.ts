import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Calendar } from '../../../core/calendar/schemas';
import type { Project, ProjectCreate, ProjectPatch, ProjectSort, ProjectStatus } from '../../../core/projects/schemas';
import { api, type Page } from '../../app/api';
import { projectQuery } from './project-query';

export type ArchivedFilter = 'false' | 'true' | 'all';
export type ProjectFilters = { q: string; status: ProjectStatus[]; archived: ArchivedFilter; sort: ProjectSort };

export const projectKeys = {
  all: ['projects'] as const,
  list: (filters: ProjectFilters) => ['projects', 'list', filters] as const,
  detail: (id: string) => projectQuery(id).queryKey,
  history: (id: string) => ['projects', 'history', id] as const,
};

const PAGE_SIZE = 50;

/** Cursor-paged project list ("load more" fetches the next page). */
export function useProjectList(filters: ProjectFilters) {
  return useInfiniteQuery({
    queryKey: projectKeys.list(filters),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<Project>>(
        '/projects',
        {
          q: filters.q.trim() || undefined,
          status: filters.status.length ? filters.status.join(',') : undefined,
          archived: filters.archived,
          sort: filters.sort,
          limit: PAGE_SIZE,
          cursor: pageParam ?? undefined,
        },
        signal,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

export function useProject(id: string) {
  return useQuery(projectQuery(id));
}

export function useCalendars() {
  return useQuery({ queryKey: ['calendars'], queryFn: () => api.get<Page<Calendar>>('/calendars'), staleTime: 10 * 60_000 });
}

export function useCreateProject() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ProjectCreate) => api.post<Project>('/projects', body),
    onSuccess: (project) => {
      client.setQueryData(projectKeys.detail(project.id), project);
      void client.invalidateQueries({ queryKey: projectKeys.all });
    },
  });
}

/** A change sent with the version it was made on: a stale version answers 409 and the data reloads. */
export function useUpdateProject(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (patch: ProjectPatch) => api.patch<Project>(`/projects/${encodeURIComponent(id)}`, patch),
    onSuccess: (project) => {
      client.setQueryData(projectKeys.detail(id), project);
      void client.invalidateQueries({ queryKey: ['projects', 'list'] });
      void client.invalidateQueries({ queryKey: projectKeys.history(id) });
    },
  });
}

export function useDeleteProject(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (version: number) => api.delete(`/projects/${encodeURIComponent(id)}`, version),
    onSuccess: () => {
      client.removeQueries({ queryKey: projectKeys.detail(id) });
      void client.invalidateQueries({ queryKey: ['projects', 'list'] });
    },
  });
}
