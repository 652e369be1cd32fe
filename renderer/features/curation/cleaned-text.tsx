/** One side of the resume pane's text comparison: the segments, with changed ones highlighted. */
import type { TextSegment } from '../../../preload/contract';
import { splitByPattern } from './search-terms';

const changeLabels: Record<NonNullable<TextSegment['change']>, string> = {
  masked: 'masked',
  removed: 'removed',
  repaired: 'repaired',
};

/** A scrollable block of text; a changed run is a <mark> saying what happened to it, and the table's search terms are marked too. */
export function CleanedText({ title, segments, testId, search }: { title: string; segments: TextSegment[]; testId: string; search?: RegExp | null }) {
  return (
    <section className="text-column" aria-label={title}>
      <h4 className="subheading">{title}</h4>
      <div className="text-body" tabIndex={0} data-testid={testId}>
        {segments.map((segment, i) =>
          segment.change ? (
            <mark key={i} className={`change-${segment.change}`} title={changeLabels[segment.change]}>
              {segment.text}
            </mark>
          ) : (
            <span key={i}>
              {splitByPattern(segment.text, search ?? null).map((part, k) =>
                part.isHit ? (
                  <mark key={k} className="search-hit" title="matches the search">
                    {part.text}
                  </mark>
                ) : (
                  part.text
                ),
              )}
            </span>
          ),
        )}
      </div>
    </section>
  );
}
