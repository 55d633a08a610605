/**
 * Computed schedules of this app instance, as the UTF-8 JSON they were sent as, each valid for one state of
 * its project's plan (the key: plan revision, project version, calendar version — read from the
 * database on every request). Nothing here can be stale: a change anywhere bumps one of the three, and
 * the next read computes again. Bounded by size, least recently used out first.
 */
export type ScheduleCache = {
  get(projectKey: string, stateKey: string): Buffer | undefined;
  set(projectKey: string, stateKey: string, json: Buffer): void;
  /**
   * Runs `compute` once for concurrent callers asking for the same project in the same state: the
   * many viewers of a plan that has just changed wait for one computation instead of each doing it.
   */
  once<T>(projectKey: string, stateKey: string, compute: () => Promise<T>): Promise<T>;
};

export function createScheduleCache(maxBytes = 64 * 1024 * 1024): ScheduleCache {
  const entries = new Map<string, { stateKey: string; json: Buffer }>();
  const running = new Map<string, Promise<unknown>>();
  let bytes = 0;
  const remove = (projectKey: string) => {
    const entry = entries.get(projectKey);
    if (!entry) return;
    bytes -= entry.json.length;
    entries.delete(projectKey);
  };
  return {
    get(projectKey, stateKey) {
      const entry = entries.get(projectKey);
      if (!entry || entry.stateKey !== stateKey) return undefined;
      // Most recently used last.
      entries.delete(projectKey);
      entries.set(projectKey, entry);
      return entry.json;
    },
    set(projectKey, stateKey, json) {
      remove(projectKey);
      if (json.length > maxBytes) return;
      entries.set(projectKey, { stateKey, json });
      bytes += json.length;
      for (const oldest of entries.keys()) {
        if (bytes <= maxBytes) break;
        remove(oldest);
      }
    },
    once<T>(projectKey: string, stateKey: string, compute: () => Promise<T>): Promise<T> {
      const key = `${projectKey} ${stateKey}`;
      const pending = running.get(key);
      if (pending) return pending as Promise<T>;
      const started = compute().finally(() => running.delete(key));
      running.set(key, started);
      return started;
    },
  };
}
