/**
 * A page's tour hint: one short, dismissible note saying where the user is in the tour and what
 * comes next. Dismissals are stored in settings (`dismissedHints`), so they survive a reload and a
 * restart; Help → Show tour hints empties the list.
 */
import { useState } from 'react';
import type { TourHintId } from '../../../preload/contract';
import { toRpcCallError } from '../../api/rpc-call-error';
import { useSettings } from '../../app/settings-context';
import { tourHintTexts } from './tour-hints';
import { ErrorMessage } from '../../components/error-message';

/** The hint of page `id`, unless dismissed (nothing while settings load, so a dismissed hint never flashes). */
export function TourHint({ id }: { id: TourHintId }) {
  const { settings, save } = useSettings();
  // Hidden at once on Dismiss; the stored list catches up a moment later.
  const [isHiding, setIsHiding] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!settings || settings.dismissedHints.includes(id)) return null;
  if (isHiding && !error) return null;

  const dismiss = () => {
    setIsHiding(true);
    setError(null);
    // The button goes away with the hint: keep keyboard focus on the page rather than lose it to <body>.
    document.getElementById('page-title')?.focus();
    save({ dismissedHints: [...settings.dismissedHints.filter((d) => d !== id), id] }).then(
      () => setIsHiding(false),
      (caught: unknown) => setError(`Could not dismiss the hint: ${toRpcCallError(caught, 'settings.set').message}`),
    );
  };
  const text = tourHintTexts[id];
  return (
    <section className="tour-hint" aria-label="Tour hint" data-testid="tour-hint">
      <div className="tour-hint-text">
        <strong className="tour-hint-step">{text.step}</strong>
        <p>{text.body}</p>
        <ErrorMessage message={error} />
      </div>
      <button type="button" className="button" onClick={dismiss}>
        Dismiss hint
      </button>
    </section>
  );
}
