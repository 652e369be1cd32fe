/** One side of the resume pane's text comparison: the segments, with changed ones highlighted. */
import type { TextSegment } from '../../../preload/contract';

const changeLabels: Record<NonNullable<TextSegment['change']>, string> = {
  masked: 'masked',
  removed: 'removed',
  repaired: 'repaired',
};

/** A scrollable block of text; a changed run is a <mark> saying what happened to it. */
export function CleanedText({ title, segments, testId }: { title: string; segments: TextSegment[]; testId: string }) {
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
            <span key={i}>{segment.text}</span>
          ),
        )}
      </div>
    </section>
  );
}
