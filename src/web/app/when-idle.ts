/**
 * Runs `work` when the browser is idle (at the latest after `timeout` ms) and returns what cancels it.
 * Safari has no requestIdleCallback (neither on macOS nor on iOS, where sales reps open the board): there
 * a timer stands in for it.
 */
export function whenIdle(work: () => void, timeout = 2000): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(() => work(), { timeout });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(work, 50);
  return () => clearTimeout(id);
}
