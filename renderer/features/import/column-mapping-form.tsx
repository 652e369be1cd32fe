/** Chooses which CSV / JSONL column holds the resume text and which the category label. */
import { useId } from 'react';

/** The chosen columns; an empty label column means "no labels". */
export interface ColumnChoice {
  textColumn: string;
  labelColumn: string;
}

/** Two selects prefilled with the backend's suggestion; each change re-runs the preview. */
export function ColumnMappingForm({
  columns,
  value,
  onChange,
  disabled,
}: {
  columns: string[];
  value: ColumnChoice;
  onChange(next: ColumnChoice): void;
  disabled?: boolean;
}) {
  const id = useId();
  return (
    <fieldset className="column-mapping" disabled={disabled}>
      <legend>Column mapping</legend>
      <div className="field">
        <label htmlFor={`${id}-text`}>Text column</label>
        <select id={`${id}-text`} value={value.textColumn} onChange={(event) => onChange({ ...value, textColumn: event.target.value })}>
          {value.textColumn === '' ? <option value="">Choose a column…</option> : null}
          {columns.map((column) => (
            <option key={column} value={column}>
              {column}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-label`}>Label column</label>
        <select id={`${id}-label`} value={value.labelColumn} onChange={(event) => onChange({ ...value, labelColumn: event.target.value })}>
          <option value="">No label (import unlabelled)</option>
          {columns.map((column) => (
            <option key={column} value={column}>
              {column}
            </option>
          ))}
        </select>
      </div>
    </fieldset>
  );
}
