/** The resumes of one confusion-matrix cell: true vs predicted, confidence, the words that drove the prediction, relabel or exclude in place. */
import { useState } from 'react';
import type { PredictionSource } from '../../../preload/contract';
import { useRpc } from '../../api/use-rpc';
import { InlineError } from '../../components/inline-error';
import { DocumentActions } from './document-actions';
import { ExplanationPanel } from './explanation-panel';
import { formatFixed } from '../../format/numbers';

const percent = (x: number) => `${formatFixed(x * 100, 1)}%`;

/** Props of CellDocuments. */
export interface CellDocumentsProps {
  runId: number;
  source: PredictionSource;
  trueCategory: string;
  predictedCategory: string;
  categories: string[];
}

/** The list, with one resume opened. */
export function CellDocuments({ runId, source, trueCategory, predictedCategory, categories }: CellDocumentsProps) {
  const docs = useRpc('evaluation.cell', { runId, source, trueCategory, predictedCategory }, { refreshOn: ['dataset.changed'] });
  const [openId, setOpenId] = useState<number | null>(null);
  return (
    <section className="card cell-documents" aria-labelledby="cell-title" data-testid="cell-documents">
      <h2 id="cell-title">
        True {trueCategory}, predicted {predictedCategory}
      </h2>
      {docs.error ? <InlineError title="Could not list these resumes" error={docs.error} onRetry={docs.reload} /> : null}
      {docs.data && docs.data.length === 0 ? <p className="muted">No resume in this cell.</p> : null}
      {docs.data && docs.data.length > 0 ? (
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">Resumes in this cell</caption>
            <thead>
              <tr>
                <th scope="col">Resume</th>
                <th scope="col">True</th>
                <th scope="col">Predicted</th>
                <th scope="col" className="numeric">
                  Confidence
                </th>
                <th scope="col">Now</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {docs.data.map((d) => (
                <tr key={d.documentId} className={openId === d.documentId ? 'row-open' : undefined}>
                  <th scope="row">
                    <button
                      type="button"
                      className="link-button"
                      aria-expanded={openId === d.documentId}
                      onClick={() => setOpenId(openId === d.documentId ? null : d.documentId)}
                    >
                      {d.fileName}
                    </button>
                  </th>
                  <td>{d.trueCategory}</td>
                  <td>{d.predictedCategory}</td>
                  <td className="numeric">{percent(d.confidence)}</td>
                  <td>{d.isExcluded ? 'excluded' : (d.currentCategory ?? 'unlabelled')}</td>
                  <td>
                    <DocumentActions document={d} categories={categories} onChanged={docs.reload} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {openId !== null ? <ExplanationPanel runId={runId} documentId={openId} /> : null}
    </section>
  );
}
