/**
 * One resume of the queue: the model's suggestion with how sure it is and the words that drove it
 * (highlighted in the text), and the curation label controls. Keys on the card: Enter accepts the
 * suggestion, 1–9 pick a category, letters type one (a new name creates it), X excludes.
 */
import { forwardRef, useImperativeHandle, useRef, type KeyboardEvent } from 'react';
import type { CategoryCount, QueueItem } from '../../../preload/contract';
import { formatPercent } from '../../format/numbers';
import { LabelControls, type LabelControlsHandle } from '../curation/label-controls';
import { EvidenceWords } from '../predict/evidence-words';
import { HighlightedText } from '../predict/highlighted-text';
import { ReviewBadge } from '../predict/prediction-card';
import { ProbabilityBars } from '../predict/probability-bars';
import { queueAction } from './labelling-keys';

/** Props of QueueCard. */
export interface QueueCardProps {
  item: QueueItem;
  categories: CategoryCount[];
  onLabel(category: string): void;
  onExclude(): void;
}

/** The card; its handle focuses it after each answer, so the keys keep working. */
export const QueueCard = forwardRef<{ focus(): void }, QueueCardProps>(function QueueCard({ item, categories, onLabel, onExclude }, ref) {
  const card = useRef<HTMLElement>(null);
  const controls = useRef<LabelControlsHandle>(null);
  // The next resume shows before the answer is stored: someone already typing its category in the
  // card's field keeps the field (the answer's return must not pull the focus back to the card).
  useImperativeHandle(ref, () => ({
    focus: () => {
      const active = document.activeElement;
      if (active?.tagName === 'INPUT' && card.current?.contains(active)) return;
      card.current?.focus();
    },
  }));
  const { suggestion } = item;
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    // Fields and buttons keep their own Enter and Space; only the card itself answers with them.
    const target = event.target as HTMLElement;
    if (target.tagName === 'INPUT' || (event.key === 'Enter' && target !== event.currentTarget)) return;
    const action = queueAction(event);
    if (!action) return;
    event.preventDefault();
    if (action.kind === 'accept' && suggestion) onLabel(suggestion.label);
    else if (action.kind === 'label') {
      const category = categories[action.index]?.category;
      if (category) onLabel(category);
    } else if (action.kind === 'exclude') onExclude();
    else if (action.kind === 'typeAhead') controls.current?.startTypeAhead(action.text);
  };
  return (
    <article
      ref={card}
      className="card queue-card"
      tabIndex={0}
      aria-labelledby="queue-title"
      aria-describedby="queue-keys"
      onKeyDown={onKeyDown}
      data-testid="queue-card"
      data-document-id={item.documentId}
    >
      <header className="queue-card-head">
        <h2 id="queue-title" title={item.fileName}>
          {item.fileName}
        </h2>
        {suggestion ? <ReviewBadge prediction={suggestion} /> : null}
      </header>
      <p id="queue-keys" className="muted queue-keys">
        {suggestion ? 'Enter accepts the suggestion; ' : ''}1–9 or typing a name picks a category (a new name creates it); X excludes; Ctrl+Z undoes.
      </p>
      {suggestion ? (
        <div className="queue-suggestion">
          <p className="prediction-label">
            <span className="muted">Suggested: </span>
            <span className="prediction-category" data-testid="suggested-category">
              {suggestion.label}
            </span>
            <span className="prediction-confidence">{formatPercent(suggestion.probability, 0)} sure</span>
          </p>
          <ProbabilityBars top={suggestion.top} />
          <EvidenceWords evidence={suggestion.evidence} />
          <button type="button" className="button primary" onClick={() => onLabel(suggestion.label)} aria-keyshortcuts="Enter">
            Accept {suggestion.label}
            <kbd className="button-kbd" aria-hidden="true">
              Enter
            </kbd>
          </button>
        </div>
      ) : (
        <p className="muted" data-testid="no-suggestion">
          No suggestion yet: pick its category below. Suggestions start once two categories each have a few resumes labelled by you.
        </p>
      )}
      <LabelControls
        ref={controls}
        categories={categories}
        current={null}
        isExcluded={false}
        onLabel={(category) => category !== null && onLabel(category)}
        onToggleExcluded={onExclude}
        onDone={() => card.current?.focus()}
      />
      <HighlightedText
        text={item.text}
        evidence={suggestion?.evidence ?? []}
        label={`Text of ${item.fileName}${suggestion ? ', with the words behind the suggestion highlighted' : ''}`}
      />
    </article>
  );
});
