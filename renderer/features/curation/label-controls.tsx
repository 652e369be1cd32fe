/**
 * The pane's label and exclude controls: a numbered category list (digits 1–9 pick one), a
 * type-ahead field (letters filter, Enter applies, a new name creates the category), and the
 * exclude switch (X). Counts beside each category update live.
 */
import { forwardRef, useImperativeHandle, useRef, useState, type KeyboardEvent } from 'react';
import type { CategoryCount } from '../../../preload/contract';
import { formatCount } from '../../format/numbers';

/** Props of LabelControls. */
export interface LabelControlsProps {
  categories: CategoryCount[];
  current: string | null;
  isExcluded: boolean;
  onLabel(category: string | null): void;
  onToggleExcluded(): void;
  /** Leaves the type-ahead field (Esc, or after applying) back to the table. */
  onDone(): void;
}

/** What the view can ask: start the type-ahead with a first letter. */
export interface LabelControlsHandle {
  startTypeAhead(text: string): void;
}

/** The first category whose name starts with `text` (case-insensitive), else the first containing it. */
export function typeAheadMatch(categories: readonly CategoryCount[], text: string): string | null {
  const wanted = text.trim().toLowerCase();
  if (!wanted) return null;
  return (
    categories.find((c) => c.category.toLowerCase().startsWith(wanted))?.category ??
    categories.find((c) => c.category.toLowerCase().includes(wanted))?.category ??
    null
  );
}

/** The label controls. */
export const LabelControls = forwardRef<LabelControlsHandle, LabelControlsProps>(function LabelControls(props, ref) {
  const { categories, current, isExcluded, onLabel, onToggleExcluded, onDone } = props;
  const [typed, setTyped] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);
  useImperativeHandle(ref, () => ({
    startTypeAhead(text: string) {
      setTyped(text);
      inputRef.current?.focus();
    },
  }));
  const match = typeAheadMatch(categories, typed);
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      setTyped('');
      onDone();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const choice = match ?? typed.trim();
      if (!choice) return;
      setTyped('');
      onLabel(choice);
      onDone();
    }
  };
  return (
    <div className="label-controls">
      <div className="label-row">
        <label htmlFor="type-ahead" className="subheading">
          Label as
        </label>
        <input
          id="type-ahead"
          ref={inputRef}
          className="input type-ahead"
          value={typed}
          placeholder="Type to pick or create; Enter applies"
          autoComplete="off"
          aria-describedby="type-ahead-hint"
          onChange={(event) => setTyped(event.target.value)}
          onKeyDown={onKeyDown}
        />
        <span id="type-ahead-hint" className="muted type-ahead-hint" aria-live="polite">
          {typed.trim() ? (match ? `Enter: label as ${match}` : `Enter: create “${typed.trim()}”`) : ''}
        </span>
      </div>
      <ol className="category-keys" aria-label="Categories (press the number to label)">
        {categories.map((c, i) => (
          <li key={c.category}>
            <button
              type="button"
              className={`category-key${c.category === current ? ' current' : ''}`}
              aria-pressed={c.category === current}
              onClick={() => onLabel(c.category)}
            >
              <kbd>{i < 9 ? i + 1 : ' '}</kbd>
              <span className="category-key-name">{c.category}</span>
              <span className="category-key-count">{formatCount(c.documents)}</span>
            </button>
          </li>
        ))}
      </ol>
      <div className="button-row">
        <button type="button" className="button" onClick={() => onLabel(null)} disabled={current === null}>
          Remove label
        </button>
        <button type="button" className={`button${isExcluded ? ' primary' : ''}`} aria-pressed={isExcluded} onClick={onToggleExcluded}>
          {isExcluded ? 'Excluded (X to include)' : 'Exclude (X)'}
        </button>
      </div>
    </div>
  );
});
