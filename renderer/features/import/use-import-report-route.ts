/** The `#/dataset/import/<jobId>` sub-route: which import report the Dataset page shows, if any. */
import { useSyncExternalStore } from 'react';
import { importReportIdFromHash } from '../../app/routes';

function subscribe(listener: () => void) {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

/** The job id named by the URL hash, or null on the plain Dataset page. */
export function useImportReportId(): number | null {
  return useSyncExternalStore(subscribe, () => importReportIdFromHash(window.location.hash));
}
