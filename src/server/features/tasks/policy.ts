import type { ProjectRole } from '../../../core/members/schemas.js';
import type { Auth } from '../../http/access.js';
import { canManageProject } from '../projects/policy.js';

/** Project roles that do the work of the plan and so shape it, besides the managers. */
const PLAN_EDITORS: ReadonlySet<ProjectRole> = new Set(['sales', 'presales', 'support']);

/**
 * Who changes the plan (tasks, their order, dependencies): the project's managers, the workspace
 * owners/admins, and members in a working role (sales, pre-sales, support). Finance and viewers read
 * it; a guest never changes it, whatever their project role.
 */
export const canEditPlan = (auth: Auth, projectRole: ProjectRole | null): boolean =>
  canManageProject(auth, projectRole) || (auth.role !== 'guest' && projectRole !== null && PLAN_EDITORS.has(projectRole));

/** Who logs their own time on a project's tasks: any member except a viewer (guests included: an agent logs their hours). */
export const canLogOwnTime = (auth: Auth, projectRole: ProjectRole | null): boolean =>
  canManageProject(auth, projectRole) || (projectRole !== null && projectRole !== 'viewer');

/** Who logs, changes or deletes someone else's time: the project's managers and the workspace owners/admins. */
export const canLogTimeForOthers = (auth: Auth, projectRole: ProjectRole | null): boolean => canManageProject(auth, projectRole);
