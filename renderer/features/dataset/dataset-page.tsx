/** The Dataset page: the overview, or one import's report when the URL names it. */
import { ImportReport } from '../import/import-report';
import { useImportReportId } from '../import/use-import-report-route';
import { DatasetOverview } from './dataset-overview';

/** Shows what the local dataset holds and how it got there. */
export function DatasetPage() {
  const reportJobId = useImportReportId();
  return reportJobId === null ? <DatasetOverview /> : <ImportReport key={reportJobId} jobId={reportJobId} />;
}
