/** Why a run's model leaned toward the category it predicted for one resume: the strongest terms, highlighted in the text. */
import type { DocumentExplanation } from '../../../preload/contract';
import { useRpc } from '../../api/use-rpc';
import { InlineError } from '../../components/inline-error';
import { HighlightedText } from './highlighted-text';
import { formatFixed } from '../../format/numbers';
import { readableTerm } from '../../../preload/contracts/terms';

const percent = (x: number) => `${formatFixed(x * 100, 1)}%`;

/** Loads and shows the explanation of one document in one run. */
export function ExplanationPanel({ runId, documentId }: { runId: number; documentId: number }) {
  const explanation = useRpc('evaluation.explain', { runId, documentId });
  if (explanation.error) return <InlineError title="Could not explain this prediction" error={explanation.error} onRetry={explanation.reload} />;
  const data: DocumentExplanation | undefined = explanation.data?.documentId === documentId ? explanation.data : undefined;
  if (!data) return <p className="muted">Loading the explanation…</p>;
  return (
    <article className="explanation" aria-label={`Why ${data.fileName} looked like ${data.predictedCategory}`}>
      <h3>
        {data.fileName}: why it looked like {data.predictedCategory} ({percent(data.confidence)})
      </h3>
      <p className="muted">Highlighted: the words that pushed the model toward {data.predictedCategory} most.</p>
      <ul className="term-list">
        {data.terms.map((t) => (
          <li key={t.term}>
            <mark>{readableTerm(t.term)}</mark> +{formatFixed(t.contribution, 2)}
          </li>
        ))}
      </ul>
      <HighlightedText explanation={data} />
    </article>
  );
}
