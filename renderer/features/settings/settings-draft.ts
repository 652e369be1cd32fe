/**
 * The Training defaults form's unsaved edits, kept outside the form so that leaving the Settings
 * page does not drop them: coming back shows them again, marked unsaved. Closing or reloading the
 * window with edits pending asks first (beforeunload).
 */
import { useEffect, useSyncExternalStore } from 'react';

/** The form's fields as typed (numbers stay text so a half-typed value is not lost). */
export interface SettingsDraft {
  defaultEngine: 'fast' | 'mljs';
  testFraction: string;
  seed: string;
}

let current: SettingsDraft | null = null;
const listeners = new Set<() => void>();

/** Replaces the draft (null = nothing unsaved) and tells every reader. */
export function setSettingsDraft(next: SettingsDraft | null): void {
  if (next === current) return;
  current = next;
  for (const listener of [...listeners]) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The unsaved draft, or null; re-renders when it changes. */
export function useSettingsDraft(): SettingsDraft | null {
  const draft = useSyncExternalStore(subscribe, () => current);
  // While anything is unsaved, closing or reloading the window asks before losing it.
  const isDirty = draft !== null;
  useEffect(() => {
    if (!isDirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [isDirty]);
  return draft;
}
