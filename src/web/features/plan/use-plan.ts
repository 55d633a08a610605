import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Baseline, BaselineDetail } from '../../../core/baselines/schemas';
import type { Calendar } from '../../../core/calendar/schemas';
import type { Dependency, DependencyCreate, DependencyPatch } from '../../../core/dependencies/schemas';
import type { ProjectSchedule, Task, TaskCreate, TaskListItem, TaskMove, TaskPatch } from '../../../core/tasks/schemas';
import { api, type Page } from '../../app/api';
import { projectKeys } from '../projects/use-projects';

const PAGE = 5_000;

/** Query keys of a project's plan: everything under ['plan', projectId] is refetched after a change. */
export const planKeys = {
  all: (projectId: string) => ['plan', projectId] as const,
  tasks: (projectId: string) => ['plan', projectId, 'tasks'] as const,
  schedule: (projectId: string) => ['plan', projectId, 'schedule'] as const,
  dependencies: (projectId: string) => ['plan', projectId, 'dependencies'] as const,
  baselines: (projectId: string) => ['plan', projectId, 'baselines'] as const,
  baseline: (baselineId: string) => ['baseline', baselineId] as const,
  calendar: (calendarId: string) => ['calendar', calendarId] as const,
};

/** Every item of a cursor-paged collection (the plan's lists answer up to 5,000 a page). */
async function allPages<T>(path: string, signal: AbortSignal): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await api.get<Page<T>>(path, { limit: PAGE, cursor }, signal);
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

const projectPath = (projectId: string) => `/projects/${encodeURIComponent(projectId)}`;

/** The WBS in outline order (with outline numbers, depths and summary rollups). */
export function usePlanTasks(projectId: string) {
  return useQuery({
    queryKey: planKeys.tasks(projectId),
    queryFn: ({ signal }) => allPages<TaskListItem>(`${projectPath(projectId)}/tasks`, signal),
  });
}

/** The schedule computed by the server (SPEC §3.1): the only source of the dates the Gantt draws. */
export function useSchedule(projectId: string) {
  return useQuery({
    queryKey: planKeys.schedule(projectId),
    queryFn: ({ signal }) => api.get<ProjectSchedule>(`${projectPath(projectId)}/schedule`, undefined, signal),
  });
}

export function useDependencies(projectId: string) {
  return useQuery({
    queryKey: planKeys.dependencies(projectId),
    queryFn: ({ signal }) => allPages<Dependency>(`${projectPath(projectId)}/dependencies`, signal),
  });
}

/** Saved baselines, newest first. */
export function useBaselines(projectId: string) {
  return useQuery({
    queryKey: planKeys.baselines(projectId),
    queryFn: ({ signal }) => api.get<Page<Baseline>>(`${projectPath(projectId)}/baselines`, undefined, signal),
  });
}

export function useBaselineDetail(baselineId: string | null) {
  return useQuery({
    queryKey: planKeys.baseline(baselineId ?? ''),
    queryFn: ({ signal }) => api.get<BaselineDetail>(`/baselines/${encodeURIComponent(baselineId ?? '')}`, undefined, signal),
    enabled: baselineId !== null,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** The project's working calendar (null: the built-in Monday–Friday week). */
export function useProjectCalendar(calendarId: string | null) {
  return useQuery({
    queryKey: planKeys.calendar(calendarId ?? ''),
    queryFn: ({ signal }) => api.get<Calendar>(`/calendars/${encodeURIComponent(calendarId ?? '')}`, undefined, signal),
    enabled: calendarId !== null,
  });
}

/** After any change of the plan: the server reschedules, the plan and the project's history are read again. */
function useRefreshPlan(projectId: string) {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: planKeys.all(projectId) }),
      client.invalidateQueries({ queryKey: projectKeys.history(projectId) }),
    ]);
}

/** Every change of the plan: tasks, their order, dependencies. Each refetches the plan when it settles. */
export function usePlanMutations(projectId: string) {
  const refresh = useRefreshPlan(projectId);
  const onSettled = () => refresh();
  const createTask = useMutation({
    mutationFn: (body: Partial<TaskCreate> & { title: string }) => api.post<Task>(`${projectPath(projectId)}/tasks`, body),
    onSettled,
  });
  const updateTask = useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: TaskPatch }) => api.patch<Task>(`/tasks/${encodeURIComponent(id)}`, patch),
    onSettled,
  });
  const moveTask = useMutation({
    mutationFn: ({ id, move }: { id: string; move: TaskMove }) => api.post<Task>(`/tasks/${encodeURIComponent(id)}/move`, move),
    onSettled,
  });
  const deleteTask = useMutation({
    mutationFn: (task: Pick<Task, 'id' | 'version'>) => api.delete(`/tasks/${encodeURIComponent(task.id)}`, task.version),
    onSettled,
  });
  const createDependency = useMutation({
    mutationFn: (body: DependencyCreate) => api.post<Dependency>(`${projectPath(projectId)}/dependencies`, body),
    onSettled,
    // The Gantt explains a refused link (a cycle, a summary task) in its own words.
    meta: { handlesErrors: true },
  });
  const updateDependency = useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: DependencyPatch }) =>
      api.patch<Dependency>(`/dependencies/${encodeURIComponent(id)}`, patch),
    onSettled,
  });
  const deleteDependency = useMutation({
    mutationFn: (dependency: Pick<Dependency, 'id' | 'version'>) =>
      api.delete(`/dependencies/${encodeURIComponent(dependency.id)}`, dependency.version),
    onSettled,
  });
  return { createTask, updateTask, moveTask, deleteTask, createDependency, updateDependency, deleteDependency };
}

export type PlanMutations = ReturnType<typeof usePlanMutations>;
