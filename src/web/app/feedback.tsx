import { type ReactNode, Suspense, useState } from 'react';
import { lazyNamed } from '../components/lazy-named';

type Kind = 'success' | 'error' | 'warning' | 'info';
export type Toast = { kind: Kind; content: string; duration?: number };
export type ToastApi = Record<Kind, (content: string, duration?: number) => void>;

/**
 * Short confirmations and errors at the top of the page (antd's message). Its code is downloaded with the first
 * message, not with the first page; messages asked for meanwhile wait in a queue.
 */
let show: ((toast: Toast) => void) | null = null;
let queue: Toast[] = [];
let requestHost: (() => void) | null = null;

const MessageHost = lazyNamed(() => import('./message-host'), 'MessageHost');

function push(toast: Toast): void {
  if (show) show(toast);
  else {
    queue.push(toast);
    requestHost?.();
  }
}

/** Called by the host once antd's message API is ready: shows what waited. */
export function attachToasts(next: (toast: Toast) => void): void {
  show = next;
  const waiting = queue;
  queue = [];
  for (const toast of waiting) next(toast);
}

export const toast: ToastApi = {
  success: (content, duration) => push({ kind: 'success', content, duration }),
  error: (content, duration) => push({ kind: 'error', content, duration }),
  warning: (content, duration) => push({ kind: 'warning', content, duration }),
  info: (content, duration) => push({ kind: 'info', content, duration }),
};

/** Mounts the message host (inside ConfigProvider, for the theme) once the first message is asked for. */
export function MessageProvider({ children }: { children: ReactNode }) {
  const [needed, setNeeded] = useState(false);
  requestHost = () => setNeeded(true);
  return (
    <>
      {(needed || queue.length > 0) && (
        <Suspense fallback={null}>
          <MessageHost />
        </Suspense>
      )}
      {children}
    </>
  );
}

export function useMessage(): ToastApi {
  return toast;
}
