/** Undo / redo for the curation views: the history state, the two actions, and their shortcuts. */
import { useCallback, useEffect } from 'react';
import type { LabelChange } from '../../../preload/contract';
import { useStudio } from '../../api/studio-context';
import { useRpc } from '../../api/use-rpc';
import { useShowError } from '../../app/error-toasts';
import { historyAction } from './curation-keys';

const isEditable = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/** The history and undo / redo; `onChange` hears what each did (for the status announcement). */
export function useLabelHistory(onChange: (what: string) => void) {
  const client = useStudio();
  const showError = useShowError();
  const history = useRpc('documents.history', {}, { refreshOn: ['documents.changed'] });
  const run = useCallback(
    (which: 'undo' | 'redo') => {
      (which === 'undo' ? client.call('documents.undo', {}) : client.call('documents.redo', {})).then(
        (change: LabelChange) => onChange(change.step ? `${which === 'undo' ? 'Undone' : 'Redone'}: ${change.step.description}` : `Nothing to ${which}`),
        (error: unknown) => showError(error, `Could not ${which}`),
      );
    },
    [client, onChange, showError],
  );
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      // Text fields keep their own undo; dialogs are modal.
      if (isEditable(event.target) || document.querySelector('dialog[open]')) return;
      const action = historyAction(event);
      if (!action) return;
      event.preventDefault();
      run(action.kind === 'redo' ? 'redo' : 'undo');
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [run]);
  return { history: history.data, undo: () => run('undo'), redo: () => run('redo') };
}
