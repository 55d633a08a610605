import type { ProjectRole } from '../../../core/members/schemas.js';
import { type Auth, isAdminRole } from '../../http/access.js';

/** Members and above see every project of the workspace; a guest sees the projects they belong to. */
export const canViewProject = (auth: Auth, projectRole: ProjectRole | null): boolean => auth.role !== 'guest' || projectRole !== null;

/** Workspace owners/admins and the project's managers change a project, its team and see its history. */
export const canManageProject = (auth: Auth, projectRole: ProjectRole | null): boolean =>
  isAdminRole(auth.role) || projectRole === 'manager';

export const canCreateProject = (auth: Auth): boolean => auth.role !== 'guest';
