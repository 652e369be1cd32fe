/**
 * The confusion matrix as an accessible HTML table heatmap: every cell is a button showing its
 * number (counts or row-normalised), colour-scaled, reachable with the arrow keys (one tab stop),
 * and named for screen readers ("true X, predicted Y: 3 resumes"). With more than ten categories
 * it fits its card instead of scrolling sideways: compact cells and abbreviated column headings
 * ("IT"), each with the full name on hover and for screen readers; a sticky row heading.
 */
import { useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import { formatCount, formatFixed } from '../../format/numbers';
import { abbreviateLabels } from './abbreviate';

/** Above this many categories the matrix switches to compact cells and abbreviated headings. */
const wideFromClasses = 11;

/** Which cell is chosen. */
export interface CellChoice {
  trueIndex: number;
  predictedIndex: number;
}

/** Props of ConfusionMatrix. */
export interface ConfusionMatrixProps {
  classes: string[];
  confusion: number[][];
  caption: string;
  selected?: CellChoice | null;
  onSelect?(cell: CellChoice): void;
  /** Shown compactly (e.g. side by side in a comparison). */
  isCompact?: boolean;
}

/** The matrix with its counts / row-normalised switch. */
export function ConfusionMatrix({ classes, confusion, caption, selected, onSelect, isCompact }: ConfusionMatrixProps) {
  const [isNormalised, setNormalised] = useState(false);
  const [focus, setFocus] = useState<CellChoice>({ trueIndex: 0, predictedIndex: 0 });
  const tableRef = useRef<HTMLTableElement>(null);
  const rowTotals = confusion.map((row) => row.reduce((s, v) => s + v, 0));
  const max = Math.max(1, ...confusion.flat());
  const k = classes.length;
  const isWide = k >= wideFromClasses;
  const abbreviations = isWide ? abbreviateLabels(classes) : classes;

  const moveTo = (cell: CellChoice) => {
    setFocus(cell);
    tableRef.current?.querySelector<HTMLButtonElement>(`[data-cell="${cell.trueIndex}-${cell.predictedIndex}"]`)?.focus();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, t: number, p: number) => {
    const moves: Record<string, [number, number]> = {
      ArrowUp: [t - 1, p],
      ArrowDown: [t + 1, p],
      ArrowLeft: [t, p - 1],
      ArrowRight: [t, p + 1],
      Home: [t, 0],
      End: [t, k - 1],
    };
    const next = moves[event.key];
    if (!next) return;
    event.preventDefault();
    moveTo({ trueIndex: Math.min(k - 1, Math.max(0, next[0])), predictedIndex: Math.min(k - 1, Math.max(0, next[1])) });
  };

  return (
    <div className={`confusion ${isCompact ? 'compact' : ''} ${isWide ? 'wide' : ''}`}>
      {!isCompact ? (
        <label className="toggle">
          <input type="checkbox" checked={isNormalised} onChange={(e) => setNormalised(e.target.checked)} /> Row-normalised (share of each true category)
        </label>
      ) : null}
      <div className="table-scroll confusion-scroll">
        <table ref={tableRef} className="confusion-table" data-testid="confusion-matrix">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col" className="corner">
                <span>true ↓ · predicted →</span>
              </th>
              {classes.map((c, i) =>
                isWide ? (
                  <th key={c} scope="col" className="column-heading abbreviated" title={c}>
                    <span aria-hidden="true">{abbreviations[i]}</span>
                    <span className="visually-hidden">{c}</span>
                  </th>
                ) : (
                  <th key={c} scope="col" className="column-heading" title={c}>
                    <span>{c}</span>
                  </th>
                ),
              )}
            </tr>
          </thead>
          <tbody>
            {confusion.map((row, t) => (
              <tr key={classes[t]}>
                <th scope="row" className="row-heading" title={classes[t]}>
                  {classes[t]}
                </th>
                {row.map((count, p) => {
                  const share = rowTotals[t]! > 0 ? count / rowTotals[t]! : 0;
                  const intensity = isNormalised ? share : count / max;
                  const shown = isNormalised ? `${Math.round(share * 100)}%` : formatCount(count);
                  const isSelected = selected?.trueIndex === t && selected.predictedIndex === p;
                  const label = `True ${classes[t]}, predicted ${classes[p]}: ${formatCount(count)} ${count === 1 ? 'resume' : 'resumes'} (${Math.round(share * 100)}% of the row)`;
                  return (
                    <td key={classes[p]} className={`${t === p ? 'diagonal' : ''} ${isSelected ? 'selected' : ''}`}>
                      <button
                        type="button"
                        data-cell={`${t}-${p}`}
                        tabIndex={focus.trueIndex === t && focus.predictedIndex === p ? 0 : -1}
                        aria-label={label}
                        aria-pressed={onSelect ? isSelected : undefined}
                        style={{ '--intensity': formatFixed(intensity, 3) } as CSSProperties}
                        onFocus={() => setFocus({ trueIndex: t, predictedIndex: p })}
                        onKeyDown={(e) => onKeyDown(e, t, p)}
                        onClick={() => onSelect?.({ trueIndex: t, predictedIndex: p })}
                      >
                        {shown}
                      </button>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
