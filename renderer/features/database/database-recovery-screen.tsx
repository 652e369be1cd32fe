/**
 * The page a damaged database gets in browser mode: what is wrong, and one button that restores
 * the newest intact backup (or, with none, starts with an empty database); the damaged file is
 * kept aside either way, and the screen says where.
 */
import { useState } from 'react';
import type { DatabaseHealth, RestoreOutcome } from '../../../preload/contract';
import { toRpcCallError, type RpcCallError } from '../../api/rpc-call-error';
import { useStudio } from '../../api/studio-context';
import { InlineError } from '../../components/inline-error';

const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** The damage, the way back, and after a restore what was done. */
export function DatabaseRecoveryScreen({ health, onOpened }: { health: DatabaseHealth; onOpened(): void }) {
  const client = useStudio();
  const [isRestoring, setIsRestoring] = useState(false);
  const [outcome, setOutcome] = useState<RestoreOutcome | null>(null);
  const [error, setError] = useState<RpcCallError | null>(null);
  const from = health.backup ? 'backup' : 'empty';
  const restore = () => {
    setIsRestoring(true);
    setError(null);
    client.call('app.restoreDatabase', { from }).then(setOutcome, (failure: unknown) => {
      setError(toRpcCallError(failure, 'app.restoreDatabase'));
      setIsRestoring(false);
    });
  };

  if (outcome) {
    return (
      <main className="crash recovery" aria-labelledby="recovery-title">
        <h1 id="recovery-title">{outcome.restoredFrom ? 'The backup is restored' : 'Starting with an empty database'}</h1>
        <p role="status">
          {outcome.restoredFrom ? `Resume Studio now runs on the backup ${outcome.restoredFrom}.` : 'Resume Studio now runs on a new, empty database.'} The
          damaged file is kept, not deleted:
        </p>
        <ul className="recovery-paths">
          {outcome.keptAsidePaths.map((kept) => (
            <li key={kept}>{kept}</li>
          ))}
        </ul>
        <div className="button-row">
          <button type="button" className="button primary" onClick={onOpened}>
            Open Resume Studio
          </button>
        </div>
      </main>
    );
  }

  return (
    <main className="crash recovery" aria-labelledby="recovery-title">
      <h1 id="recovery-title">The database is damaged</h1>
      <p className="crash-message">{health.message}</p>
      {health.backup ? (
        <p>
          The newest intact backup was made on {timeFormat.format(new Date(health.backup.modifiedAt))}. Restoring it loses the changes made since then; the
          damaged file is moved aside and kept.
        </p>
      ) : (
        <p>There is no intact backup. Starting afresh moves the damaged file aside (it is kept) and creates an empty database.</p>
      )}
      {error ? <InlineError title="The database could not be restored" error={error} /> : null}
      <div className="button-row">
        <button type="button" className="button primary" onClick={restore} disabled={isRestoring}>
          {isRestoring ? 'Restoring…' : health.backup ? 'Restore the backup' : 'Start with an empty database'}
        </button>
      </div>
    </main>
  );
}
