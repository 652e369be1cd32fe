/** The list of import jobs on the Dataset page, newest first. */
import type { ImportJob } from '../../../preload/contract';
import { ImportJobRow } from './import-job-row';

/** A card with one row per job; nothing at all when there are none. */
export function ImportJobsCard({ jobs }: { jobs: ImportJob[] }) {
  if (jobs.length === 0) return null;
  return (
    <section className="card" aria-labelledby="import-jobs-title">
      <h2 id="import-jobs-title">Imports</h2>
      <table className="data-table jobs-table">
        <thead>
          <tr>
            <th scope="col">Source</th>
            <th scope="col">State</th>
            <th scope="col" className="numeric">
              Files
            </th>
            <th scope="col" className="numeric">
              Imported
            </th>
            <th scope="col" className="numeric">
              Problems
            </th>
            <th scope="col">Started</th>
            <th scope="col">
              <span className="visually-hidden">Report</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {jobs.map((job) => (
            // Keyed by state too: a resumed job starts following its progress afresh.
            <ImportJobRow key={`${job.id}-${job.state}`} initialJob={job} />
          ))}
        </tbody>
      </table>
    </section>
  );
}
