import { type ReactNode, Suspense, useState } from 'react';

/** True from the first time `open` is true: a lazily loaded modal is mounted then and kept (for its closing animation). */
export function useOpenedOnce(open: boolean): boolean {
  const [opened, setOpened] = useState(open);
  if (open && !opened) setOpened(true);
  return opened || open;
}

/**
 * Renders a lazily loaded modal only once it has been opened, so its code (forms, pickers) is downloaded then and the
 * page that hosts it stays light.
 */
export function Deferred({ open, children }: { open: boolean; children: ReactNode }) {
  return useOpenedOnce(open) ? <Suspense fallback={null}>{children}</Suspense> : null;
}
