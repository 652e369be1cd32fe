/** Step 1 of the Import dialog: choose a folder natively (Electron) or type / paste a path. */
import { useId, useState, type FormEvent } from 'react';
import { Icon } from '../../components/icon';

/** Props of ImportSourceStep. */
export interface ImportSourceStepProps {
  path: string;
  onPathChange(path: string): void;
  /** Shows the native picker button; false in browser mode, where only the field works. */
  canPickFolder: boolean;
  onPickFolder(): void;
  onPreview(): void;
  isBusy: boolean;
  error: string | null;
}

/** The path form; Enter or "Preview" asks the backend what the path holds. */
export function ImportSourceStep({ path, onPathChange, canPickFolder, onPickFolder, onPreview, isBusy, error }: ImportSourceStepProps) {
  const fieldId = useId();
  const [touched, setTouched] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (path.trim()) onPreview();
  };
  const showEmpty = touched && !path.trim();
  return (
    <form className="import-step" onSubmit={submit} noValidate>
      <p className="muted">
        Pick a folder with one sub-folder per job category (the folder name becomes the label), or a CSV / JSONL file with a text and a label column. Nothing is
        written until you confirm the preview.
      </p>
      {canPickFolder ? (
        <div className="button-row">
          <button type="button" className="button" onClick={onPickFolder} disabled={isBusy}>
            <Icon name="folder" size={16} />
            Choose folder…
          </button>
          <span className="muted">or paste a path below</span>
        </div>
      ) : null}
      <div className="field">
        <label htmlFor={fieldId}>Folder or file path</label>
        <input
          id={fieldId}
          className="path-input mono"
          value={path}
          onChange={(event) => onPathChange(event.target.value)}
          placeholder="/home/you/resumes"
          data-autofocus
          spellCheck={false}
          autoComplete="off"
          aria-invalid={error || showEmpty ? true : undefined}
          aria-describedby={error || showEmpty ? `${fieldId}-error` : `${fieldId}-hint`}
        />
        {error || showEmpty ? (
          <p id={`${fieldId}-error`} className="form-error" role="alert">
            {error ?? 'Enter the path of a folder or a CSV / JSONL file.'}
          </p>
        ) : (
          <p id={`${fieldId}-hint`} className="field-hint">
            Supported: PDF, DOCX, DOC, TXT, MD and HTML files in folders; CSV and JSONL datasets.
          </p>
        )}
      </div>
      <div className="modal-actions">
        <button type="submit" className="button primary" disabled={isBusy}>
          {isBusy ? 'Reading…' : 'Preview'}
        </button>
      </div>
    </form>
  );
}
