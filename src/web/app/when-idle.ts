/**
 * Runs `work` when the browser is idle (at the latest `timeout` ms later), not before `delay` ms have passed,
 * and returns what cancels it. Safari has no requestIdleCallback (neither on macOS nor on iOS, where sales
 * reps open the board): there a timer stands in for it.
 */
export function whenIdle(work: () => void, { timeout = 2000, delay = 0 } = {}): () => void {
  let cancelIdle = () => {};
  const start = () => {
    if (typeof requestIdleCallback === 'function') {
      const id = requestIdleCallback(() => work(), { timeout });
      cancelIdle = () => cancelIdleCallback(id);
    } else {
      const id = setTimeout(work, 50);
      cancelIdle = () => clearTimeout(id);
    }
  };
  if (delay <= 0) {
    start();
    return () => cancelIdle();
  }
  const timer = setTimeout(start, delay);
  return () => {
    clearTimeout(timer);
    cancelIdle();
  };
}
