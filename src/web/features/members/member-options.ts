import type { ProjectRole } from '../../../core/members/schemas';

export const PROJECT_ROLES = ['manager', 'sales', 'presales', 'support', 'finance', 'viewer'] as const satisfies readonly ProjectRole[];

export const isProjectRole = (value: string): value is ProjectRole => (PROJECT_ROLES as readonly string[]).includes(value);
