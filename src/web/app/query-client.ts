import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from './api';
import { errorMessage } from './errors';
import { toast } from './feedback';
import { i18n } from './i18n';

export const meKey = ['me'] as const;

declare module '@tanstack/react-query' {
  interface Register {
    mutationMeta: {
      /** The component shows this mutation's errors itself (e.g. beside a form field). */
      handlesErrors?: boolean;
    };
  }
}

/** One place that reacts to errors: an ended session signs out, a stale write reloads, the rest is shown. */
export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: (count, error) => !(isApiError(error) && error.status >= 400 && error.status < 500) && count < 2,
      },
    },
    queryCache: new QueryCache({
      onError: (error) => {
        if (isApiError(error) && error.status === 401) signedOut(client);
      },
    }),
    mutationCache: new MutationCache({
      onError: (error, _variables, _context, mutation) => {
        if (isApiError(error) && error.status === 401 && error.path !== '/auth/login') {
          signedOut(client);
          toast.warning(errorMessage(i18n.t, error));
          return;
        }
        if (isApiError(error) && error.isStale) {
          void client.invalidateQueries();
          toast.warning(errorMessage(i18n.t, error), 6);
          return;
        }
        if (mutation.meta?.handlesErrors) return;
        toast.error(errorMessage(i18n.t, error), 6);
      },
    }),
  });
  return client;
}

/** The session ended: forget what was loaded for that user; the router sends them to sign in. */
function signedOut(client: QueryClient): void {
  if (client.getQueryData(meKey) === null) return;
  client.setQueryData(meKey, null);
}
