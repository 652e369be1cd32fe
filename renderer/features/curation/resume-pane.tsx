/** The open resume: its label controls, metadata, and the extracted vs cleaned text side by side. */
import { forwardRef } from 'react';
import type { CategoryCount } from '../../../preload/contract';
import { useRpc } from '../../api/use-rpc';
import { InlineError } from '../../components/inline-error';
import { formatBytes, formatCount } from '../../format/numbers';
import { CleanedText } from './cleaned-text';
import { LabelControls, type LabelControlsHandle } from './label-controls';
import { searchPattern } from './search-terms';

const refreshOn = ['documents.changed'] as const;
const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Props of ResumePane. */
export interface ResumePaneProps {
  documentId: number;
  categories: CategoryCount[];
  onLabel(category: string | null): void;
  onToggleExcluded(): void;
  onDone(): void;
  /** The table's search, whose terms are marked in the text. */
  searchQuery?: string;
}

/** The pane for one resume; `ref` reaches its type-ahead field. */
export const ResumePane = forwardRef<LabelControlsHandle, ResumePaneProps>(function ResumePane(props, ref) {
  const { documentId, categories, onLabel, onToggleExcluded, onDone, searchQuery } = props;
  const search = searchPattern(searchQuery);
  const detail = useRpc('documents.get', { id: documentId }, { refreshOn });
  const cleaning = useRpc('documents.cleaning', { id: documentId });
  const doc = detail.data?.id === documentId ? detail.data : undefined;
  if (detail.error) return <InlineError title="Could not open this resume" error={detail.error} onRetry={detail.reload} />;
  if (!doc) return <p className="muted">Loading the resume…</p>;
  const changedSteps = cleaning.data?.steps.filter((s) => s.changes > 0) ?? [];
  return (
    <article className="resume-pane" aria-labelledby="pane-title" data-testid="resume-pane">
      <header className="pane-header">
        <h3 id="pane-title" title={doc.fileName}>
          {doc.fileName}
        </h3>
        <p className="muted" data-testid="pane-label">
          #{doc.id} · {doc.category ?? 'unlabelled'}
          {doc.isModelLabelled ? ' · labelled by the model, not confirmed' : ''}
          {doc.isExcluded ? ' · excluded from training' : ''}
        </p>
      </header>
      <LabelControls
        ref={ref}
        categories={categories}
        current={doc.category}
        isExcluded={doc.isExcluded}
        onLabel={onLabel}
        onToggleExcluded={onToggleExcluded}
        onDone={onDone}
      />
      <dl className="pane-meta">
        <dt>Source</dt>
        <dd title={doc.sourcePath ?? ''}>{doc.sourcePath ?? '—'}</dd>
        <dt>Import</dt>
        <dd>
          {doc.importJobId !== null ? `#${doc.importJobId}` : '—'} · {doc.format ?? 'unknown format'} · {formatBytes(doc.sizeBytes)}
        </dd>
        <dt>Length</dt>
        <dd>{formatCount(doc.charCount)} characters</dd>
        <dt>Imported</dt>
        <dd>
          <time dateTime={doc.importedAt}>{timeFormat.format(new Date(doc.importedAt))}</time>
        </dd>
        {doc.nearDuplicateOf !== null ? (
          <>
            <dt>Near-duplicate</dt>
            <dd>of #{doc.nearDuplicateOf}</dd>
          </>
        ) : null}
      </dl>
      <p className="muted cleaning-summary">
        {changedSteps.length > 0
          ? `Cleaning: ${changedSteps.map((s) => `${s.step.replace(/([A-Z])/g, ' $1').toLowerCase()} ${formatCount(s.changes)}`).join(', ')}.`
          : 'Cleaning changed nothing but spacing.'}
        <span className="legend">
          <mark className="change-masked">masked</mark> <mark className="change-removed">removed</mark> <mark className="change-repaired">repaired</mark>
        </span>
      </p>
      {cleaning.data && cleaning.data.id === documentId ? (
        <div className="text-columns">
          <CleanedText title="Extracted text" segments={cleaning.data.extracted} testId="extracted-text" search={search} />
          <CleanedText title="Cleaned text" segments={cleaning.data.cleaned} testId="cleaned-text" search={search} />
        </div>
      ) : (
        <p className="muted">Cleaning the text…</p>
      )}
    </article>
  );
});
