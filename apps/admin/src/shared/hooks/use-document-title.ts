import { useEffect } from 'react';

const APP_NAME = 'Autobuy';

/** Names the browser tab after the page, so several open tabs can be told apart. */
export function useDocumentTitle(title: string | null): void {
  useEffect(() => {
    document.title = title ? `${title} · ${APP_NAME}` : APP_NAME;
  }, [title]);
}
