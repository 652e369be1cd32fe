/**
 * The virtualised resume table: only the rows on screen (plus a few) are in the DOM, so 50,000
 * resumes scroll as smoothly as 50. Sortable by every column; the active row opens in the pane;
 * row checkboxes build a selection for bulk actions. Keyboard handling lives in the view.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { forwardRef, useEffect, useImperativeHandle, useRef, type KeyboardEvent } from 'react';
import type { DocumentRow, DocumentSort, DocumentSortKey } from '../../../preload/contract';
import { formatCount } from '../../format/numbers';
import type { DocumentWindow } from './use-document-window';

const rowHeightPx = 34;

const columns: { key: DocumentSortKey; label: string; className: string }[] = [
  { key: 'name', label: 'Name', className: 'col-name' },
  { key: 'category', label: 'Category', className: 'col-category' },
  { key: 'length', label: 'Length', className: 'col-length' },
  { key: 'import', label: 'Source', className: 'col-source' },
  { key: 'duplicate', label: 'Duplicate', className: 'col-duplicate' },
  { key: 'excluded', label: 'Excluded', className: 'col-excluded' },
];

/** Props of ResumeTable. */
export interface ResumeTableProps {
  rows: DocumentWindow;
  sort: DocumentSort;
  onSort(sort: DocumentSort): void;
  activeId: number | null;
  onActivate(id: number, index: number): void;
  selected: ReadonlySet<number>;
  onToggleSelected(id: number): void;
  onKeyDown(event: KeyboardEvent<HTMLDivElement>): void;
}

/** What the view can ask of the table. */
export interface ResumeTableHandle {
  scrollToIndex(index: number): void;
  focus(): void;
}

function duplicateText(row: DocumentRow): string {
  if (row.nearDuplicateOf !== null) return `of #${row.nearDuplicateOf}`;
  if (row.nearDuplicateCount > 0) return `${row.nearDuplicateCount} similar`;
  return '';
}

/** The table; `ref` scrolls it and focuses it. */
export const ResumeTable = forwardRef<ResumeTableHandle, ResumeTableProps>(function ResumeTable(props, ref) {
  const { rows, sort, onSort, activeId, onActivate, selected, onToggleSelected, onKeyDown } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const total = rows.total ?? 0;
  const virtualizer = useVirtualizer({ count: total, getScrollElement: () => scrollRef.current, estimateSize: () => rowHeightPx, overscan: 12 });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;
  const { ensure } = rows;
  useEffect(() => {
    if (total > 0) ensure(first, last + 1);
  }, [ensure, first, last, total]);
  useImperativeHandle(ref, () => ({
    scrollToIndex: (index: number) => virtualizer.scrollToIndex(index, { align: 'auto' }),
    focus: () => scrollRef.current?.focus(),
  }));

  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = items.length > 0 ? virtualizer.getTotalSize() - items.at(-1)!.end : 0;
  const sortBy = (key: DocumentSortKey) => onSort({ key, direction: sort.key === key && sort.direction === 'asc' ? 'desc' : 'asc' });

  return (
    <div
      ref={scrollRef}
      className="resume-table-scroll"
      tabIndex={0}
      role="region"
      aria-label="Resumes (J and K move, digits or typing label, X excludes)"
      onKeyDown={onKeyDown}
      data-testid="resume-table"
    >
      <table className="resume-table" aria-rowcount={total + 1}>
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col" className="col-select">
              <span className="visually-hidden">Selected</span>
            </th>
            {columns.map((column) => (
              <th
                key={column.key}
                scope="col"
                className={column.className}
                aria-sort={sort.key === column.key ? (sort.direction === 'asc' ? 'ascending' : 'descending') : undefined}
              >
                <button type="button" className="sort-button" onClick={() => sortBy(column.key)}>
                  {column.label}
                  <span aria-hidden="true" className="sort-mark">
                    {sort.key === column.key ? (sort.direction === 'asc' ? '▲' : '▼') : ''}
                  </span>
                </button>
              </th>
            ))}
            <th scope="col" className="col-prediction">
              Last prediction
            </th>
          </tr>
        </thead>
        <tbody>
          {paddingTop > 0 ? <tr aria-hidden="true" style={{ height: paddingTop }} className="spacer-row" /> : null}
          {items.map((item) => {
            const row = rows.rowAt(item.index);
            const isActive = row !== undefined && row.id === activeId;
            return (
              <tr
                key={item.index}
                aria-rowindex={item.index + 2}
                className={`resume-row${isActive ? ' active' : ''}${row?.isExcluded ? ' excluded' : ''}`}
                style={{ height: rowHeightPx }}
                onClick={() => row && onActivate(row.id, item.index)}
                data-document-id={row?.id}
              >
                <td className="col-select">
                  {row ? (
                    <input
                      type="checkbox"
                      tabIndex={-1}
                      checked={selected.has(row.id)}
                      aria-label={`Select ${row.fileName}`}
                      onClick={(event) => event.stopPropagation()}
                      onChange={() => onToggleSelected(row.id)}
                    />
                  ) : null}
                </td>
                {row ? (
                  <>
                    <td className="col-name" title={row.fileName}>
                      {row.fileName}
                    </td>
                    <td className="col-category">
                      {row.category ?? <span className="muted">unlabelled</span>}
                      {row.isModelLabelled ? (
                        <span className="model-label-mark" title="Labelled by the model, not confirmed">
                          {' '}
                          (model)
                        </span>
                      ) : null}
                    </td>
                    <td className="col-length">{formatCount(row.charCount)}</td>
                    <td className="col-source">
                      {row.importJobId !== null ? `#${row.importJobId}` : '—'} {row.format ?? ''}
                    </td>
                    <td className="col-duplicate">{duplicateText(row)}</td>
                    <td className="col-excluded">{row.isExcluded ? 'excluded' : ''}</td>
                    <td className="col-prediction">{row.lastPrediction?.category ?? ''}</td>
                  </>
                ) : (
                  <td colSpan={columns.length + 1} className="muted">
                    Loading…
                  </td>
                )}
              </tr>
            );
          })}
          {paddingBottom > 0 ? <tr aria-hidden="true" style={{ height: paddingBottom }} className="spacer-row" /> : null}
        </tbody>
      </table>
      {rows.total === 0 ? <p className="table-empty muted">No resume matches these filters.</p> : null}
    </div>
  );
});
