import { queryOptions } from '@tanstack/react-query';
import type { Project } from '../../../core/projects/schemas';
import { api } from '../../app/api';

/** One project: its query, shared by the project page and the route that starts reading it (router.tsx). */
export const projectQuery = (id: string) =>
  queryOptions({ queryKey: ['projects', 'detail', id] as const, queryFn: () => api.get<Project>(`/projects/${encodeURIComponent(id)}`) });
