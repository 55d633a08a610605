import { isAdmin, useCurrentUser } from '../../app/auth';
import { useMembers } from '../members/use-members';

/** Deals are changed by the project's team (every role but viewer) and workspace owners and admins (as the server decides). */
export function useCanEditDeals(projectId: string): boolean {
  const me = useCurrentUser();
  const members = useMembers(projectId);
  if (isAdmin(me)) return true;
  const role = members.data?.items.find((member) => member.userId === me.user.id)?.role;
  return role !== undefined && role !== 'viewer';
}
