/** The "needs review" threshold: the value in use, how the suggested one was chosen, and a field to change it. */
import { useId, useState, type FormEvent } from 'react';
import type { ReviewThreshold } from '../../preload/contract';
import { useSettings } from '../app/settings-context';
import { toRpcCallError } from '../api/rpc-call-error';
import { formatPercent } from '../format/numbers';
import { ErrorMessage } from './error-message';

/** Shows and edits the threshold (stored in Settings, so it follows the data directory). */
export function ReviewThresholdControl({ threshold }: { threshold: ReviewThreshold }) {
  const { save } = useSettings();
  const fieldId = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const shown = draft ?? String(Math.round(threshold.value * 1000) / 10);

  const apply = async (value: number | null) => {
    setError(null);
    try {
      await save({ reviewThreshold: value });
      setDraft(null);
    } catch (failure) {
      setError(toRpcCallError(failure).message);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const percent = Number(shown);
    if (!Number.isFinite(percent) || percent < 0 || percent > 100) {
      setError('Enter a percentage between 0 and 100.');
      return;
    }
    void apply(percent / 100);
  };

  return (
    <form className="review-threshold" onSubmit={submit}>
      <label htmlFor={fieldId}>Needs review below</label>
      <input
        id={fieldId}
        type="number"
        min={0}
        max={100}
        step={0.5}
        value={shown}
        onChange={(event) => setDraft(event.target.value)}
        aria-describedby={`${fieldId}-basis`}
      />
      <span aria-hidden="true">%</span>
      <button type="submit" className="button" disabled={draft === null}>
        Apply
      </button>
      {threshold.isCustom ? (
        <button type="button" className="button" onClick={() => void apply(null)}>
          Use suggested ({formatPercent(threshold.suggested, 1)})
        </button>
      ) : null}
      <p id={`${fieldId}-basis`} className="field-hint">
        {threshold.isCustom ? `You set this threshold. The suggested one: ${threshold.basis}` : threshold.basis}
      </p>
      <ErrorMessage message={error} />
    </form>
  );
}
