/** Two runs side by side: headline and per-class deltas, both confusion matrices, and the resumes whose prediction flipped. */
import { useRpc } from '../../api/use-rpc';
import { InlineError } from '../../components/inline-error';
import { ConfusionMatrix } from './confusion-matrix';
import type { RunComparison } from '../../../preload/contract';
import { formatCount, formatCountOf, formatFixed } from '../../format/numbers';

const fixed = (x: number | null) => (x === null ? '—' : formatFixed(x, 3));
const delta = (a: number | null, b: number | null) => (a === null || b === null ? '—' : `${b - a >= 0 ? '+' : '−'}${formatFixed(Math.abs(b - a), 3)}`);

/** The comparison of `baseRunId` (before) and `runId` (after). */
export function CompareView({ baseRunId, runId }: { baseRunId: number; runId: number }) {
  const comparison = useRpc('evaluation.compare', { baseRunId, runId });
  if (comparison.error) return <InlineError title="Could not compare the runs" error={comparison.error} onRetry={comparison.reload} />;
  const c = comparison.data;
  if (!c || c.base.id !== baseRunId || c.run.id !== runId) return <p className="muted">Comparing…</p>;
  return (
    <section className="card compare" aria-labelledby="compare-title" data-testid="compare-view">
      <h2 id="compare-title">
        Run {c.base.id} → run {c.run.id}
      </h2>
      <SharedSetNote comparison={c} />
      {c.isTooSmall ? null : (
        <>
          <DeltaTable
            caption="Headline metrics"
            firstColumn="Metric"
            baseRunId={c.base.id}
            runId={c.run.id}
            rows={c.headline.map((h) => ({ label: h.label, base: h.base, value: h.value }))}
          />
          <DeltaTable
            caption="F1 per category"
            firstColumn="Category"
            baseRunId={c.base.id}
            runId={c.run.id}
            rows={c.perClass.map((d) => ({ label: d.label, base: d.baseF1, value: d.f1 }))}
            testId="class-deltas"
          />
        </>
      )}
      <div className="side-by-side">
        {c.baseConfusion ? <ConfusionMatrix classes={c.baseClasses} confusion={c.baseConfusion} caption={`Run ${c.base.id}`} isCompact /> : null}
        {c.confusion ? <ConfusionMatrix classes={c.classes} confusion={c.confusion} caption={`Run ${c.run.id}`} isCompact /> : null}
      </div>
      <h3>Resumes whose prediction flipped</h3>
      <p className="muted" data-testid="flipped-count">
        {formatCountOf(c.flipped.length, 'resume')} of the {formatCountOf(c.commonDocuments, 'shared resume')} changed prediction.
      </p>
      {c.flipped.length > 0 ? (
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">Flipped predictions</caption>
            <thead>
              <tr>
                <th scope="col">Resume</th>
                <th scope="col">True</th>
                <th scope="col">Run {c.base.id}</th>
                <th scope="col">Run {c.run.id}</th>
                <th scope="col">Effect</th>
              </tr>
            </thead>
            <tbody>
              {c.flipped.map((f) => (
                <tr key={f.documentId}>
                  <th scope="row">{f.fileName}</th>
                  <td>{f.trueCategory}</td>
                  <td>{f.basePredicted}</td>
                  <td>{f.predicted}</td>
                  <td>{f.isFixed === true ? 'fixed' : f.isFixed === false ? 'broken' : 'still wrong'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

/** Which resumes the figures are computed on, and whether they are enough to read changes from. */
function SharedSetNote({ comparison: c }: { comparison: RunComparison }) {
  const what = c.source === 'cv' ? 'predicted out of fold by cross-validation in' : 'held out by';
  const shared = (
    <>
      Compared on the {formatCountOf(c.commonDocuments, 'resume')} {what} both runs (run {c.base.id}: {formatCount(c.baseDocuments)}, run {c.run.id}:{' '}
      {formatCount(c.runDocuments)}).
    </>
  );
  if (!c.isTooSmall) return <p data-testid="compare-basis">{shared}</p>;
  const perCategory = c.classes.length ? c.commonDocuments / c.classes.length : 0;
  return (
    <div className="callout" role="note" data-testid="compare-basis">
      <p>{shared}</p>
      <p>
        That is about {formatCountOf(Math.round(perCategory), 'resume')} per category: one resume more or less right moves a category&rsquo;s F1 by more than
        the changes a retrain makes, so metric changes are not shown. The resumes whose prediction flipped, below, are what changed. Hold out more resumes (Test
        fraction on the Train page) or label more to compare runs.
      </p>
    </div>
  );
}

/** One figure per row for two runs, with the change between them. */
function DeltaTable(props: {
  caption: string;
  firstColumn: string;
  baseRunId: number;
  runId: number;
  rows: { label: string; base: number | null; value: number | null }[];
  testId?: string;
}) {
  return (
    <div className="table-scroll">
      <table className="data-table" data-testid={props.testId}>
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{props.firstColumn}</th>
            <th scope="col" className="numeric">
              Run {props.baseRunId}
            </th>
            <th scope="col" className="numeric">
              Run {props.runId}
            </th>
            <th scope="col" className="numeric">
              Change
            </th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr key={row.label}>
              <th scope="row">{row.label}</th>
              <td className="numeric">{fixed(row.base)}</td>
              <td className="numeric">{fixed(row.value)}</td>
              <td className="numeric">{delta(row.base, row.value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
