/** The table of runs: when, engine, data size, macro-F1, duration, how it ended; choose one to view and two to compare. */
import type { RunSummary } from '../../../preload/contract';
import { formatCount, formatFixed } from '../../format/numbers';

/** Props of RunHistory. */
export interface RunHistoryProps {
  runs: RunSummary[];
  viewedId: number | null;
  onView(runId: number): void;
  compare: { baseId: number | null; runId: number | null };
  onCompare(next: { baseId: number | null; runId: number | null }): void;
}

const when = (iso: string) => iso.replace('T', ' ').slice(0, 19);

/** The history table with compare pickers. */
export function RunHistory({ runs, viewedId, onView, compare, onCompare }: RunHistoryProps) {
  const finished = runs.filter((r) => r.state === 'finished');
  return (
    <section className="card" aria-labelledby="history-title" data-testid="run-history">
      <h2 id="history-title">Run history</h2>
      <div className="table-scroll">
        <table className="data-table">
          <caption className="visually-hidden">Training runs, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Run</th>
              <th scope="col">Started</th>
              <th scope="col">Engine</th>
              <th scope="col" className="numeric">
                Resumes
              </th>
              <th scope="col" className="numeric">
                Macro-F1
              </th>
              <th scope="col" className="numeric">
                Seconds
              </th>
              <th scope="col">Outcome</th>
              <th scope="col">View</th>
            </tr>
          </thead>
          <tbody>
            {runs.map((r) => (
              <tr key={r.id} className={r.id === viewedId ? 'row-open' : undefined}>
                <th scope="row">
                  {r.id}
                  {r.isActiveModel ? ' (active)' : ''}
                </th>
                <td>{when(r.startedAt)}</td>
                <td>{r.engine}</td>
                <td className="numeric">{r.documents === null ? '—' : formatCount(r.documents)}</td>
                <td className="numeric">{r.macroF1 === null ? '—' : formatFixed(r.macroF1, 3)}</td>
                <td className="numeric">{r.durationMs === null ? '—' : formatFixed(r.durationMs / 1000, 1)}</td>
                <td title={r.error ?? undefined}>{r.state}</td>
                <td>
                  {r.state === 'finished' ? (
                    <button type="button" className="link-button" onClick={() => onView(r.id)} aria-pressed={r.id === viewedId}>
                      View run {r.id}
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {finished.length >= 2 ? (
        <div className="field-row compare-pickers">
          <RunPicker id="compare-base" label="Compare run" runs={finished} value={compare.baseId} onChange={(baseId) => onCompare({ ...compare, baseId })} />
          <RunPicker id="compare-run" label="with run" runs={finished} value={compare.runId} onChange={(runId) => onCompare({ ...compare, runId })} />
        </div>
      ) : null}
    </section>
  );
}

/** A select of finished runs ("—" for none). */
function RunPicker(props: { id: string; label: string; runs: readonly { id: number }[]; value: number | null; onChange: (runId: number | null) => void }) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <select id={props.id} value={props.value ?? ''} onChange={(e) => props.onChange(e.target.value ? Number(e.target.value) : null)}>
        <option value="">—</option>
        {props.runs.map((r) => (
          <option key={r.id} value={r.id}>
            Run {r.id}
          </option>
        ))}
      </select>
    </div>
  );
}
