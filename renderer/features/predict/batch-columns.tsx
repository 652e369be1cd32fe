/** The batch table's columns: what each shows, sorts and filters by. */
import type { ColumnDef, FilterFn } from '@tanstack/react-table';
import { formatPercent } from '../../format/numbers';
import { statusInfo } from '../import/import-format';
import { readableTerm } from './highlight-segments';
import { LabelPicker } from './label-picker';
import { setRowLabel, type BatchRowState } from './predict-store';

/** The prediction of a row, when it has one. */
export const predictionOf = (row: BatchRowState) => (row.item?.status === 'predicted' ? row.item.prediction : null);

/** What the Category column shows: the predicted category, the status of an unreadable file, or the state of a pending one. */
export function categoryText(row: BatchRowState): string {
  if (row.error) return 'failed';
  if (!row.item) return 'waiting';
  return row.item.status === 'predicted' ? row.item.prediction.label : statusInfo[row.item.status].label;
}

/** The words that drove a row's prediction. */
export const topWordsOf = (row: BatchRowState, count = 3) => (predictionOf(row)?.evidence ?? []).slice(0, count).map((e) => readableTerm(e.term));

/** The review filter: every row, only those needing review, or only confident ones. */
export type ReviewFilter = 'all' | 'needs-review' | 'confident';

const reviewFilter: FilterFn<BatchRowState> = (row, _id, value: ReviewFilter) => {
  const prediction = predictionOf(row.original);
  if (value === 'all') return true;
  return prediction !== null && prediction.needsReview === (value === 'needs-review');
};
const exactFilter: FilterFn<BatchRowState> = (row, id, value: string) => !value || row.getValue(id) === value;
const containsFilter: FilterFn<BatchRowState> = (row, id, value: string) => String(row.getValue(id)).toLowerCase().includes(value.toLowerCase());

/** The columns; `categories` feed the label suggestions, `onOpen` shows a row as a card. */
export function batchColumns(categories: readonly string[], onOpen: (row: BatchRowState) => void): ColumnDef<BatchRowState>[] {
  return [
    {
      id: 'select',
      header: () => <span className="visually-hidden">Select</span>,
      enableSorting: false,
      meta: { className: 'batch-select' },
      cell: ({ row }) =>
        predictionOf(row.original) && !row.original.isAdded ? (
          <input type="checkbox" checked={row.getIsSelected()} onChange={row.getToggleSelectedHandler()} aria-label={`Select ${row.original.name}`} />
        ) : null,
    },
    {
      id: 'file',
      header: 'File',
      accessorFn: (row) => row.name,
      filterFn: containsFilter,
      meta: { className: 'batch-file' },
      cell: ({ row }) => (
        <>
          <span className="report-name" title={row.original.name}>
            {row.original.name}
          </span>
          {row.original.item && row.original.item.status !== 'predicted' ? <span className="report-reason">{row.original.item.reason}</span> : null}
          {row.original.error ? <span className="report-reason">{row.original.error}</span> : null}
        </>
      ),
    },
    {
      id: 'category',
      header: 'Category',
      accessorFn: categoryText,
      filterFn: exactFilter,
      cell: ({ row }) =>
        row.original.item && row.original.item.status !== 'predicted' ? (
          <span className={`status-pill tone-${statusInfo[row.original.item.status].tone}`}>{statusInfo[row.original.item.status].label}</span>
        ) : (
          <span className={predictionOf(row.original) ? undefined : 'muted'}>{categoryText(row.original)}</span>
        ),
    },
    {
      id: 'confidence',
      header: 'Confidence',
      accessorFn: (row) => predictionOf(row)?.probability ?? -1,
      sortDescFirst: true,
      meta: { className: 'numeric' },
      cell: ({ row }) => {
        const p = predictionOf(row.original);
        return p ? formatPercent(p.probability, 1) : '—';
      },
    },
    {
      id: 'review',
      header: 'Review',
      accessorFn: (row) => (predictionOf(row)?.needsReview ? 1 : 0),
      filterFn: reviewFilter,
      cell: ({ row }) => {
        const p = predictionOf(row.original);
        if (!p) return '—';
        return p.needsReview ? <span className="status-pill tone-warning">needs review</span> : <span className="status-pill tone-success">confident</span>;
      },
    },
    {
      id: 'topWords',
      header: 'Top words',
      enableSorting: false,
      accessorFn: (row) => topWordsOf(row).join(', '),
      meta: { className: 'batch-words' },
    },
    {
      id: 'label',
      header: 'Label to add',
      enableSorting: false,
      cell: ({ row }) => {
        if (!predictionOf(row.original)) return null;
        if (row.original.isAdded) return <span className="muted">added as {row.original.label}</span>;
        return (
          <LabelPicker
            value={row.original.label ?? ''}
            onChange={(label) => setRowLabel(row.original.key, label)}
            categories={categories}
            label={`Label for ${row.original.name}`}
          />
        );
      },
    },
    {
      id: 'open',
      header: () => <span className="visually-hidden">Details</span>,
      enableSorting: false,
      cell: ({ row }) =>
        predictionOf(row.original) ? (
          <button type="button" className="button small" onClick={() => onOpen(row.original)} aria-label={`Show ${row.original.name} with its deciding words`}>
            Show
          </button>
        ) : null,
    },
  ];
}
