/** A group of native radio buttons styled as cards or a segmented control; arrow keys work natively. */

/** One choice of a ChoiceGroup. */
export interface Choice<V extends string> {
  value: V;
  label: string;
  hint?: string;
}

/** Props of ChoiceGroup. */
export interface ChoiceGroupProps<V extends string> {
  legend: string;
  name: string;
  value: V | undefined;
  choices: readonly Choice<V>[];
  onChange(value: V): void;
  variant?: 'segmented' | 'cards';
  disabled?: boolean;
  describedBy?: string;
}

/** A labelled fieldset of radios. */
export function ChoiceGroup<V extends string>({ legend, name, value, choices, onChange, variant = 'segmented', disabled, describedBy }: ChoiceGroupProps<V>) {
  return (
    <fieldset className={`choice-group ${variant}`} disabled={disabled} aria-describedby={describedBy}>
      <legend>{legend}</legend>
      <div className="choices">
        {choices.map((choice) => (
          <label key={choice.value} className="choice">
            <input type="radio" name={name} value={choice.value} checked={value === choice.value} onChange={() => onChange(choice.value)} />
            <span className="choice-body">
              <span className="choice-label">{choice.label}</span>
              {choice.hint ? <span className="choice-hint">{choice.hint}</span> : null}
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
