/** The Train page: what the next run will use, its settings, a Train button (Ctrl/Cmd+T), live progress with Cancel, and how the last run ended. */
import { useCallback, useState } from 'react';
import { toRpcCallError } from '../../api/rpc-call-error';
import { useStudio } from '../../api/studio-context';
import { useRpc } from '../../api/use-rpc';
import { isMac } from '../../app/platform';
import { InlineError } from '../../components/inline-error';
import { PageHeader } from '../../components/page-header';
import { TourHint } from '../tour/tour-hint';
import { hashForRoute } from '../../app/routes';
import { TrainingPlanCard } from './training-plan-card';
import { Suspense } from 'react';
import { TrainingProgressCard, TrainingProgressChart } from './training-progress-card';
import { draftOf, paramsOf, TrainingSettingsForm, type TrainingDraft } from './training-settings-form';
import { useLiveTraining } from './use-live-training';
import { useTrainingTracking } from './use-training-activity';
import { useTrainShortcut } from './use-train-shortcut';
import { formatFixed, formatPercent } from '../../format/numbers';

/** The Train page. */
export function TrainPage() {
  const client = useStudio();
  const plan = useRpc('training.plan', {}, { refreshOn: ['dataset.changed', 'settings.changed', 'training.finished'] });
  const live = useLiveTraining();
  const tracking = useTrainingTracking();
  const [edited, setDraft] = useState<TrainingDraft | null>(null);
  const [startError, setStartError] = useState<string | null>(null);
  // Until the user edits a field, the form shows Settings' defaults (and follows them when Settings change).
  const draft = edited ?? (plan.data ? draftOf(plan.data.defaults) : null);

  const isRunning = live.runId !== null;
  const canTrain = !isRunning && draft !== null && !plan.data?.problem;
  const { began } = live;
  const train = useCallback(() => {
    if (!canTrain || !draft) return;
    setStartError(null);
    client.call('training.start', paramsOf(draft)).then(
      ({ runId }) => {
        began(runId);
        tracking.started(runId);
      },
      (error: unknown) => setStartError(toRpcCallError(error, 'training.start').message),
    );
  }, [began, canTrain, client, draft, tracking]);
  useTrainShortcut(train);
  const cancel = () => void client.call('training.cancel', {}).catch(() => undefined);
  const key = isMac ? '⌘T' : 'Ctrl+T';
  const ended = live.lastEnded;

  return (
    <>
      <PageHeader
        title="Train"
        description="Fit a job-category classifier on your labelled resumes, locally, off the main thread."
        actions={
          <button type="button" className="button primary" onClick={train} disabled={!canTrain} aria-keyshortcuts={isMac ? 'Meta+T' : 'Control+T'}>
            Train <kbd className="button-kbd">{key}</kbd>
          </button>
        }
      />
      <TourHint id="train" />
      {plan.error ? <InlineError title="Could not load what training would use" error={plan.error} onRetry={plan.reload} /> : null}
      {startError ? (
        <p className="inline-error" role="alert">
          {startError}
        </p>
      ) : null}
      {isRunning ? <TrainingProgressCard runId={live.runId!} progress={live.progress} points={live.points} onCancel={cancel} /> : null}
      {!isRunning && ended ? (
        <section className={`card run-outcome ${ended.state}`} aria-labelledby="outcome-title" data-testid="run-outcome">
          <h2 id="outcome-title">
            Run {ended.id} {ended.state}
          </h2>
          {ended.state === 'finished' ? (
            <p role="status">
              Macro-F1 {formatFixed(ended.macroF1, 3)}, accuracy {formatPercent(ended.accuracy)} on held-out resumes; its model is now active.{' '}
              <a href={hashForRoute('evaluate')}>Open Evaluate</a>
            </p>
          ) : (
            <p role="alert">{ended.error}</p>
          )}
          {live.points.length > 0 ? (
            <Suspense fallback={<div className="training-chart" />}>
              <TrainingProgressChart points={live.points} />
            </Suspense>
          ) : null}
        </section>
      ) : null}
      {plan.data ? <TrainingPlanCard plan={plan.data} /> : null}
      {draft ? <TrainingSettingsForm draft={draft} onChange={setDraft} disabled={isRunning} /> : null}
    </>
  );
}
