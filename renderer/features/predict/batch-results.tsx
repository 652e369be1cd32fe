/** A batch: its progress with Cancel, the filters, the results table, CSV export and "add to dataset". */
import { getCoreRowModel, getFilteredRowModel, getSortedRowModel, useReactTable, type RowSelectionState, type SortingState } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useStudio } from '../../api/studio-context';
import { toRpcCallError } from '../../api/rpc-call-error';
import { ProgressMeter } from '../../components/progress-meter';
import { formatCount } from '../../format/numbers';
import { batchColumns, categoryText, predictionOf, topWordsOf, type ReviewFilter } from './batch-columns';
import { batchCsv } from './batch-csv';
import { BatchTable } from './batch-table';
import { addToDataset, cancelBatch, clearResults, openAsCard, type BatchState } from './predict-store';
import { ErrorMessage } from '../../components/error-message';

/** Offers `text` as a file download named `fileName`. */
function download(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

/** The batch card. */
export function BatchResults({ batch, categories }: { batch: BatchState; categories: readonly string[] }) {
  const client = useStudio();
  const [sorting, setSorting] = useState<SortingState>([]);
  const [rowSelection, setRowSelection] = useState<RowSelectionState>({});
  const [nameFilter, setNameFilter] = useState('');
  const [categoryFilter, setCategoryFilter] = useState('');
  const [review, setReview] = useState<ReviewFilter>('all');
  const [message, setMessage] = useState<string | null>(null);
  const columns = useMemo(
    () => batchColumns(categories, (row) => row.item?.status === 'predicted' && void openAsCard(client, row.item.id, row.name)),
    [categories, client],
  );
  const columnFilters = useMemo(
    () => [
      { id: 'file', value: nameFilter },
      { id: 'category', value: categoryFilter },
      { id: 'review', value: review },
    ],
    [nameFilter, categoryFilter, review],
  );
  // eslint-disable-next-line react-hooks/incompatible-library -- react-table's API is not memoizable; the React Compiler lint knows.
  const table = useReactTable({
    data: batch.rows,
    columns,
    state: { sorting, rowSelection, columnFilters },
    getRowId: (row) => String(row.key),
    enableRowSelection: (row) => predictionOf(row.original) !== null && !row.original.isAdded,
    onSortingChange: setSorting,
    onRowSelectionChange: setRowSelection,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
  });
  const shownCategories = useMemo(() => [...new Set(batch.rows.map(categoryText))].sort(), [batch.rows]);
  const isRunning = batch.state === 'running' || batch.state === 'starting';
  const settled = batch.rows.filter((row) => row.item || row.error).length;
  const selected = table.getSelectedRowModel().rows.filter((row) => predictionOf(row.original) && !row.original.isAdded && row.original.label?.trim());

  const exportCsv = () => {
    const rows = table.getRowModel().rows.map(({ original: row }) => {
      const prediction = predictionOf(row);
      return {
        file: row.name,
        category: categoryText(row),
        confidence: prediction?.probability ?? null,
        needsReview: prediction?.needsReview ?? null,
        topWords: topWordsOf(row),
        status: row.error ? 'failed' : (row.item?.status ?? 'waiting'),
        reason: row.error ?? (row.item && row.item.status !== 'predicted' ? row.item.reason : ''),
      };
    });
    download(`predictions-batch-${batch.id ?? 'new'}.csv`, batchCsv(rows));
  };

  const addSelected = async () => {
    const entries = selected.map(({ original }) => ({
      key: original.key,
      predictionId: (original.item as { id: number }).id,
      category: original.label!.trim(),
    }));
    try {
      const result = await addToDataset(client, entries);
      setRowSelection({});
      setMessage(`Added ${formatCount(result.added)} to the dataset${result.duplicates ? `; ${formatCount(result.duplicates)} were already in it` : ''}.`);
    } catch (error) {
      setMessage(toRpcCallError(error).message);
    }
  };

  return (
    <section className="card batch-results" aria-labelledby="batch-title">
      <div className="batch-heading">
        <h2 id="batch-title">Batch of {formatCount(batch.total)} files</h2>
        <div className="button-row">
          {isRunning ? (
            <button type="button" className="button" onClick={() => void cancelBatch(client)}>
              Cancel
            </button>
          ) : (
            <button type="button" className="button" onClick={() => clearResults('batch')}>
              Clear
            </button>
          )}
        </div>
      </div>
      <ProgressMeter label="Batch progress" value={settled} max={batch.total} valueText={`${settled} of ${batch.total} files`} />
      <p className="muted" role="status" data-testid="batch-status">
        {formatCount(settled)} of {formatCount(batch.total)} files done
        {batch.failed ? `, ${formatCount(batch.failed)} unreadable` : ''}
        {batch.state === 'cancelled' ? ' — cancelled' : batch.state === 'finished' ? ' — finished' : ''}
      </p>
      <ErrorMessage message={batch.error} />
      <div className="batch-toolbar">
        <input
          type="search"
          value={nameFilter}
          onChange={(event) => setNameFilter(event.target.value)}
          placeholder="Filter by file name"
          aria-label="Filter by file name"
        />
        <select value={categoryFilter} onChange={(event) => setCategoryFilter(event.target.value)} aria-label="Filter by category">
          <option value="">All categories</option>
          {shownCategories.map((category) => (
            <option key={category} value={category}>
              {category}
            </option>
          ))}
        </select>
        <select value={review} onChange={(event) => setReview(event.target.value as ReviewFilter)} aria-label="Filter by review">
          <option value="all">Confident and needs review</option>
          <option value="needs-review">Needs review only</option>
          <option value="confident">Confident only</option>
        </select>
        <span className="toolbar-spacer" />
        <button type="button" className="button" onClick={exportCsv} disabled={settled === 0}>
          Export CSV
        </button>
        <button type="button" className="button primary" onClick={() => void addSelected()} disabled={selected.length === 0}>
          Add {selected.length ? formatCount(selected.length) : ''} selected to dataset
        </button>
      </div>
      {message ? (
        <p className="muted" role="status">
          {message}
        </p>
      ) : null}
      <BatchTable table={table} />
    </section>
  );
}
