/** A labelled progress bar exposing role=progressbar with its current value and maximum. */

/** Shows `value` of `max`; `valueText` is what assistive technology reads (e.g. "40 of 120 files"). */
export function ProgressMeter({ label, value, max, valueText }: { label: string; value: number; max: number; valueText: string }) {
  const percent = max > 0 ? Math.min(100, (value / max) * 100) : 0;
  return (
    <div
      className="progress-meter"
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={max}
      aria-valuenow={value}
      aria-valuetext={valueText}
    >
      <div className="progress-fill" style={{ width: `${percent}%` }} />
    </div>
  );
}
