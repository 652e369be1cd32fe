/**
 * Training defaults (engine, test fraction, seed) as a form saved with one `settings.set`. The
 * backend's schema is the one validator: its `bad_input` message says which fields failed, and
 * each gets a sentence beside it. Unsaved edits survive leaving the page (settings-draft.ts).
 */
import { useState, type FormEvent } from 'react';
import type { Settings } from '../../../preload/contract';
import { RpcCallError } from '../../api/rpc-call-error';
import { useSettings } from '../../app/settings-context';
import { ChoiceGroup } from '../../components/choice-group';
import { fieldErrorsFromMessage, type FieldErrors } from './field-errors';
import { NumberField } from './number-field';
import { setSettingsDraft, useSettingsDraft, type SettingsDraft as Draft } from './settings-draft';
import { ErrorMessage } from '../../components/error-message';
import { engineChoices } from '../training/engine-choices';

type Field = 'defaultEngine' | 'testFraction' | 'seed';
const fields: readonly Field[] = ['defaultEngine', 'testFraction', 'seed'];

/** What each field needs, in words; shown beside a field the backend refused. */
const fieldSentence: Record<Field, string> = {
  defaultEngine: 'Choose one of the two engines.',
  testFraction: 'Enter a test fraction from 0.05 to 0.5, for example 0.2.',
  seed: 'Enter a whole number, 0 or more, for example 42.',
};

function draftFrom(settings: Settings): Draft {
  return { defaultEngine: settings.defaultEngine, testFraction: String(settings.testFraction), seed: String(settings.seed) };
}

// An empty box becomes NaN → null in JSON, so the backend reports it instead of storing 0.
function toNumber(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text);
}

/** The training-defaults form. */
export function TrainingDefaultsForm() {
  const { settings, save } = useSettings();
  // null = not edited: the form shows the stored settings and follows changes made elsewhere.
  const draft = useSettingsDraft();
  const setDraft = setSettingsDraft;
  const [formError, setFormError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors<Field>>({});
  const [isSaving, setIsSaving] = useState(false);
  const [savedNotice, setSavedNotice] = useState(false);
  const values = draft ?? (settings ? draftFrom(settings) : null);

  const edit = (patch: Partial<Draft>) => {
    if (!values) return;
    setDraft({ ...values, ...patch });
    setSavedNotice(false);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!values) return;
    setIsSaving(true);
    setFormError(null);
    setFieldErrors({});
    try {
      await save({ defaultEngine: values.defaultEngine, testFraction: toNumber(values.testFraction), seed: toNumber(values.seed) });
      setDraft(null);
      setSavedNotice(true);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const failed = error instanceof RpcCallError && error.code === 'bad_input' ? Object.keys(fieldErrorsFromMessage(message, fields)) : [];
      // The validator's own words ("Too big: expected number to be <=0.5") are for developers.
      setFieldErrors(Object.fromEntries(failed.map((field) => [field, fieldSentence[field as Field]])));
      setFormError(failed.length > 0 ? `Nothing was saved: ${failed.length === 1 ? 'one value needs' : 'some values need'} fixing.` : message);
    } finally {
      setIsSaving(false);
    }
  };

  const reset = () => {
    setDraft(null);
    setFormError(null);
    setFieldErrors({});
  };

  return (
    <section className="card" aria-labelledby="training-defaults-title">
      <h2 id="training-defaults-title">Training defaults</h2>
      {/* noValidate: the backend validates, so its message is the one users see. */}
      <form className="settings-form" onSubmit={submit} noValidate aria-describedby={formError ? 'training-form-error' : undefined}>
        <ChoiceGroup
          legend="Default engine"
          name="defaultEngine"
          variant="cards"
          value={values?.defaultEngine}
          choices={engineChoices}
          onChange={(defaultEngine) => edit({ defaultEngine })}
          disabled={!values}
        />
        <div className="field-row">
          <NumberField
            id="testFraction"
            label="Test fraction"
            hint="Share of labelled resumes held out for evaluation, 0.05 to 0.5."
            value={values?.testFraction ?? ''}
            step="0.05"
            error={fieldErrors.testFraction}
            disabled={!values}
            onChange={(testFraction) => edit({ testFraction })}
          />
          <NumberField
            id="seed"
            label="Random seed"
            hint="Whole number ≥ 0; the same seed gives the same split and model."
            value={values?.seed ?? ''}
            step="1"
            error={fieldErrors.seed}
            disabled={!values}
            onChange={(seed) => edit({ seed })}
          />
        </div>
        <ErrorMessage id="training-form-error" message={formError} />
        <div className="button-row">
          <button type="submit" className="button primary" disabled={!draft || isSaving}>
            {isSaving ? 'Saving…' : 'Save changes'}
          </button>
          <button type="button" className="button" onClick={reset} disabled={!draft || isSaving}>
            Discard
          </button>
          <span className={draft ? 'save-notice unsaved' : 'save-notice'} role="status">
            {draft ? 'Unsaved changes' : savedNotice ? 'Saved' : ''}
          </span>
        </div>
      </form>
    </section>
  );
}
