/**
 * One database round trip answers many health checks: a caller that arrives while a ping is in flight
 * waits for the next ping, which starts as soon as that one ends, so every answer comes from a ping
 * that began after its caller asked (never a stale result), and a busy server sends at most one
 * ping at a time to the database instead of one per request.
 */
export function sharedPing(check: () => Promise<boolean>): () => Promise<boolean> {
  let running: Promise<boolean> | null = null;
  let queued: Promise<boolean> | null = null;
  const start = (): Promise<boolean> => {
    const ping: Promise<boolean> = check()
      .catch(() => false)
      .finally(() => {
        if (running === ping) running = null;
      });
    running = ping;
    return ping;
  };
  return () => {
    if (!running) return start();
    if (!queued) {
      queued = running.then(() => {
        queued = null;
        return start();
      });
    }
    return queued;
  };
}
