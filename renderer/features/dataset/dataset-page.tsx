/** The Dataset page: real counts from `dataset.summary`, the categories, or how to get started. */
import { useRpc } from '../../api/use-rpc';
import { InlineError } from '../../components/inline-error';
import { PageHeader } from '../../components/page-header';
import { StatCard } from '../../components/stat-card';
import { StatGrid } from '../../components/stat-grid';
import { CategoryTable } from './category-table';
import { DatasetEmptyState } from './dataset-empty-state';

/** Shows what the local dataset holds. */
export function DatasetPage() {
  const summary = useRpc('dataset.summary', {}, { refreshOn: ['dataset.changed'] });
  const data = summary.data;
  const labelledShare = data && data.documents > 0 ? `${Math.round((data.labelled / data.documents) * 100)}% of documents` : 'no documents yet';
  return (
    <>
      <PageHeader title="Dataset" description="The resumes the classifier learns from. Everything stays on this computer." />
      {summary.error ? <InlineError title="Could not load the dataset summary" error={summary.error} onRetry={summary.reload} /> : null}
      <StatGrid label="Dataset counts">
        <StatCard label="Documents" icon="documents" value={data?.documents} detail={data ? `${data.unlabelled.toLocaleString()} unlabelled` : undefined} />
        <StatCard label="Labelled" icon="label" value={data?.labelled} detail={data ? labelledShare : undefined} />
        <StatCard label="Categories" icon="categories" value={data?.categories.length} detail="job categories with resumes" />
        <StatCard label="Import jobs" icon="import" value={data?.importJobs} detail="folders or files imported" />
      </StatGrid>
      {data && data.documents === 0 ? <DatasetEmptyState /> : null}
      {data && data.categories.length > 0 ? <CategoryTable categories={data.categories} /> : null}
    </>
  );
}
