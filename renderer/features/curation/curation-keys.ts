/** What a key press means in the resume view: move, label, exclude, select, undo or redo. Pure. */

/** The key state a decision depends on (a subset of KeyboardEvent). */
export interface CurationKeys {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

/** What the view does for a key. */
export type CurationKeyAction =
  | { kind: 'undo' }
  | { kind: 'redo' }
  | { kind: 'move'; by: 1 | -1 }
  | { kind: 'label'; index: number }
  | { kind: 'typeAhead'; text: string }
  | { kind: 'toggleExcluded' }
  | { kind: 'toggleSelected' }
  | { kind: 'openLabel' };

/** Undo / redo, anywhere in the curation views: Ctrl/Cmd+Z, Shift+Ctrl/Cmd+Z, and Ctrl+Y. */
export function historyAction(keys: CurationKeys): CurationKeyAction | null {
  const hasModifier = keys.ctrlKey !== keys.metaKey;
  if (!hasModifier || keys.altKey) return null;
  const key = keys.key.toLowerCase();
  if (key === 'z') return { kind: keys.shiftKey ? 'redo' : 'undo' };
  if (key === 'y' && keys.ctrlKey && !keys.shiftKey) return { kind: 'redo' };
  return null;
}

/** Keys of the table: J/K or arrows move, 1–9 label, X excludes, Space selects, Enter opens the label field, letters type ahead (undo / redo are window-wide). */
export function tableAction(keys: CurationKeys): CurationKeyAction | null {
  if (keys.ctrlKey || keys.metaKey || keys.altKey) return null;
  const key = keys.key;
  if (key === 'j' || key === 'J' || key === 'ArrowDown') return { kind: 'move', by: 1 };
  if (key === 'k' || key === 'K' || key === 'ArrowUp') return { kind: 'move', by: -1 };
  if (key === 'x' || key === 'X') return { kind: 'toggleExcluded' };
  if (key === ' ') return { kind: 'toggleSelected' };
  if (key === 'Enter') return { kind: 'openLabel' };
  if (/^[1-9]$/.test(key)) return { kind: 'label', index: Number(key) - 1 };
  if (key.length === 1 && /\p{L}/u.test(key)) return { kind: 'typeAhead', text: key };
  return null;
}
