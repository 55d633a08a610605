import { useCallback, useEffect, useRef } from 'react';
import { useSearchParams } from 'react-router';

/**
 * Changes to the address's query that were sent but may not be rendered yet. React Router hands a
 * functional `setSearchParams` the query of the last render, and its navigations are transitions that a
 * busy page renders later: two quick changes (the minimum amount, then the maximum) lost the first. Each
 * change here applies to the one sent before it until the address catches up.
 */
export class PendingQueries {
  /** The rendered query the pending changes started from. */
  private from: string | null = null;
  private chain: string[] = [];

  /** The query a new change applies to: the last one sent, else the rendered one. */
  base(rendered: string): string {
    return this.chain.at(-1) ?? rendered;
  }

  sent(query: string, rendered: string): void {
    if (this.chain.length === 0) this.from = rendered;
    this.chain.push(query);
  }

  /** The page rendered `query`: changes up to it have landed; another address (back, a link) ends the chain. */
  rendered(query: string): void {
    if (this.chain.length === 0 || query === this.from) return;
    const at = this.chain.indexOf(query);
    if (at >= 0) {
      this.chain.splice(0, at + 1);
      this.from = query;
    } else {
      this.chain = [];
      this.from = null;
    }
  }
}

/** Changes the address's query (replacing the entry), each change applied to the changes sent before it. */
export function useQueryChange(): (change: (current: URLSearchParams) => URLSearchParams) => void {
  const [params, setParams] = useSearchParams();
  const rendered = params.toString();
  const pending = useRef(new PendingQueries()).current;
  useEffect(() => pending.rendered(rendered), [pending, rendered]);
  return useCallback(
    (change) =>
      setParams(
        (current) => {
          const now = current.toString();
          const next = change(new URLSearchParams(pending.base(now)));
          pending.sent(next.toString(), now);
          return next;
        },
        { replace: true },
      ),
    [setParams, pending],
  );
}
