/**
 * A batch's results: a virtualised table (@tanstack/react-virtual) over a @tanstack/react-table
 * model that sorts and filters, so thousands of rows scroll smoothly. The rows the table shows, in
 * its order, are what the CSV export writes. ARIA table roles on divs, since rows are positioned.
 */
import type { Table } from '@tanstack/react-table';
import { flexRender } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { BatchRowState } from './predict-store';

const estimatedRowPx = 48;

/** The arrow after a sorted column's title. */
function sortLabel(direction: false | 'asc' | 'desc'): string {
  return direction === 'asc' ? ' ▲' : direction === 'desc' ? ' ▼' : '';
}

/** The table, its header (sortable columns are buttons) and its virtual rows. */
export function BatchTable({ table }: { table: Table<BatchRowState> }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const rows = table.getRowModel().rows;
  // The virtualizer's functions are not memoizable; the React Compiler lint knows and warns.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => estimatedRowPx, overscan: 10 });
  return (
    <div className="batch-table" role="table" aria-label="Batch results" aria-rowcount={rows.length + 1} data-testid="batch-table">
      <div role="rowgroup">
        {table.getHeaderGroups().map((group) => (
          <div key={group.id} className="batch-row batch-head" role="row" aria-rowindex={1}>
            {group.headers.map((header) => {
              const sorted = header.column.getIsSorted();
              const title = flexRender(header.column.columnDef.header, header.getContext());
              return (
                <span
                  key={header.id}
                  role="columnheader"
                  className={header.column.columnDef.meta?.className}
                  aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                >
                  {header.column.getCanSort() ? (
                    <button type="button" className="sort-button" onClick={header.column.getToggleSortingHandler()}>
                      {title}
                      {sortLabel(sorted)}
                    </button>
                  ) : (
                    title
                  )}
                </span>
              );
            })}
          </div>
        ))}
      </div>
      <div className="batch-scroll" ref={scrollRef} tabIndex={0} role="rowgroup" aria-label="Results, scrollable">
        {rows.length === 0 ? <p className="muted batch-empty">No file matches the filters.</p> : null}
        <div className="report-spacer" style={{ height: `${virtualizer.getTotalSize()}px` }}>
          {virtualizer.getVirtualItems().map((virtualRow) => {
            const row = rows[virtualRow.index]!;
            return (
              <div
                key={row.id}
                ref={virtualizer.measureElement}
                data-index={virtualRow.index}
                className="batch-row"
                role="row"
                aria-rowindex={virtualRow.index + 2}
                style={{ transform: `translateY(${virtualRow.start}px)` }}
                data-testid="batch-row"
              >
                {row.getVisibleCells().map((cell) => (
                  <span key={cell.id} role="cell" className={cell.column.columnDef.meta?.className}>
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </span>
                ))}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
