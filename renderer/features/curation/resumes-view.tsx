/**
 * The curation view: search and filters (state in the URL), the virtualised resume table, the
 * open resume with label controls, bulk actions, keyword rules, categories, undo / redo. Every
 * labelling action goes through `documents.*` and can be undone.
 */
import { useCallback, useRef, useState, type KeyboardEvent } from 'react';
import type { LabelChange } from '../../../preload/contract';
import { useStudio } from '../../api/studio-context';
import { useRpc } from '../../api/use-rpc';
import { useShowError } from '../../app/error-toasts';
import { InlineError } from '../../components/inline-error';
import { formatCount, formatCountOf } from '../../format/numbers';
import { BulkBar, type BulkTarget } from './bulk-bar';
import { CategoriesDialog } from './categories-dialog';
import { CurationHeader } from './curation-header';
import { tableAction } from './curation-keys';
import { FilterBar } from './filter-bar';
import { KeywordRuleDialog } from './keyword-rule-dialog';
import type { LabelControlsHandle } from './label-controls';
import { ResumePane } from './resume-pane';
import { ResumeTable, type ResumeTableHandle } from './resume-table';
import { useDocumentWindow } from './use-document-window';
import { useResumesState } from './use-curation-url';
import { useLabelHistory } from './use-label-history';

const refreshOn = ['dataset.changed'] as const;

/** The resume view. */
export function ResumesView() {
  const client = useStudio();
  const showError = useShowError();
  const [state, update] = useResumesState();
  const { filter, sort, documentId } = state;
  const rows = useDocumentWindow(filter, sort);
  const categories = useRpc('categories.list', {}, { refreshOn });
  const summary = useRpc('dataset.summary', {}, { refreshOn });
  const jobs = useRpc('import.jobs', {}, { refreshOn: ['import.finished'] });
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [isAllSelected, setAllSelected] = useState(false);
  const [dialog, setDialog] = useState<'rule' | 'categories' | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const table = useRef<ResumeTableHandle>(null);
  const pane = useRef<LabelControlsHandle>(null);
  const { history, undo, redo } = useLabelHistory(setAnnouncement);
  const categoryList = categories.data ?? [];
  const total = rows.total;

  const filterKey = JSON.stringify([filter, sort]);
  const [selectionKey, setSelectionKey] = useState(filterKey);
  if (selectionKey !== filterKey) {
    // A new search or filter starts a new selection.
    setSelectionKey(filterKey);
    setSelected(new Set());
    setAllSelected(false);
  }

  const report = useCallback((change: LabelChange) => setAnnouncement(change.step ? change.step.description : 'Nothing changed'), []);
  const act = useCallback(
    (promise: Promise<LabelChange>, title: string) => promise.then(report, (error: unknown) => showError(error, title)),
    [report, showError],
  );

  const activeIndex = documentId === null ? -1 : rows.indexOf(documentId);
  const moveTo = (index: number) => {
    if (total === undefined || index < 0 || index >= total) return;
    table.current?.scrollToIndex(index);
    const id = rows.idAt(index);
    if (id !== undefined) update({ documentId: id }, 'replace');
    else rows.ensure(index, index + 1);
  };
  /** Opens the next resume by id, so a filter that drops the one just labelled (e.g. "unlabelled") skips nothing. */
  const next = () => {
    const nextId = rows.idAt(activeIndex + 1);
    if (nextId === undefined) return moveTo(activeIndex + 1);
    table.current?.scrollToIndex(activeIndex + 1);
    update({ documentId: nextId }, 'replace');
  };

  const labelActive = (category: string | null) => {
    if (documentId === null) return;
    void act(client.call('documents.setCategory', { ids: [documentId], category }), 'Could not set the category');
    next();
  };
  const toggleExcludedActive = () => {
    if (documentId === null) return;
    const row = rows.rowAt(activeIndex);
    void act(client.call('documents.setExcluded', { ids: [documentId], excluded: !(row?.isExcluded ?? false) }), 'Could not change the exclusion');
  };

  const onTableKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const action = tableAction(event);
    if (!action) return;
    event.preventDefault();
    if (action.kind === 'move') moveTo(activeIndex < 0 ? 0 : activeIndex + action.by);
    else if (action.kind === 'label') {
      const category = categoryList[action.index]?.category;
      if (category) labelActive(category);
    } else if (action.kind === 'toggleExcluded') toggleExcludedActive();
    else if (action.kind === 'toggleSelected' && documentId !== null) toggleSelected(documentId);
    else if (action.kind === 'openLabel') pane.current?.startTypeAhead('');
    else if (action.kind === 'typeAhead' && documentId !== null) pane.current?.startTypeAhead(action.text);
  };
  const toggleSelected = (id: number) => {
    setAllSelected(false);
    setSelected((current) => {
      const copy = new Set(current);
      if (copy.has(id)) copy.delete(id);
      else copy.add(id);
      return copy;
    });
  };

  const bulkTarget: BulkTarget | null = isAllSelected && total ? { kind: 'all', total } : selected.size > 0 ? { kind: 'selection', ids: [...selected] } : null;
  const bulkInput = () => (bulkTarget?.kind === 'all' ? { filter } : { ids: [...selected] });

  return (
    <div className="curation-view">
      <CurationHeader
        title="Resumes"
        counts={
          total === undefined
            ? 'Counting…'
            : `${formatCount(total)} of ${formatCount(summary.data?.documents ?? 0)} resumes · ${formatCount(summary.data?.labelled ?? 0)} labelled · ${formatCountOf(categoryList.length, 'category', 'categories')}`
        }
        history={history}
        onUndo={undo}
        onRedo={redo}
        onRule={() => setDialog('rule')}
        onCategories={() => setDialog('categories')}
      />
      <FilterBar filter={filter} categories={categoryList} jobs={jobs.data ?? []} onChange={(next, mode) => update({ filter: next, documentId: null }, mode)} />
      {bulkTarget ? (
        <BulkBar
          target={bulkTarget}
          total={total ?? 0}
          categories={categoryList}
          onSelectAll={() => setAllSelected(true)}
          onClear={() => {
            setAllSelected(false);
            setSelected(new Set());
          }}
          onSetCategory={(category) => void act(client.call('documents.setCategory', { ...bulkInput(), category }), 'Could not set the category')}
          onSetExcluded={(excluded) => void act(client.call('documents.setExcluded', { ...bulkInput(), excluded }), 'Could not change the exclusion')}
          onConfirmModelLabels={() => void act(client.call('documents.confirmModelLabels', bulkInput()), "Could not confirm the model's labels")}
        />
      ) : null}
      {rows.error ? <InlineError title="Could not load the resumes" error={rows.error} /> : null}
      <div className="curation-body">
        <ResumeTable
          ref={table}
          rows={rows}
          sort={sort}
          onSort={(next) => update({ sort: next })}
          activeId={documentId}
          onActivate={(id) => update({ documentId: id }, 'replace')}
          selected={selected}
          onToggleSelected={toggleSelected}
          onKeyDown={onTableKeyDown}
        />
        <aside className="pane-column" aria-label="Open resume">
          {documentId !== null ? (
            <ResumePane
              ref={pane}
              documentId={documentId}
              categories={categoryList}
              onLabel={labelActive}
              onToggleExcluded={toggleExcludedActive}
              onDone={() => table.current?.focus()}
              searchQuery={filter.q}
            />
          ) : (
            <p className="muted pane-empty">Choose a resume (click, or J / K in the table) to read it, label it and see what cleaning changes.</p>
          )}
        </aside>
      </div>
      <p className="visually-hidden" role="status" aria-live="polite" data-testid="curation-announcement">
        {announcement}
      </p>
      {dialog === 'rule' ? (
        <KeywordRuleDialog
          categories={categoryList}
          onClose={() => setDialog(null)}
          onApplied={(change) => {
            report(change);
            setDialog(null);
          }}
        />
      ) : null}
      {dialog === 'categories' ? <CategoriesDialog categories={categoryList} onClose={() => setDialog(null)} /> : null}
    </div>
  );
}
