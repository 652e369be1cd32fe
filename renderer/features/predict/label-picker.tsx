/** A category field with the model's categories as suggestions; any other name makes a new category. */
import { useId } from 'react';

/** A text field with a suggestion list (a native combobox): keyboard and screen-reader friendly. */
export function LabelPicker({
  value,
  onChange,
  categories,
  label,
  disabled,
}: {
  value: string;
  onChange(value: string): void;
  categories: readonly string[];
  label: string;
  disabled?: boolean;
}) {
  const listId = useId();
  return (
    <>
      <input
        className="label-picker"
        list={listId}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-label={label}
        disabled={disabled}
        spellCheck={false}
        autoComplete="off"
      />
      <datalist id={listId}>
        {categories.map((category) => (
          <option key={category} value={category} />
        ))}
      </datalist>
    </>
  );
}
