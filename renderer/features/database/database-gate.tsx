/**
 * Asks once, before the app mounts, whether the backend opened its database. A damaged one gets
 * the recovery screen instead of an app whose every call would fail; any other answer (healthy,
 * no session, server gone) lets the app start and say what it says today. A healthy database whose
 * opening had to do something first (an empty file kept aside) shows that sentence above the app.
 */
import { useEffect, useState, type ReactNode } from 'react';
import type { DatabaseHealth } from '../../../preload/contract';
import { useStudio } from '../../api/studio-context';
import { DatabaseRecoveryScreen } from './database-recovery-screen';

/** Renders `children`, or the recovery screen while the database is damaged. */
export function DatabaseGate({ children }: { children: ReactNode }) {
  const client = useStudio();
  const [damaged, setDamaged] = useState<DatabaseHealth | null | undefined>(undefined);
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => {
    let isCurrent = true;
    client.call('app.databaseHealth', {}).then(
      (health) => {
        if (!isCurrent) return;
        setDamaged(health.status === 'damaged' ? health : null);
        if (health.status === 'ok') setNotice(health.message);
      },
      () => isCurrent && setDamaged(null),
    );
    return () => {
      isCurrent = false;
    };
  }, [client]);
  // A local call: the app appears a few milliseconds later rather than flashing errors first.
  if (damaged === undefined) return null;
  if (damaged) return <DatabaseRecoveryScreen health={damaged} onOpened={() => setDamaged(null)} />;
  if (!notice) return children;
  return (
    <>
      <div role="status" className="database-notice">
        {notice}{' '}
        <button type="button" onClick={() => setNotice(null)}>
          Dismiss
        </button>
      </div>
      {children}
    </>
  );
}
