/** The curation view and its state, read from the URL hash and written back (push or replace). */
import { useCallback, useSyncExternalStore } from 'react';
import { curationViewFromHash, hashForResumes, resumesStateFromHash, type CurationView, type ResumesViewState } from './curation-url';

// replaceState fires no hashchange, so writes announce themselves with this event.
const replacedEvent = 'curation-url-replaced';

function subscribe(listener: () => void) {
  window.addEventListener('hashchange', listener);
  window.addEventListener(replacedEvent, listener);
  return () => {
    window.removeEventListener('hashchange', listener);
    window.removeEventListener(replacedEvent, listener);
  };
}

const currentHash = () => window.location.hash;

/** Goes to a hash: a new history entry (Back returns), or in place of the current one (typing, moving between resumes). */
export function goToHash(hash: string, mode: 'push' | 'replace' = 'push'): void {
  if (window.location.hash === hash) return;
  if (mode === 'push') {
    window.location.hash = hash;
    return;
  }
  window.history.replaceState(window.history.state, '', hash);
  window.dispatchEvent(new Event(replacedEvent));
}

/** The curation view the URL names, or null. */
export function useCurationView(): CurationView | null {
  return curationViewFromHash(useSyncExternalStore(subscribe, currentHash));
}

/** The resume view's state and a function to change part of it. */
export function useResumesState(): [ResumesViewState, (change: Partial<ResumesViewState>, mode?: 'push' | 'replace') => void] {
  const hash = useSyncExternalStore(subscribe, currentHash);
  const state = resumesStateFromHash(hash);
  const update = useCallback((change: Partial<ResumesViewState>, mode: 'push' | 'replace' = 'push') => {
    goToHash(hashForResumes({ ...resumesStateFromHash(window.location.hash), ...change }), mode);
  }, []);
  return [state, update];
}
