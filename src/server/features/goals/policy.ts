import type { ProjectRole } from '../../../core/members/schemas.js';
import { type Auth, isAdminRole } from '../../http/access.js';

/** Goals (targets, quotas) are set by the project's managers and the workspace's owners and admins. */
export const canManageGoals = (auth: Auth, projectRole: ProjectRole | null): boolean => isAdminRole(auth.role) || projectRole === 'manager';

/** Check-ins of custom goals are recorded by the project's team (every role but viewer), owners and admins. */
export const canCheckIn = (auth: Auth, projectRole: ProjectRole | null): boolean =>
  isAdminRole(auth.role) || (projectRole !== null && projectRole !== 'viewer');
