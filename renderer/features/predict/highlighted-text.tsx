/** A resume's text with the words that drove its prediction highlighted; hovering one shows its weight. */
import { useMemo } from 'react';
import type { Evidence } from '../../../preload/contract';
import { formatDecimal } from '../../format/numbers';
import { highlightSegments, readableTerm } from './highlight-segments';

/** The text in a scrollable box; each highlight names its term and weight (title and accessible label). */
export function HighlightedText({ text, evidence, label }: { text: string; evidence: readonly Evidence[]; label: string }) {
  const segments = useMemo(() => highlightSegments(text, evidence), [text, evidence]);
  return (
    <div className="highlighted-text" tabIndex={0} role="region" aria-label={label}>
      {segments.map((segment, index) =>
        segment.mark ? (
          <mark
            key={index}
            className={`evidence strength-${segment.mark.strength}`}
            title={`${readableTerm(segment.mark.term)}: weight ${formatDecimal(segment.mark.contribution)}`}
            data-term={segment.mark.term}
            data-weight={formatDecimal(segment.mark.contribution)}
          >
            {segment.text}
          </mark>
        ) : (
          <span key={index}>{segment.text}</span>
        ),
      )}
    </div>
  );
}
