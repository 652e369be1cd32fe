/** The Dataset page: the overview, one import's report, or a curation view (resumes, duplicates), as the URL names. */
import { DuplicatesView } from '../curation/duplicates-view';
import { ResumesView } from '../curation/resumes-view';
import { useCurationView } from '../curation/use-curation-url';
import { ImportReport } from '../import/import-report';
import { useImportReportId } from '../import/use-import-report-route';
import { DatasetOverview } from './dataset-overview';

/** Shows what the local dataset holds, how it got there, and the views to curate it. */
export function DatasetPage() {
  const reportJobId = useImportReportId();
  const curationView = useCurationView();
  if (reportJobId !== null) return <ImportReport key={reportJobId} jobId={reportJobId} />;
  if (curationView === 'resumes') return <ResumesView />;
  if (curationView === 'duplicates') return <DuplicatesView />;
  return <DatasetOverview />;
}
