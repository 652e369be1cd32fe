/** The Train page, before training exists: what it will do, what it needs, and the real counts. */
import { useRpc } from '../../api/use-rpc';
import { useSettings } from '../../app/settings-context';
import { InlineError } from '../../components/inline-error';
import { PageHeader } from '../../components/page-header';
import { PrerequisiteList } from '../../components/prerequisite-list';
import { StatCard } from '../../components/stat-card';
import { StatGrid } from '../../components/stat-grid';
import { UpcomingFeature } from '../../components/upcoming-feature';

/** Placeholder for training with live prerequisites. */
export function TrainPage() {
  const summary = useRpc('dataset.summary', {}, { refreshOn: ['dataset.changed'] });
  const { settings } = useSettings();
  const data = summary.data;
  const labelledCategories = data?.categories.filter((c) => c.documents > 0).length;
  return (
    <>
      <PageHeader title="Train" description="Fit a job-category classifier on your labelled resumes, locally." />
      {summary.error ? <InlineError title="Could not load the dataset summary" error={summary.error} onRetry={summary.reload} /> : null}
      <StatGrid label="Training counts">
        <StatCard label="Labelled resumes" icon="label" value={data?.labelled} />
        <StatCard label="Categories" icon="categories" value={labelledCategories} />
        <StatCard label="Training runs" icon="train" value={data?.trainingRuns} />
        <StatCard label="Models" icon="predict" value={data?.models} />
      </StatGrid>
      <section className="card" aria-labelledby="needs-title">
        <h2 id="needs-title">Before you can train</h2>
        <PrerequisiteList
          items={[
            { label: 'Import and label resumes first', detail: `${data?.labelled ?? '…'} labelled so far`, isMet: data ? data.labelled > 0 : undefined },
            {
              label: 'At least two categories',
              detail: 'A classifier needs something to tell apart.',
              isMet: labelledCategories === undefined ? undefined : labelledCategories >= 2,
            },
          ]}
        />
      </section>
      <UpcomingFeature
        title="What this page will offer"
        items={[
          `Engine choice: the fast sparse trainer or mljs (your default: ${settings?.defaultEngine ?? '…'})`,
          `A held-out test split (${settings ? Math.round(settings.testFraction * 100) : '…'}% by default) and a fixed seed (${settings?.seed ?? '…'}) for repeatable runs`,
          'Live progress with a Cancel button, off the main thread',
          'A history of runs, each kept with its model and metrics',
        ]}
        note="Training arrives with the training engine; defaults can already be set in Settings."
      />
    </>
  );
}
