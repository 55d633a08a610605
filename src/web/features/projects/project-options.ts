import type { z } from 'zod';
import type { Methodology, ProjectSort, ProjectStatus } from '../../../core/projects/schemas';

export const PROJECT_STATUSES = ['planning', 'active', 'on_hold', 'completed', 'cancelled'] as const satisfies readonly ProjectStatus[];
export const METHODOLOGIES = ['waterfall', 'kanban', 'scrum', 'hybrid'] as const satisfies readonly z.infer<typeof Methodology>[];
export const PROJECT_SORTS = [
  '-updatedAt',
  'updatedAt',
  'name',
  '-name',
  'startDate',
  '-startDate',
  'endDate',
  '-endDate',
] as const satisfies readonly ProjectSort[];

export const STATUS_COLORS: Record<ProjectStatus, string> = {
  planning: 'blue',
  active: 'green',
  on_hold: 'orange',
  completed: 'cyan',
  cancelled: 'default',
};

export const isProjectStatus = (value: string): value is ProjectStatus => (PROJECT_STATUSES as readonly string[]).includes(value);
export const isProjectSort = (value: string): value is ProjectSort => (PROJECT_SORTS as readonly string[]).includes(value);
