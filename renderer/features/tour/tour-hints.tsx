/** What each page's tour hint says: where the user is in import → train → evaluate → predict, and the next step. */
import type { ReactNode } from 'react';
import type { TourHintId } from '../../../preload/contract';
import { isMac } from '../../app/platform';
import { shortcutLabel } from '../../app/routes';

/** One hint: its step line and the sentence or two under it. */
export interface TourHintText {
  step: string;
  body: ReactNode;
}

const key = (k: string) => <kbd>{shortcutLabel(k, isMac)}</kbd>;

/** The hint of every page that has one, in tour order. */
export const tourHintTexts: Record<TourHintId, TourHintText> = {
  dataset: {
    step: 'Step 1 of 4 · Import',
    body: (
      <>
        Your resumes are in. The import’s report lists the files that were copies or gave no text; <strong>Browse and label</strong> shows each resume. Next:
        open <strong>Train</strong> ({key('2')}).
      </>
    ),
  },
  train: {
    step: 'Step 2 of 4 · Train',
    body: (
      <>
        Press <strong>Train</strong> ({key('T')}) to fit a classifier on the labelled resumes, on this computer. When the run finishes, open{' '}
        <strong>Evaluate</strong> ({key('3')}).
      </>
    ),
  },
  evaluate: {
    step: 'Step 3 of 4 · Evaluate',
    body: (
      <>
        The confusion matrix shows which categories the model mixes up: choose a cell to see those resumes and the words that decided. Then open{' '}
        <strong>Predict</strong> ({key('4')}).
      </>
    ),
  },
  predict: {
    step: 'Step 4 of 4 · Predict',
    body: (
      <>
        Drop a resume file anywhere in this window, or paste its text, to see its category, how sure the model is and which words decided it. Help brings these
        hints back.
      </>
    ),
  },
};
