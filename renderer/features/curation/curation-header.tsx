/** The curation views' header: back to the overview, counts, undo / redo with what they would do, and the tools. */
import type { LabelHistory } from '../../../preload/contract';
import { isMac } from '../../app/platform';
import { duplicatesHash, hashForResumes } from './curation-url';

/** Props of CurationHeader. */
export interface CurationHeaderProps {
  title: string;
  counts: string;
  history: LabelHistory | undefined;
  onUndo(): void;
  onRedo(): void;
  onRule?(): void;
  onCategories?(): void;
}

const undoKeys = isMac ? 'Meta+Z' : 'Control+Z';
const redoKeys = isMac ? 'Meta+Shift+Z' : 'Control+Shift+Z';

/** Title row with the view's tools. */
export function CurationHeader({ title, counts, history, onUndo, onRedo, onRule, onCategories }: CurationHeaderProps) {
  return (
    <header className="page-header curation-header">
      <div>
        <nav aria-label="Breadcrumb" className="breadcrumb">
          <a href="#/dataset">Dataset</a> ›
        </nav>
        <h1 id="page-title" tabIndex={-1}>
          {title}
        </h1>
        <p className="page-description" data-testid="curation-counts">
          {counts}
        </p>
      </div>
      <div className="page-actions curation-actions">
        <button
          type="button"
          className="button"
          onClick={onUndo}
          disabled={!history?.undo}
          aria-keyshortcuts={undoKeys}
          title={history?.undo ? `Undo: ${history.undo.description}` : 'Nothing to undo'}
        >
          Undo
        </button>
        <button
          type="button"
          className="button"
          onClick={onRedo}
          disabled={!history?.redo}
          aria-keyshortcuts={redoKeys}
          title={history?.redo ? `Redo: ${history.redo.description}` : 'Nothing to redo'}
        >
          Redo
        </button>
        {onRule ? (
          <button type="button" className="button" onClick={onRule}>
            Keyword rule…
          </button>
        ) : null}
        {onCategories ? (
          <button type="button" className="button" onClick={onCategories}>
            Categories…
          </button>
        ) : null}
        {title === 'Resumes' ? (
          <a className="button" href={duplicatesHash}>
            Duplicates
          </a>
        ) : (
          <a className="button" href={hashForResumes({})}>
            All resumes
          </a>
        )}
      </div>
    </header>
  );
}
