/** "Because of …": the words that drove a prediction, with their weights on hover. Used by the Predict card and the labelling queue. */
import type { Prediction } from '../../../preload/contract';
import { formatDecimal } from '../../format/numbers';
import { readableTerm } from './highlight-segments';

/** The list, or nothing when the prediction has no evidence. */
export function EvidenceWords({ evidence }: { evidence: Prediction['evidence'] }) {
  if (!evidence.length) return null;
  return (
    <p className="prediction-why">
      <span className="muted">Because of </span>
      {evidence.map((e, i) => (
        <span key={e.term}>
          {i > 0 ? ', ' : ''}
          <span className="evidence-term" title={`weight ${formatDecimal(e.contribution)}`}>
            {readableTerm(e.term)}
          </span>
        </span>
      ))}
    </p>
  );
}
