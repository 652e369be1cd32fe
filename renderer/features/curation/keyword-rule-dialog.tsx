/**
 * A keyword rule: "every resume matching `nurse OR "registered nurse"` → HEALTHCARE". The dialog
 * shows the hits (how many match, how many would change, the first few) before anything applies.
 */
import { useEffect, useState } from 'react';
import type { CategoryCount, DocumentPage, LabelChange } from '../../../preload/contract';
import { useStudio } from '../../api/studio-context';
import { ModalDialog } from '../../components/modal-dialog';
import { formatCount, formatCountOf } from '../../format/numbers';

const previewDelayMs = 300;

interface Preview {
  key: string;
  hits: DocumentPage | null;
  change: LabelChange | null;
  error: string | null;
}

/** Props of KeywordRuleDialog. */
export interface KeywordRuleDialogProps {
  categories: CategoryCount[];
  onClose(): void;
  onApplied(change: LabelChange): void;
}

/** The keyword-rule dialog. */
export function KeywordRuleDialog({ categories, onClose, onApplied }: KeywordRuleDialogProps) {
  const client = useStudio();
  const [rule, setRule] = useState('');
  const [category, setCategory] = useState('');
  const [preview, setPreview] = useState<Preview>({ key: '', hits: null, change: null, error: null });
  const key = JSON.stringify([rule.trim(), category.trim()]);
  const isReady = rule.trim() !== '' && category.trim() !== '';

  useEffect(() => {
    if (!isReady) return;
    let isCurrent = true;
    const timer = window.setTimeout(() => {
      const filter = { q: rule };
      Promise.all([client.call('documents.list', { filter, limit: 8 }), client.call('documents.setCategory', { filter, category, dryRun: true })]).then(
        ([hits, change]) => isCurrent && setPreview({ key, hits, change, error: null }),
        (error: Error) => isCurrent && setPreview({ key, hits: null, change: null, error: error.message }),
      );
    }, previewDelayMs);
    return () => {
      isCurrent = false;
      window.clearTimeout(timer);
    };
  }, [client, key, isReady, rule, category]);

  const shown = preview.key === key ? preview : null;
  const apply = async () => {
    const change = await client.call('documents.setCategory', { filter: { q: rule }, category });
    onApplied(change);
  };
  return (
    <ModalDialog title="Keyword rule" subtitle="Label every resume a search matches. See the hits first; undo with Ctrl+Z." onClose={onClose} className="wide">
      <form
        className="rule-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (shown?.change && shown.change.changed > 0) void apply();
        }}
      >
        <div className="field">
          <label htmlFor="rule-query">Resumes matching</label>
          <input
            id="rule-query"
            className="input"
            data-autofocus
            value={rule}
            placeholder='nurse OR "registered nurse"'
            onChange={(event) => setRule(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="rule-category">get the category</label>
          <input
            id="rule-category"
            className="input"
            list="rule-categories"
            value={category}
            placeholder="HEALTHCARE"
            onChange={(event) => setCategory(event.target.value)}
          />
          <datalist id="rule-categories">
            {categories.map((c) => (
              <option key={c.category} value={c.category} />
            ))}
          </datalist>
        </div>
        <div className="rule-preview" aria-live="polite" data-testid="rule-preview">
          {!isReady ? (
            <p className="muted">Type a search and a category to see the hits.</p>
          ) : !shown ? (
            <p className="muted">Counting the hits…</p>
          ) : shown.error ? (
            <p className="error-text">{shown.error}</p>
          ) : (
            <>
              <p>
                <strong>{formatCount(shown.change?.matched ?? 0)}</strong> resumes match; <strong>{formatCount(shown.change?.changed ?? 0)}</strong> would get{' '}
                {category.trim()}.
              </p>
              <ul className="rule-hits">
                {shown.hits?.rows.map((row) => (
                  <li key={row.id}>
                    {row.fileName} <span className="muted">({row.category ?? 'unlabelled'})</span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
        <div className="modal-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button primary" disabled={!shown?.change || shown.change.changed === 0}>
            {shown?.change ? `Apply to ${formatCountOf(shown.change.changed, 'resume')}` : 'Apply'}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
