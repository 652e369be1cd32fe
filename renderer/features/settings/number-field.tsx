/** A labelled number input with a hint and an error wired up through aria-describedby. */

/** Props of NumberField; the value stays text so a half-typed number is not lost. */
export interface NumberFieldProps {
  id: string;
  label: string;
  hint: string;
  value: string;
  step: string;
  error: string | undefined;
  /** True until there is a value to edit (typing into a form that has not loaded would be lost). */
  disabled?: boolean;
  onChange(value: string): void;
}

/** One number input; `error` marks it invalid and is read out with it. */
export function NumberField({ id, label, hint, value, step, error, disabled, onChange }: NumberFieldProps) {
  const describedBy = error ? `${id}-error ${id}-hint` : `${id}-hint`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={id}
        type="number"
        inputMode="decimal"
        step={step}
        value={value}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(event) => onChange(event.target.value)}
      />
      <span id={`${id}-hint`} className="field-hint">
        {hint}
      </span>
      {error ? (
        <span id={`${id}-error`} className="field-error">
          {error}
        </span>
      ) : null}
    </div>
  );
}
