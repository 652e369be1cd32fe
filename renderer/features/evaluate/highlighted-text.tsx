/** A resume's text with the words that drove a prediction marked. */
import type { ReactNode } from 'react';
import type { DocumentExplanation } from '../../../preload/contract';
import { readableTerm } from '../../../preload/contracts/terms';

/** Splits the text at the explanation's spans and wraps each in <mark>, strongest terms darkest. */
export function HighlightedText({ explanation }: { explanation: DocumentExplanation }) {
  const spans: { start: number; end: number; rank: number; term: string }[] = [];
  explanation.terms.forEach((term, rank) => term.spans.forEach(([start, end]) => spans.push({ start, end, rank, term: term.term })));
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const parts: ReactNode[] = [];
  let at = 0;
  for (const span of spans) {
    if (span.start < at) continue; // overlapping (a bigram and its words): keep the first
    if (span.start > at) parts.push(explanation.text.slice(at, span.start));
    parts.push(
      <mark
        key={`${span.start}-${span.end}`}
        className={span.rank < 3 ? 'strong' : undefined}
        title={`pushes toward ${explanation.predictedCategory}: ${readableTerm(span.term)}`}
      >
        {explanation.text.slice(span.start, span.end)}
      </mark>,
    );
    at = span.end;
  }
  parts.push(explanation.text.slice(at));
  return (
    // A scroll area of plain text: focusable and named, so keyboard users can scroll it (axe: scrollable-region-focusable).
    <div
      className="highlighted-text"
      data-testid="highlighted-text"
      tabIndex={0}
      role="region"
      aria-label={`Text of ${explanation.fileName}, with the words that drove the prediction highlighted`}
    >
      {parts}
      {explanation.isTruncated ? <p className="muted">(text cut here)</p> : null}
    </div>
  );
}
