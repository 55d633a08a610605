import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Me } from '../../core/auth/schemas';
import { api, isApiError } from './api';
import { meKey } from './query-client';

export type SetupState = { needsSetup: boolean; signupMode: 'first-user' | 'open' | 'invite' };

export const setupKey = ['setup'] as const;

/** The signed-in user, or null when nobody is signed in. */
async function fetchMe(): Promise<Me | null> {
  try {
    return await api.get<Me>('/me');
  } catch (error) {
    if (isApiError(error) && error.status === 401) return null;
    throw error;
  }
}

const fetchSetup = () => api.get<SetupState>('/setup');
const ME_STALE_MS = 5 * 60_000;

export function useMe() {
  return useQuery({ queryKey: meKey, queryFn: fetchMe, staleTime: ME_STALE_MS });
}

export function useSetupState() {
  return useQuery({ queryKey: setupKey, queryFn: fetchSetup, staleTime: Number.POSITIVE_INFINITY });
}

/** Starts loading the session before React renders, in parallel with the code and words of the first page. */
export function prefetchSession(client: QueryClient): void {
  void client.prefetchQuery({ queryKey: setupKey, queryFn: fetchSetup, staleTime: Number.POSITIVE_INFINITY });
  void client.prefetchQuery({ queryKey: meKey, queryFn: fetchMe, staleTime: ME_STALE_MS });
}

/** The signed-in user inside the app shell (which only renders once someone is signed in). */
export function useCurrentUser(): Me {
  const { data } = useMe();
  if (!data) throw new Error('useCurrentUser outside a signed-in page');
  return data;
}

export const isAdmin = (me: Me): boolean => me.role === 'owner' || me.role === 'admin';

/** Whether the last session ended by "Sign out" (then the sign-in page does not offer to return to where it was). */
let signedOutOnPurpose = false;
export const wasSignedOutOnPurpose = (): boolean => signedOutOnPurpose;

/** After sign-up, sign-in or accepting an invitation: start from a clean cache with the new user. */
export function useSignedIn() {
  const client = useQueryClient();
  return (me: Me) => {
    signedOutOnPurpose = false;
    client.removeQueries({ predicate: (query) => query.queryKey[0] !== meKey[0] });
    client.setQueryData(setupKey, (state: SetupState | undefined) => (state ? { ...state, needsSetup: false } : state));
    client.setQueryData(meKey, me);
  };
}

export function useSignOut() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>('/auth/logout'),
    onSettled: () => {
      signedOutOnPurpose = true;
      client.removeQueries({ predicate: (query) => query.queryKey[0] !== meKey[0] });
      client.setQueryData(meKey, null);
    },
    meta: { handlesErrors: true },
  });
}
