/**
 * What a transport serves while the database is damaged: a dispatcher that answers only
 * `app.databaseHealth` and `app.restoreDatabase` (every other method says, in the damage sentence,
 * why it cannot run), and a restore that hands over to the normal core once it opens. Browser mode
 * uses it behind the bridge; the Electron shell asks with a native dialog instead. Plain Node.
 */
import { contract, type DatabaseHealth } from '../../preload/contract';
import { createDispatcher, type Dispatcher } from '../rpc/dispatcher';
import { DatabaseDamagedError } from '../store/integrity';
import { restoreDatabase } from '../store/restore';

/** The part of the contract a damaged start can serve. */
const recoveryContract = { 'app.databaseHealth': contract['app.databaseHealth'], 'app.restoreDatabase': contract['app.restoreDatabase'] };

/** The health the UI's recovery screen shows for a refused database. */
export function damagedHealth(damaged: DatabaseDamagedError): DatabaseHealth {
  return {
    status: 'damaged',
    databasePath: damaged.databasePath,
    message: damaged.message,
    problems: damaged.problems,
    backup: damaged.backup ? { path: damaged.backup.path, modifiedAt: new Date(damaged.backup.modifiedMs).toISOString() } : null,
  };
}

/** What the recovery dispatcher needs. */
export interface RecoveryOptions {
  damaged: DatabaseDamagedError;
  /** Opens the normal core after a restore; its failure is the restore call's answer. */
  reopen(): Promise<void>;
  now?: () => Date;
}

/** A dispatcher for a start whose database was refused as damaged. */
export function createRecoveryDispatcher(options: RecoveryOptions): Dispatcher {
  let damaged = options.damaged;
  const inner = createDispatcher(recoveryContract, {
    'app.databaseHealth': () => damagedHealth(damaged),
    'app.restoreDatabase': async ({ from }) => {
      const outcome = restoreDatabase(damaged.databasePath, from, options.now);
      try {
        await options.reopen();
      } catch (error) {
        // Restored but still refused (e.g. the backup was damaged after it was checked): the
        // next screen shows the new finding.
        if (error instanceof DatabaseDamagedError) damaged = error;
        throw error;
      }
      return outcome;
    },
  });
  return {
    has: inner.has,
    async dispatch(method, input) {
      if (inner.has(method)) return inner.dispatch(method, input);
      return { ok: false, error: { code: 'failed', message: damaged.message } };
    },
  };
}
