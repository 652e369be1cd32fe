/** The rows of an import report: virtualized (@tanstack/react-virtual), fetching pages as you scroll. */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import type { ImportItem } from '../../../preload/contract';
import { statusInfo } from './import-format';
import { formatBytes } from '../../format/numbers';

const estimatedRowPx = 56;

/** A table (ARIA roles on divs, since rows are positioned absolutely) with one row per file. */
export function ReportItemList({ items, total, hasMore, onNeedMore }: { items: ImportItem[]; total: number; hasMore: boolean; onNeedMore(): void }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const rowCount = items.length + (hasMore ? 1 : 0);
  // The virtualizer's functions are not memoizable; the React Compiler lint knows and warns.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({ count: rowCount, getScrollElement: () => scrollRef.current, estimateSize: () => estimatedRowPx, overscan: 12 });
  const virtualRows = virtualizer.getVirtualItems();
  const lastIndex = virtualRows[virtualRows.length - 1]?.index ?? -1;

  useEffect(() => {
    if (hasMore && lastIndex >= items.length - 1) onNeedMore();
  }, [hasMore, lastIndex, items.length, onNeedMore]);

  return (
    <div className="report-table" role="table" aria-label="Imported files" aria-rowcount={total + 1}>
      <div role="rowgroup">
        <div className="report-row report-head" role="row" aria-rowindex={1}>
          <span role="columnheader">File</span>
          <span role="columnheader">Category</span>
          <span role="columnheader">Type</span>
          <span role="columnheader" className="numeric">
            Size
          </span>
          <span role="columnheader">Status</span>
        </div>
      </div>
      <div className="report-scroll" ref={scrollRef} tabIndex={0} role="rowgroup" aria-label="Files, scrollable">
        <div className="report-spacer" style={{ height: `${virtualizer.getTotalSize()}px` }}>
          {virtualRows.map((row) => {
            const item = items[row.index];
            return (
              <div
                key={row.key}
                ref={virtualizer.measureElement}
                data-index={row.index}
                className="report-row"
                role="row"
                aria-rowindex={row.index + 2}
                style={{ transform: `translateY(${row.start}px)` }}
              >
                {item ? (
                  <>
                    <span role="cell" className="report-file">
                      <span className="report-name" title={item.relPath}>
                        {item.displayName}
                      </span>
                      <span className="report-reason">{item.reason}</span>
                    </span>
                    <span role="cell" className={item.category ? undefined : 'muted'}>
                      {item.category ?? 'Unlabelled'}
                    </span>
                    <span role="cell" className="mono">
                      {item.format ?? '—'}
                    </span>
                    <span role="cell" className="numeric">
                      {formatBytes(item.sizeBytes)}
                    </span>
                    <span role="cell">
                      <span className={`status-pill tone-${statusInfo[item.status].tone}`}>{statusInfo[item.status].label}</span>
                    </span>
                  </>
                ) : (
                  <span role="cell" className="muted report-loading">
                    Loading more…
                  </span>
                )}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
