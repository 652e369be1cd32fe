/** One resume's result: its category, how sure, the top categories, why (highlighted words), or why there is no answer. */
import type { Prediction } from '../../../preload/contract';
import { InlineError } from '../../components/inline-error';
import { formatPercent } from '../../format/numbers';
import { statusInfo } from '../import/import-format';
import { CardAddToDataset } from './card-add-to-dataset';
import { EvidenceWords } from './evidence-words';
import { HighlightedText } from './highlighted-text';
import type { CardState } from './predict-store';
import { ProbabilityBars } from './probability-bars';

/** The "needs review" or "confident" badge, naming the threshold. */
export function ReviewBadge({ prediction }: { prediction: Prediction }) {
  return prediction.needsReview ? (
    <span className="status-pill tone-warning" title={`Confidence below the review threshold of ${formatPercent(prediction.reviewThreshold, 0)}`}>
      needs review
    </span>
  ) : (
    <span className="status-pill tone-success" title={`Confidence at or above the review threshold of ${formatPercent(prediction.reviewThreshold, 0)}`}>
      confident
    </span>
  );
}

/** A card for one file or pasted text, in whichever state it is. */
export function PredictionCard({ card, categories }: { card: CardState; categories: readonly string[] }) {
  const titleId = `prediction-${card.key}`;
  const { item } = card;
  return (
    <article className="card prediction-card" aria-labelledby={titleId} data-testid="prediction-card">
      <header className="prediction-card-head">
        <h3 id={titleId} className="prediction-file" title={card.name}>
          {card.name}
        </h3>
        {item?.status === 'predicted' ? <ReviewBadge prediction={item.prediction} /> : null}
      </header>
      {card.error ? <InlineError title="The prediction failed" error={new Error(card.error)} /> : null}
      {!item && !card.error ? (
        <p className="muted" role="status">
          Reading and predicting…
        </p>
      ) : null}
      {item && item.status !== 'predicted' ? (
        <div className="prediction-unreadable" role="alert">
          <span className={`status-pill tone-${statusInfo[item.status].tone}`}>{statusInfo[item.status].label}</span>
          <p>{item.reason}</p>
        </div>
      ) : null}
      {item?.status === 'predicted' ? (
        <>
          <p className="prediction-label">
            <span className="prediction-category" data-testid="predicted-category">
              {item.prediction.label}
            </span>
            <span className="prediction-confidence">{formatPercent(item.prediction.probability, 0)} sure</span>
          </p>
          <ProbabilityBars top={item.prediction.top} />
          <EvidenceWords evidence={item.prediction.evidence} />
          {item.text !== null ? (
            <HighlightedText text={item.text} evidence={item.prediction.evidence} label={`Text of ${card.name}, with the deciding words highlighted`} />
          ) : null}
          {item.prediction.truncated ? <p className="muted">Only the beginning of this long text was analysed.</p> : null}
          <CardAddToDataset cardKey={card.key} predictionId={item.id} predicted={item.prediction.label} categories={categories} isAdded={card.isAdded} />
        </>
      ) : null}
    </article>
  );
}
