import { type Auth, isAdminRole } from '../../http/access.js';

/** Accounts and contacts are the workspace's: every member works with them; guests see only their projects. */
export const canUseCustomers = (auth: Auth): boolean => auth.role !== 'guest';

/** An account is deleted by its owner (or anyone when it has none) and by workspace admins. */
export const canDeleteAccount = (auth: Auth, ownerId: string | null): boolean =>
  isAdminRole(auth.role) || ownerId === null || ownerId === auth.userId;
