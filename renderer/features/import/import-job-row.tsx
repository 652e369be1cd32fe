/** One past or running import in the jobs list: source, state, counts, start time and a report link. */
import type { ImportJob } from '../../../preload/contract';
import { importReportHash } from '../../app/routes';
import { useIsBackendReachable } from '../../api/use-connection-state';
import { ProgressMeter } from '../../components/progress-meter';
import { compactPath, jobStateLabel, problemCount } from './import-format';
import { formatCount } from '../../format/numbers';
import { useLiveImportJob } from './use-live-import-job';

const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A table row; a running job shows a live progress bar instead of its final counts. */
export function ImportJobRow({ initialJob }: { initialJob: ImportJob }) {
  const { job } = useLiveImportJob(initialJob);
  const isReachable = useIsBackendReachable();
  const isUnknown = job.state === 'running' && !isReachable;
  const done = `${formatCount(job.doneFiles)} / ${formatCount(job.totalFiles)}`;
  return (
    <tr>
      <th scope="row">
        <span className="job-source" title={job.rootPath}>
          {compactPath(job.rootPath, 36)}
        </span>
        <span className="job-kind">{job.kind.toUpperCase()}</span>
      </th>
      <td>
        <span className={`job-state state-${isUnknown ? 'unknown' : job.state}`}>{isUnknown ? 'Server unreachable' : jobStateLabel[job.state]}</span>
      </td>
      <td className="numeric">
        {job.state === 'running' ? (
          <div className="job-progress">
            <ProgressMeter label={`Import ${job.id} progress`} value={job.doneFiles} max={Math.max(job.totalFiles, 1)} valueText={`${done} files`} />
            <span>{done}</span>
          </div>
        ) : (
          done
        )}
      </td>
      <td className="numeric">{formatCount(job.counts.imported ?? 0)}</td>
      <td className="numeric">{formatCount(problemCount(job.counts))}</td>
      <td>
        <time dateTime={job.startedAt}>{timeFormat.format(new Date(job.startedAt))}</time>
      </td>
      <td>
        <a href={importReportHash(job.id)} aria-label={`Report of import ${job.id} (${compactPath(job.rootPath)})`}>
          Report
        </a>
      </td>
    </tr>
  );
}
