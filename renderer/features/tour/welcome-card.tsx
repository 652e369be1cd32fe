/**
 * The first-run screen, shown while the dataset is empty: try the bundled sample dataset (imported
 * through the normal import path; the backend finds the folder itself) or import one's own resumes.
 */
import { useState } from 'react';
import { toRpcCallError } from '../../api/rpc-call-error';
import { useStudio } from '../../api/studio-context';
import { Icon } from '../../components/icon';
import { useOpenImport } from '../import/open-import';
import { useImportTracking } from '../import/use-import-activity';
import { ErrorMessage } from '../../components/error-message';

/** The two ways to start, and the four steps of the tour. */
export function WelcomeCard() {
  const client = useStudio();
  const openImport = useOpenImport();
  const tracking = useImportTracking();
  const [isStarting, setIsStarting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const trySample = async () => {
    setIsStarting(true);
    setError(null);
    try {
      const job = await client.call('import.startSample', {});
      tracking.running(job);
      // The Import dialog follows the job: live progress, then what each file became and the report.
      openImport(job);
    } catch (caught) {
      setError(toRpcCallError(caught, 'import.startSample').message);
    } finally {
      setIsStarting(false);
    }
  };

  return (
    <section className="card welcome" aria-labelledby="welcome-title" data-testid="welcome">
      <h2 id="welcome-title">Welcome to Resume Studio</h2>
      <p>Sort resumes into job categories with a classifier you train yourself. Everything runs on this computer: your resumes and models never leave it.</p>
      <div className="welcome-choices">
        <div className="welcome-choice">
          <div className="empty-icon" aria-hidden="true">
            <Icon name="sample" size={26} />
          </div>
          <h3>New here? Take the five-minute tour</h3>
          <p>
            A sample of invented resumes in six job categories, as PDF, Word and text files, with a few deliberate problems to find: an exact copy, a scanned
            PDF without text and a resume filed in the wrong category.
          </p>
          <button type="button" className="button primary" onClick={() => void trySample()} disabled={isStarting}>
            {isStarting ? 'Starting the import…' : 'Try the sample dataset'}
          </button>
        </div>
        <div className="welcome-choice">
          <div className="empty-icon" aria-hidden="true">
            <Icon name="folder" size={26} />
          </div>
          <h3>Bring your own resumes</h3>
          <p>
            Put each job category in its own sub-folder (for example <code>Engineering/</code>, <code>Sales/</code>) with PDF, DOCX, DOC, text, Markdown or HTML
            resumes inside; the folder name becomes the label. A CSV or JSONL file with a text and a label column works too.
          </p>
          <button type="button" className="button" onClick={() => openImport()}>
            <Icon name="import" size={16} />
            Import my resumes…
          </button>
        </div>
      </div>
      <ErrorMessage message={error} />
      <ol className="steps" aria-label="The tour">
        {['Import resumes', 'Train a model', 'Evaluate it', 'Predict'].map((step, i) => (
          <li key={step}>
            <span className="step-number" aria-hidden="true">
              {i + 1}
            </span>
            {step}
          </li>
        ))}
      </ol>
    </section>
  );
}
