/**
 * The Help entry at the bottom of the sidebar: a disclosure with the tour's steps and "Show tour
 * hints", which brings back every dismissed hint (the same as Help → Show Tour Hints in Electron).
 */
import { useEffect, useId, useRef, useState } from 'react';
import { toRpcCallError } from '../../api/rpc-call-error';
import { useSettings } from '../../app/settings-context';
import { Icon } from '../../components/icon';

/** The Help button and its panel; Escape or a click elsewhere closes it. */
export function HelpPanel() {
  const { settings, save } = useSettings();
  const [isOpen, setIsOpen] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const panelId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!isOpen) return;
    const closeOutside = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setIsOpen(false);
    };
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setIsOpen(false);
      buttonRef.current?.focus();
    };
    document.addEventListener('pointerdown', closeOutside);
    document.addEventListener('keydown', closeOnEscape);
    return () => {
      document.removeEventListener('pointerdown', closeOutside);
      document.removeEventListener('keydown', closeOnEscape);
    };
  }, [isOpen]);

  const dismissedCount = settings?.dismissedHints.length ?? 0;
  const showHints = () => {
    setMessage(null);
    save({ dismissedHints: [] }).then(
      () => setMessage('The tour hints are back on the Dataset, Train, Evaluate and Predict pages.'),
      (caught: unknown) => setMessage(`Could not show the hints: ${toRpcCallError(caught, 'settings.set').message}`),
    );
  };

  return (
    <div className="help" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="nav-link help-button"
        aria-expanded={isOpen}
        aria-controls={panelId}
        onClick={() => {
          setMessage(null);
          setIsOpen(!isOpen);
        }}
      >
        <Icon name="help" />
        <span className="nav-label">Help</span>
      </button>
      {isOpen ? (
        <div id={panelId} className="help-panel" role="group" aria-label="Help">
          <p>The tour: import resumes, train a model, evaluate it, predict. Each page has a short hint with the next step.</p>
          <button type="button" className="button" onClick={showHints}>
            Show tour hints
          </button>
          {dismissedCount === 0 && !message ? <p className="muted">No hint is dismissed right now.</p> : null}
          <p role="status" className="help-status">
            {message}
          </p>
        </div>
      ) : null}
    </div>
  );
}
