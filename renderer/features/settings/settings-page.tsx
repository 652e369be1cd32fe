/** The Settings page: appearance, privacy (blind mode), training defaults and the prediction API, bound to settings.* and api.*. */
import { useSettings } from '../../app/settings-context';
import { InlineError } from '../../components/inline-error';
import { PageHeader } from '../../components/page-header';
import { ApiSection } from './api-section';
import { AppearanceSection } from './appearance-section';
import { PrivacySection } from './privacy-section';
import { TrainingDefaultsForm } from './training-defaults-form';

/** Settings, stored in the data directory's database. */
export function SettingsPage() {
  const { loadError, reload } = useSettings();
  return (
    <>
      <PageHeader title="Settings" description="Stored with your data, so they follow the data directory." />
      {loadError ? <InlineError title="Could not load settings" error={loadError} onRetry={reload} /> : null}
      <AppearanceSection />
      <PrivacySection />
      <TrainingDefaultsForm />
      <ApiSection />
    </>
  );
}
