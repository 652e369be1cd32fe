/** What a key press means on the suggestion queue: Enter accepts, 1–9 pick a category, letters type one, X excludes (undo is window-wide). Pure. */
import type { CurationKeys } from '../curation/curation-keys';

/** What the queue does for a key. */
export type QueueKeyAction = { kind: 'accept' } | { kind: 'label'; index: number } | { kind: 'typeAhead'; text: string } | { kind: 'exclude' };

/** The action of a key pressed on the queue card (not in a field or on a button, which keep their own keys). */
export function queueAction(keys: CurationKeys): QueueKeyAction | null {
  if (keys.ctrlKey || keys.metaKey || keys.altKey) return null;
  const key = keys.key;
  if (key === 'Enter') return { kind: 'accept' };
  if (key === 'x' || key === 'X') return { kind: 'exclude' };
  if (/^[1-9]$/.test(key)) return { kind: 'label', index: Number(key) - 1 };
  if (key.length === 1 && /\p{L}/u.test(key)) return { kind: 'typeAhead', text: key };
  return null;
}
