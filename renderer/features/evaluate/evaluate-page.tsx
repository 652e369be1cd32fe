/** The Evaluate page: the active (or any chosen) run in depth, Retrain with the new matrix beside the old, run history and compare, model files. */
import { useState } from 'react';
import { toRpcCallError } from '../../api/rpc-call-error';
import { useStudio } from '../../api/studio-context';
import { useRpc } from '../../api/use-rpc';
import { useStudioEvent } from '../../api/use-studio-event';
import { hashForRoute } from '../../app/routes';
import { InlineError } from '../../components/inline-error';
import { PageHeader } from '../../components/page-header';
import { TourHint } from '../tour/tour-hint';
import { startParamsOf } from '../training/training-settings-form';
import { CompareView } from './compare-view';
import { ModelFilesCard } from './model-files-card';
import { RunHistory } from './run-history';
import { RunView } from './run-view';

/** The page. */
export function EvaluatePage() {
  const client = useStudio();
  const runs = useRpc('training.runs', {}, { refreshOn: ['training.finished', 'models.activated'] });
  const [viewedId, setViewedId] = useState<number | null>(null);
  const [compare, setCompare] = useState<{ baseId: number | null; runId: number | null }>({ baseId: null, runId: null });
  const [retrain, setRetrain] = useState<{ baseId: number; runId: number | null; percent: number; error: string | null } | null>(null);

  const list = runs.data ?? [];
  const fallback = list.find((r) => r.isActiveModel) ?? list.find((r) => r.state === 'finished');
  const shownId = viewedId ?? fallback?.id ?? null;

  useStudioEvent('training.progressed', (p) => setRetrain((r) => (r && r.runId === p.runId ? { ...r, percent: Math.floor(p.fraction * 100) } : r)));
  useStudioEvent('training.finished', ({ run }) => {
    if (!retrain || retrain.runId !== run.id) return;
    if (run.state !== 'finished') {
      setRetrain({ ...retrain, error: run.error ?? `Run ${run.id} ${run.state}.` });
      return;
    }
    setViewedId(run.id);
    setCompare({ baseId: retrain.baseId, runId: run.id });
    setRetrain(null);
  });

  const viewed = list.find((r) => r.id === shownId);
  const startRetrain = () => {
    if (!viewed) return;
    client.call('training.start', startParamsOf(viewed.params)).then(
      ({ runId }) => setRetrain({ baseId: viewed.id, runId, percent: 0, error: null }),
      (e: unknown) => setRetrain({ baseId: viewed.id, runId: null, percent: 0, error: toRpcCallError(e).message }),
    );
  };
  const isRetraining = retrain !== null && retrain.runId !== null && retrain.error === null;

  return (
    <>
      <PageHeader
        title="Evaluate"
        description="How well a trained model sorts resumes it has not seen, where it goes wrong, and whether a change helped."
        actions={
          viewed ? (
            <button type="button" className="button primary" onClick={startRetrain} disabled={isRetraining}>
              {isRetraining ? `Retraining… ${retrain.percent}%` : 'Retrain'}
            </button>
          ) : null
        }
      />
      <TourHint id="evaluate" />
      {runs.error ? <InlineError title="Could not load the training runs" error={runs.error} onRetry={runs.reload} /> : null}
      {retrain?.error ? (
        <p role="alert" className="inline-error">
          {retrain.error}
        </p>
      ) : null}
      {isRetraining ? (
        <p role="status" className="muted">
          Retraining with the same settings as run {retrain.baseId}; the comparison appears here when it finishes.
        </p>
      ) : null}
      {runs.data && !fallback ? (
        <section className="card">
          <h2>No finished run yet</h2>
          <p>
            Train a model first on the <a href={hashForRoute('train')}>Train page</a>; its evaluation appears here.
          </p>
        </section>
      ) : null}
      {compare.baseId !== null && compare.runId !== null && compare.baseId !== compare.runId ? (
        <CompareView baseRunId={compare.baseId} runId={compare.runId} />
      ) : null}
      {shownId !== null ? <RunDetailLoader runId={shownId} /> : null}
      {list.length > 0 ? <RunHistory runs={list} viewedId={shownId} onView={setViewedId} compare={compare} onCompare={setCompare} /> : null}
      <ModelFilesCard modelId={viewed?.modelId ?? null} />
    </>
  );
}

/** Loads one run's details and shows them. */
function RunDetailLoader({ runId }: { runId: number }) {
  const detail = useRpc('training.run', { runId }, { refreshOn: ['training.finished'] });
  if (detail.error) return <InlineError title={`Could not load run ${runId}`} error={detail.error} onRetry={detail.reload} />;
  if (!detail.data || detail.data.id !== runId) return <p className="muted">Loading run {runId}…</p>;
  return <RunView run={detail.data} />;
}
