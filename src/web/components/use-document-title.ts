import { useEffect } from 'react';

/** The browser tab's title: "<page> · Quarterdeck". */
export function useDocumentTitle(title: string | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} · Quarterdeck` : 'Quarterdeck';
  }, [title]);
}
