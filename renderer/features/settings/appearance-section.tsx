/** The theme setting; saved on change, so the whole app switches live. */
import { useState } from 'react';
import type { Settings } from '../../../preload/contract';
import { useSettings } from '../../app/settings-context';
import { ChoiceGroup } from '../../components/choice-group';
import { ErrorMessage } from '../../components/error-message';

const themeChoices = [
  { value: 'system', label: 'System' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
] as const;

/** Theme picker with its own error line. */
export function AppearanceSection() {
  const { settings, save } = useSettings();
  const [error, setError] = useState<string | null>(null);
  const choose = (theme: Settings['theme']) => {
    setError(null);
    save({ theme }).catch((cause: unknown) => setError(cause instanceof Error ? cause.message : String(cause)));
  };
  return (
    <section className="card" aria-labelledby="appearance-title">
      <h2 id="appearance-title">Appearance</h2>
      <ChoiceGroup legend="Theme" name="theme" value={settings?.theme} choices={themeChoices} onChange={choose} disabled={!settings} describedBy="theme-hint" />
      <p id="theme-hint" className="field-hint">
        System follows your operating system&rsquo;s light or dark mode. Changes apply and save immediately.
      </p>
      <ErrorMessage message={error} kind="field" />
    </section>
  );
}
