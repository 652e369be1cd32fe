/** "Will more data help?": the run's learning curve, computed in the training worker on request and then stored with the run. */
import { lazy, Suspense, useState } from 'react';
import type { LearningCurvePoint } from '../../../preload/contract';
import { toRpcCallError } from '../../api/rpc-call-error';
import { useStudio } from '../../api/studio-context';

const LearningCurveChart = lazy(() => import('./learning-curve-chart').then((m) => ({ default: m.LearningCurveChart })));

/** Shows the stored curve, or a button that computes it. */
export function LearningCurveCard({ runId, stored }: { runId: number; stored: LearningCurvePoint[] | null }) {
  const client = useStudio();
  const [points, setPoints] = useState<{ runId: number; points: LearningCurvePoint[] } | null>(null);
  const [state, setState] = useState<{ runId: number; busy: boolean; error: string | null }>({ runId, busy: false, error: null });
  const shown = stored ?? (points?.runId === runId ? points.points : null);
  const busy = state.runId === runId && state.busy;
  const error = state.runId === runId ? state.error : null;
  const compute = () => {
    setState({ runId, busy: true, error: null });
    client.call('evaluation.learningCurve', { runId }).then(
      (result) => {
        setPoints({ runId, points: result });
        setState({ runId, busy: false, error: null });
      },
      (e: unknown) => setState({ runId, busy: false, error: toRpcCallError(e).message }),
    );
  };
  return (
    <section className="card" aria-labelledby="curve-title">
      <h2 id="curve-title">Will more data help?</h2>
      {shown ? (
        <>
          <p>
            Macro-F1 with {shown.map((p) => p.trainDocs).join(', ')} training resumes. A curve still rising at the right means more labelled resumes would help.
          </p>
          <Suspense fallback={<div className="chart-placeholder" />}>
            <LearningCurveChart points={shown} />
          </Suspense>
        </>
      ) : (
        <div className="button-row">
          <button type="button" className="button" onClick={compute} disabled={busy}>
            {busy ? 'Computing the learning curve…' : 'Compute the learning curve'}
          </button>
          <span className="muted">Trains five smaller models in the background.</span>
        </div>
      )}
      {error ? <p role="alert">{error}</p> : null}
    </section>
  );
}
