import type { ProjectRole } from '../../../core/members/schemas.js';
import { type Auth, isAdminRole } from '../../http/access.js';

/** Deals are changed by the project's team (every role but viewer) and by workspace owners and admins. */
export const canEditDeals = (auth: Auth, projectRole: ProjectRole | null): boolean =>
  isAdminRole(auth.role) || (projectRole !== null && projectRole !== 'viewer');
