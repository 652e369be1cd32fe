/** Likely mislabelled resumes: where the out-of-fold model most believes another category, with one-click relabel or exclude. */
import { useRpc } from '../../api/use-rpc';
import { InlineError } from '../../components/inline-error';
import { DocumentActions } from './document-actions';
import { formatFixed } from '../../format/numbers';

/** The ranking of one run. */
export function MislabelledCard({ runId, categories, hasCv }: { runId: number; categories: string[]; hasCv: boolean }) {
  const list = useRpc('evaluation.mislabelled', { runId, limit: 25 }, { refreshOn: ['dataset.changed'] });
  return (
    <section className="card" aria-labelledby="mislabelled-title" data-testid="mislabelled">
      <h2 id="mislabelled-title">Likely mislabelled</h2>
      <p className="muted">
        {hasCv
          ? 'Ranked over every resume, each predicted by a model that never saw it (cross-validation).'
          : 'Ranked over the held-out resumes only; train with cross-validation folds to rank every resume.'}
      </p>
      {list.error ? <InlineError title="Could not rank the resumes" error={list.error} onRetry={list.reload} /> : null}
      {list.data && list.data.length === 0 ? <p>No resume looks mislabelled.</p> : null}
      {list.data && list.data.length > 0 ? (
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">Likely mislabelled resumes, most doubtful first</caption>
            <thead>
              <tr>
                <th scope="col">Resume</th>
                <th scope="col">Labelled</th>
                <th scope="col">Model says</th>
                <th scope="col" className="numeric">
                  Margin
                </th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {list.data.map((d) => (
                <tr key={d.documentId}>
                  <th scope="row">{d.fileName}</th>
                  <td>
                    {d.trueCategory} ({formatFixed(d.trueProbability * 100, 0)}%)
                  </td>
                  <td>
                    {d.predictedCategory} ({formatFixed(d.confidence * 100, 0)}%)
                  </td>
                  <td className="numeric">{formatFixed(d.margin, 2)}</td>
                  <td>
                    <DocumentActions document={d} categories={categories} onChanged={list.reload} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
