/** Blind mode and what stays on this machine; saved on change, so every page masks at once. */
import { useState } from 'react';
import { useSettings } from '../../app/settings-context';
import { ErrorMessage } from '../../components/error-message';

/** The privacy settings with their own error line. */
export function PrivacySection() {
  const { settings, save } = useSettings();
  const [error, setError] = useState<string | null>(null);
  // The box follows the click at once; the saved value takes over when the backend answers.
  const [pending, setPending] = useState<boolean | null>(null);
  const toggle = (blindMode: boolean) => {
    setError(null);
    setPending(blindMode);
    save({ blindMode })
      .catch((cause: unknown) => setError(cause instanceof Error ? cause.message : String(cause)))
      .finally(() => setPending(null));
  };
  return (
    <section className="card" aria-labelledby="privacy-title">
      <h2 id="privacy-title">Privacy</h2>
      <label className="checkbox-field">
        <input
          type="checkbox"
          checked={pending ?? settings?.blindMode ?? false}
          disabled={!settings}
          aria-describedby="blind-mode-hint"
          onChange={(event) => toggle(event.target.checked)}
        />
        Blind mode
      </label>
      <p id="blind-mode-hint" className="field-hint">
        Hides names, e-mail addresses, phone numbers, street addresses and web links in every view that shows a resume or a file name, and removes them from the
        text before training and prediction, so a model trained blind never learns them. Names are found in the resume&rsquo;s first lines, in
        &ldquo;Name:&rdquo; fields and from the file name, so a name mentioned only in running text can still show. Applies and saves immediately.
      </p>
      <p className="field-hint">Everything stays on this machine: Resume Studio sends no telemetry and makes no outgoing network requests.</p>
      <ErrorMessage message={error} kind="field" />
    </section>
  );
}
