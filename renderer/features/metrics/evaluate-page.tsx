/** The Evaluate page, before metrics exist: what it will show and what it needs first. */
import { useRpc } from '../../api/use-rpc';
import { InlineError } from '../../components/inline-error';
import { PageHeader } from '../../components/page-header';
import { PrerequisiteList } from '../../components/prerequisite-list';
import { StatCard } from '../../components/stat-card';
import { StatGrid } from '../../components/stat-grid';
import { UpcomingFeature } from '../../components/upcoming-feature';

/** Placeholder for run metrics with the real run and model counts. */
export function EvaluatePage() {
  const summary = useRpc('dataset.summary', {}, { refreshOn: ['dataset.changed'] });
  const data = summary.data;
  return (
    <>
      <PageHeader title="Evaluate" description="See how well a trained model sorts resumes it has not seen." />
      {summary.error ? <InlineError title="Could not load the dataset summary" error={summary.error} onRetry={summary.reload} /> : null}
      <StatGrid label="Evaluation counts">
        <StatCard label="Training runs" icon="train" value={data?.trainingRuns} />
        <StatCard label="Models" icon="predict" value={data?.models} />
      </StatGrid>
      <section className="card" aria-labelledby="needs-title">
        <h2 id="needs-title">Before you can evaluate</h2>
        <PrerequisiteList
          items={[
            { label: 'Import and label resumes', detail: `${data?.labelled ?? '…'} labelled so far`, isMet: data ? data.labelled > 0 : undefined },
            { label: 'Finish a training run', detail: `${data?.trainingRuns ?? '…'} runs so far`, isMet: data ? data.trainingRuns > 0 : undefined },
          ]}
        />
      </section>
      <UpcomingFeature
        title="What this page will offer"
        items={[
          'Accuracy and macro-averaged F1 on the held-out split',
          'Precision, recall and F1 per category',
          'A confusion matrix where every cell opens the resumes behind it',
          'Side-by-side comparison of runs',
        ]}
        note="Metrics arrive with the training engine."
      />
    </>
  );
}
