/** The Predict page, before prediction exists: what it will do and what it needs first. */
import { useRpc } from '../../api/use-rpc';
import { InlineError } from '../../components/inline-error';
import { PageHeader } from '../../components/page-header';
import { PrerequisiteList } from '../../components/prerequisite-list';
import { StatCard } from '../../components/stat-card';
import { StatGrid } from '../../components/stat-grid';
import { UpcomingFeature } from '../../components/upcoming-feature';

/** Placeholder for prediction with the real model count. */
export function PredictPage() {
  const summary = useRpc('dataset.summary', {}, { refreshOn: ['dataset.changed'] });
  const data = summary.data;
  return (
    <>
      <PageHeader title="Predict" description="Drop in a new resume and see which job category it fits, and why." />
      {summary.error ? <InlineError title="Could not load the dataset summary" error={summary.error} onRetry={summary.reload} /> : null}
      <StatGrid label="Prediction counts">
        <StatCard label="Models" icon="predict" value={data?.models} />
      </StatGrid>
      <section className="card" aria-labelledby="needs-title">
        <h2 id="needs-title">Before you can predict</h2>
        <PrerequisiteList
          items={[
            { label: 'Import and label resumes', detail: `${data?.labelled ?? '…'} labelled so far`, isMet: data ? data.labelled > 0 : undefined },
            { label: 'Train a model', detail: `${data?.models ?? '…'} models so far`, isMet: data ? data.models > 0 : undefined },
          ]}
        />
      </section>
      <UpcomingFeature
        title="What this page will offer"
        items={[
          'Paste text or drop a PDF, DOCX or text file',
          'The predicted category with a probability for every category',
          'The words that pushed the prediction each way',
        ]}
        note="Prediction arrives once a model can be trained."
      />
    </>
  );
}
