/** The Predict page: drop or paste resumes, see their category, how sure and why; many at once as a table. */
import { useRpc } from '../../api/use-rpc';
import { InlineError } from '../../components/inline-error';
import { PageHeader } from '../../components/page-header';
import { TourHint } from '../tour/tour-hint';
import { formatCountOf, formatFixed } from '../../format/numbers';
import { BatchResults } from './batch-results';
import { NoModelCard } from './no-model-card';
import { PredictInputCard } from './predict-input-card';
import { PredictionCard } from './prediction-card';
import { clearResults, usePredictState } from './predict-store';
import { ReviewThresholdControl } from '../../components/review-threshold-control';

/** The page, bound to predict.status and the page's store. */
export function PredictPage() {
  const status = useRpc('predict.status', {}, { refreshOn: ['predict.statusChanged'] });
  const { cards, batch } = usePredictState();
  const model = status.data?.model ?? null;
  const categories = model?.classes ?? [];
  return (
    <>
      <PageHeader title="Predict" description="Drop in resumes and see which job category each fits, how sure the model is, and which words decided it." />
      <TourHint id="predict" />
      {status.error ? <InlineError title="Could not load the model status" error={status.error} onRetry={status.reload} /> : null}
      {status.data && !model ? <NoModelCard reason={status.data.reason ?? 'No model is loaded.'} /> : null}
      {model ? (
        <section className="card model-summary" aria-labelledby="model-title">
          <h2 id="model-title">Model in use</h2>
          <p>
            <strong>{model.name}</strong> — {formatCountOf(model.classes.length, 'category', 'categories')}, trained on{' '}
            {formatCountOf(model.documents, 'resume')}
            {model.metrics ? `, holdout macro-F1 ${formatFixed(model.metrics.macroF1, 3)}` : ''}.
          </p>
          {status.data?.reviewThreshold ? <ReviewThresholdControl threshold={status.data.reviewThreshold} /> : null}
        </section>
      ) : null}
      <PredictInputCard disabled={!model} />
      {batch ? <BatchResults batch={batch} categories={categories} /> : null}
      {cards.length ? (
        <section className="prediction-cards" aria-label="Predictions">
          <div className="batch-heading">
            <h2>Predictions</h2>
            <button type="button" className="button" onClick={() => clearResults('cards')}>
              Clear
            </button>
          </div>
          {cards.map((card) => (
            <PredictionCard key={card.key} card={card} categories={categories} />
          ))}
        </section>
      ) : null}
    </>
  );
}
