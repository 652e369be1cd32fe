/** What a fresh data directory shows: how to build a dataset, with the Import button. */
import { Icon } from '../../components/icon';

/** The getting-started card for an empty dataset. */
export function DatasetEmptyState({ onImport }: { onImport(): void }) {
  return (
    <section className="card empty-state" aria-labelledby="empty-title">
      <div className="empty-icon" aria-hidden="true">
        <Icon name="folder" size={28} />
      </div>
      <h2 id="empty-title">Import a folder of resumes</h2>
      <p>
        Put each job category in its own sub-folder (for example <code>Engineering/</code>, <code>Sales/</code>) with PDF, DOCX, DOC, text or HTML resumes
        inside; the folder name becomes the label. A CSV or JSONL file with a text and a label column works too.
      </p>
      <div className="button-row">
        <button type="button" className="button primary" onClick={onImport}>
          <Icon name="import" size={16} />
          Import resumes…
        </button>
      </div>
      <ol className="steps" aria-label="Getting started">
        <li>
          <span className="step-number" aria-hidden="true">
            1
          </span>
          Import resumes
        </li>
        <li>
          <span className="step-number" aria-hidden="true">
            2
          </span>
          Check labels and data health
        </li>
        <li>
          <span className="step-number" aria-hidden="true">
            3
          </span>
          Train, evaluate, predict
        </li>
      </ol>
    </section>
  );
}
