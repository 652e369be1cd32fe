/** Step 2 of the Import dialog: what the path holds, the CSV / JSONL column mapping, and "Import N files". */
import { useState } from 'react';
import type { ImportPreview } from '../../../preload/contract';
import { ColumnMappingForm, type ColumnChoice } from './column-mapping-form';
import { CountBreakdown } from './count-breakdown';
import { formatBytes, formatCount } from '../../format/numbers';
import { importWarnings } from './import-guard-rails';
import { SampleRowsTable } from './sample-rows-table';
import { ErrorMessage } from '../../components/error-message';

/** Props of ImportPreviewStep. */
export interface ImportPreviewStepProps {
  preview: ImportPreview;
  mapping: ColumnChoice;
  onMappingChange(next: ColumnChoice): void;
  onBack(): void;
  onStart(): void;
  isBusy: boolean;
  error: string | null;
}

const kindLabel: Record<ImportPreview['kind'], string> = { folder: 'Folder', csv: 'CSV dataset', jsonl: 'JSONL dataset', files: 'Single file' };

/**
 * Summary counts, breakdowns, mapping form and sample; Import is disabled while there is nothing to
 * import. A folder that looks wrong (one category, mostly other files, very many files) says why
 * above, and Import asks once more before starting.
 */
export function ImportPreviewStep({ preview, mapping, onMappingChange, onBack, onStart, isBusy, error }: ImportPreviewStepProps) {
  const warnings = importWarnings(preview);
  const [isConfirming, setIsConfirming] = useState(false);
  const isTabular = preview.tabular !== null;
  const unit = isTabular ? (preview.files === 1 ? 'row' : 'rows') : preview.files === 1 ? 'file' : 'files';
  // Unlabelled files (category null) go last, whatever order the backend sorted them in.
  const categories = [...preview.byCategory]
    .sort((a, b) => Number(a.category === null) - Number(b.category === null))
    .map((c) => ({ name: c.category ?? 'Unlabelled', count: c.files, isMuted: c.category === null }));
  const formats = preview.byFormat.map((f) => ({ name: f.format.toUpperCase(), count: f.files }));
  const canStart = preview.files > 0 && !isBusy && (!isTabular || mapping.textColumn !== '');
  const label = `Import ${formatCount(preview.files)} ${unit}`;
  return (
    <div className="import-step">
      {warnings.length > 0 ? (
        <div className="banner banner-warning" role="region" aria-label="Check before importing">
          <div className="banner-text">
            <strong>Check before importing</strong>
            <ul className="warning-list">
              {warnings.map((warning) => (
                <li key={warning.id} data-testid={`warning-${warning.id}`}>
                  {warning.message}
                </li>
              ))}
            </ul>
          </div>
        </div>
      ) : null}
      <dl className="preview-facts">
        <div>
          <dt>Source</dt>
          <dd className="mono preview-path" title={preview.path}>
            {preview.path}
          </dd>
        </div>
        <div>
          <dt>Kind</dt>
          <dd>{kindLabel[preview.kind]}</dd>
        </div>
        <div>
          <dt>{isTabular ? 'Rows' : 'Files'}</dt>
          <dd data-testid="preview-files">{formatCount(preview.files)}</dd>
        </div>
        <div>
          <dt>Size</dt>
          <dd>{formatBytes(preview.totalBytes)}</dd>
        </div>
        {!isTabular ? (
          <>
            <div>
              <dt>Skipped</dt>
              <dd title="Hidden files, lock files and unsupported types">{formatCount(preview.skipped)}</dd>
            </div>
            <div>
              <dt>Unsupported</dt>
              <dd
                className={preview.unsupported > 0 ? 'warning-text' : undefined}
                title="Files of a type the importer does not read (images, archives, media…); the import lists them as unsupported"
                data-testid="preview-unsupported"
              >
                {formatCount(preview.unsupported)}
              </dd>
            </div>
            <div>
              <dt>Problems</dt>
              <dd className={preview.problems > 0 ? 'warning-text' : undefined} title="Broken links, loops and unreadable folders">
                {formatCount(preview.problems)}
              </dd>
            </div>
          </>
        ) : null}
      </dl>
      {preview.tabular ? (
        <>
          <ColumnMappingForm columns={preview.tabular.columns} value={mapping} onChange={onMappingChange} disabled={isBusy} />
          <SampleRowsTable
            columns={preview.tabular.columns}
            rows={preview.tabular.sampleRows}
            textColumn={mapping.textColumn}
            labelColumn={mapping.labelColumn}
          />
        </>
      ) : null}
      {preview.files > 0 && preview.byCategory.every((c) => c.category === null) ? (
        <p className="preview-unlabelled" role="note" data-testid="preview-unlabelled">
          {isTabular ? 'No label column is used' : 'There are no category folders'}: these resumes import <strong>unlabelled</strong>. Training leaves them out
          until they have a category; <strong>Label with suggestions</strong> sorts them with you: label a few per category, and the model suggests the rest.
        </p>
      ) : null}
      <div className="preview-breakdowns">
        <CountBreakdown caption="By category" nameHeader="Category" rows={categories} />
        <CountBreakdown caption="By type" nameHeader="Type" rows={formats} />
      </div>
      <ErrorMessage message={error} />
      {/* The same two buttons ask once more when there are warnings, so keyboard focus stays put. */}
      <div className="modal-actions">
        {isConfirming ? (
          <span className="modal-actions-note" role="alert">
            Import anyway, despite the {warnings.length === 1 ? 'warning' : 'warnings'} above?
          </span>
        ) : null}
        <button type="button" className="button" onClick={isConfirming ? () => setIsConfirming(false) : onBack} disabled={isBusy}>
          {isConfirming ? 'Not now' : 'Back'}
        </button>
        <button
          type="button"
          className="button primary"
          onClick={warnings.length > 0 && !isConfirming ? () => setIsConfirming(true) : onStart}
          disabled={!canStart}
        >
          {isConfirming ? `${label} anyway` : label}
        </button>
      </div>
    </div>
  );
}
