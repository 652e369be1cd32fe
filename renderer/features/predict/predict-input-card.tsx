/** Ways to give the model a resume: drop files or a folder here (or anywhere), pick them, or paste text. */
import { useId, useRef, useState, type DragEvent, type FormEvent } from 'react';
import { useStudio } from '../../api/studio-context';
import { Icon } from '../../components/icon';
import { filesOfDrop, isResumeFileName } from './file-payload';
import { predictFiles, predictText } from './predict-store';

const accepted = '.pdf,.docx,.doc,.txt,.md,.markdown,.html,.htm';

/** The drop zone, the two pickers and the paste box. */
export function PredictInputCard({ disabled }: { disabled: boolean }) {
  const client = useStudio();
  const [isOver, setIsOver] = useState(false);
  const [text, setText] = useState('');
  const filesRef = useRef<HTMLInputElement>(null);
  const folderRef = useRef<HTMLInputElement>(null);
  const textId = useId();

  const onDrop = async (event: DragEvent) => {
    event.preventDefault();
    // Handled here, so the window-wide drop target does not handle it a second time.
    event.stopPropagation();
    setIsOver(false);
    if (disabled) return;
    const { files, fromFolder } = await filesOfDrop(event.dataTransfer);
    void predictFiles(client, files, fromFolder);
  };
  const onPicked = (input: HTMLInputElement | null, fromFolder: boolean) => {
    const files = Array.from(input?.files ?? []).filter((file) => !fromFolder || isResumeFileName(file.name));
    if (input) input.value = '';
    void predictFiles(client, files, fromFolder);
  };
  const submitText = (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return;
    void predictText(client, text);
  };

  return (
    <section className="card predict-input" aria-labelledby="predict-input-title">
      <h2 id="predict-input-title">Resumes to classify</h2>
      <div
        className={`drop-zone${isOver ? ' is-over' : ''}`}
        data-testid="predict-drop-zone"
        onDragOver={(event) => {
          event.preventDefault();
          setIsOver(true);
        }}
        onDragLeave={() => setIsOver(false)}
        onDrop={(event) => void onDrop(event)}
      >
        <Icon name="import" size={28} />
        <p>
          <strong>Drop resumes here</strong> — or anywhere in the window. PDF, DOCX, DOC, TXT, MD or HTML; a few files give cards, five or more (or a folder) a
          table.
        </p>
        <div className="button-row">
          <button type="button" className="button" onClick={() => filesRef.current?.click()} disabled={disabled}>
            Choose files…
          </button>
          <button type="button" className="button" onClick={() => folderRef.current?.click()} disabled={disabled}>
            <Icon name="folder" size={16} />
            Choose folder…
          </button>
        </div>
        <input
          ref={filesRef}
          type="file"
          multiple
          accept={accepted}
          hidden
          onChange={(event) => onPicked(event.target, false)}
          data-testid="predict-file-input"
        />
        <input
          ref={(element) => {
            folderRef.current = element;
            // webkitdirectory is not in React's typings; set it on the element itself.
            element?.setAttribute('webkitdirectory', '');
          }}
          type="file"
          hidden
          onChange={(event) => onPicked(event.target, true)}
        />
      </div>
      <form className="paste-box" onSubmit={submitText}>
        <label htmlFor={textId}>Or paste a resume's text</label>
        <textarea
          id={textId}
          rows={4}
          value={text}
          onChange={(event) => setText(event.target.value)}
          placeholder="Paste the text of a resume…"
          disabled={disabled}
        />
        <div className="button-row">
          <button type="submit" className="button primary" disabled={disabled || !text.trim()}>
            Predict
          </button>
        </div>
      </form>
    </section>
  );
}
