/** The settings of the next run, starting from Settings' defaults; the ones that matter in view, n-grams, features, regularisation and memory under Advanced. */
import type { TrainingParams, TrainingStartParams } from '../../../preload/contract';
import { ChoiceGroup } from '../../components/choice-group';
import { NumberField } from '../settings/number-field';
import { engineChoices } from './engine-choices';

/** The form's values as typed (text, so a half-typed number is not lost). */
export type TrainingDraft = Record<Exclude<keyof TrainingParams, 'engine' | 'ngramMax' | 'blind'>, string> &
  Pick<TrainingParams, 'engine' | 'ngramMax' | 'blind'>;

/** The draft for a set of parameters. */
export function draftOf(params: TrainingParams): TrainingDraft {
  return {
    engine: params.engine,
    ngramMax: params.ngramMax,
    blind: params.blind,
    testFraction: String(params.testFraction),
    folds: String(params.folds),
    seed: String(params.seed),
    maxFeatures: params.maxFeatures === null ? '' : String(params.maxFeatures),
    regularization: params.regularization === null ? '' : String(params.regularization),
    memoryLimitMb: String(params.memoryLimitMb),
  };
}

// An empty box becomes NaN → null in JSON, so the backend names the field instead of storing 0.
const toNumber = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));

/** The parameters to send; the backend's schema is the one validator. Blind is not sent: the backend reads it from Settings. */
export function paramsOf(draft: TrainingDraft): TrainingStartParams {
  return {
    engine: draft.engine,
    ngramMax: draft.ngramMax,
    testFraction: toNumber(draft.testFraction),
    folds: toNumber(draft.folds),
    seed: toNumber(draft.seed),
    // Blank: the engine chooses by inner cross-validation.
    maxFeatures: draft.maxFeatures.trim() === '' ? null : toNumber(draft.maxFeatures),
    regularization: draft.regularization.trim() === '' ? null : toNumber(draft.regularization),
    memoryLimitMb: toNumber(draft.memoryLimitMb),
  };
}

const ngrams = [
  { value: '1', label: 'Words' },
  { value: '2', label: 'Words and word pairs' },
] as const;

/** The form; `errors` are the backend's sentences per field name. */
export function TrainingSettingsForm({ draft, onChange, disabled }: { draft: TrainingDraft; onChange(draft: TrainingDraft): void; disabled: boolean }) {
  const set = <K extends keyof TrainingDraft>(key: K, value: TrainingDraft[K]) => onChange({ ...draft, [key]: value });
  return (
    <section className="card training-settings" aria-labelledby="training-settings-title">
      <h2 id="training-settings-title">Settings of this run</h2>
      {draft.blind ? (
        <p className="field-hint" data-testid="blind-training-note">
          Blind mode is on (Settings): names, e-mails, phone numbers, street addresses and URLs are removed from the resumes before training.
        </p>
      ) : null}
      <fieldset className="plain-fieldset" disabled={disabled}>
        <legend className="visually-hidden">Training settings</legend>
        <ChoiceGroup legend="Engine" name="engine" value={draft.engine} choices={engineChoices} onChange={(v) => set('engine', v)} variant="cards" />
        <div className="field-row">
          <NumberField
            id="test-fraction"
            label="Test fraction"
            hint="Share held out for the report, 0.05–0.5."
            step="0.05"
            value={draft.testFraction}
            error={undefined}
            onChange={(v) => set('testFraction', v)}
          />
          <NumberField
            id="folds"
            label="Cross-validation folds"
            hint="0 for none; 2–10 predicts every resume out of fold."
            step="1"
            value={draft.folds}
            error={undefined}
            onChange={(v) => set('folds', v)}
          />
          <NumberField
            id="seed"
            label="Seed"
            hint="Same seed, same data: same result."
            step="1"
            value={draft.seed}
            error={undefined}
            onChange={(v) => set('seed', v)}
          />
        </div>
        <details className="advanced">
          <summary>Advanced</summary>
          <ChoiceGroup
            legend="N-grams"
            name="ngrams"
            value={String(draft.ngramMax) as '1' | '2'}
            choices={ngrams}
            onChange={(v) => set('ngramMax', v === '1' ? 1 : 2)}
          />
          <div className="field-row">
            <NumberField
              id="max-features"
              label="Features kept"
              hint="Most informative terms kept (chi²), 100–200 000; blank: chosen by inner cross-validation."
              step="500"
              value={draft.maxFeatures}
              error={undefined}
              onChange={(v) => set('maxFeatures', v)}
            />
            <NumberField
              id="regularization"
              label="Regularisation C"
              hint="Higher fits the training data more closely (fast engine); blank: chosen by inner cross-validation."
              step="10"
              value={draft.regularization}
              error={undefined}
              onChange={(v) => set('regularization', v)}
            />
            <NumberField
              id="memory-limit"
              label="Memory limit (MB)"
              hint="The training worker stops with a message above this."
              step="256"
              value={draft.memoryLimitMb}
              error={undefined}
              onChange={(v) => set('memoryLimitMb', v)}
            />
          </div>
        </details>
      </fieldset>
    </section>
  );
}

/** A stored run's settings as training.start takes them (a retrain): blind is the app's current Settings. */
export function startParamsOf({ blind: _fromSettings, ...params }: TrainingParams): TrainingStartParams {
  return params;
}
