/**
 * The one row of `import_lock`: which process is importing into this data folder. Claimed inside a
 * write transaction (BEGIN IMMEDIATE), so checking the holder and writing ourselves is one atomic
 * step across processes. Plain Node; used by main/import/import-lock.ts only.
 */
import type { Db } from './database';

/** The process recorded as holding the lock. */
export interface LockHolder {
  pid: number;
  startTime: string | null;
  hostName: string;
  acquiredAt: string;
}

interface Row {
  pid: number;
  start_time: string | null;
  host_name: string;
  acquired_at: string;
}

const toHolder = (row: Row): LockHolder => ({ pid: row.pid, startTime: row.start_time, hostName: row.host_name, acquiredAt: row.acquired_at });

/** Reads and writes the lock row. */
export function createImportLockRepo(db: Db) {
  const select = db.prepare<[], Row>('SELECT pid, start_time, host_name, acquired_at FROM import_lock WHERE id = 1');
  const upsert = db.prepare<[number, string | null, string]>(
    "INSERT OR REPLACE INTO import_lock (id, pid, start_time, host_name, acquired_at) VALUES (1, ?, ?, ?, strftime('%Y-%m-%dT%H:%M:%fZ','now'))",
  );
  const remove = db.prepare<[number, string | null]>('DELETE FROM import_lock WHERE id = 1 AND pid = ? AND start_time IS ?');
  const holder = (): LockHolder | null => {
    const row = select.get();
    return row ? toHolder(row) : null;
  };
  return {
    holder,
    /**
     * In one write transaction: reads the holder, asks `mayTake` whether it may be replaced (null =
     * free), and if so writes `me`. Returns the holder that was there and whether we took it.
     */
    claim(me: { pid: number; startTime: string | null; hostName: string }, mayTake: (current: LockHolder | null) => boolean) {
      return db
        .transaction(() => {
          const current = holder();
          if (!mayTake(current)) return { taken: false, previous: current };
          upsert.run(me.pid, me.startTime, me.hostName);
          return { taken: true, previous: current };
        })
        .immediate();
    },
    /** Deletes the row if it still names `me`. */
    release(me: { pid: number; startTime: string | null }) {
      remove.run(me.pid, me.startTime);
    },
  };
}

/** The lock repository's type. */
export type ImportLockRepo = ReturnType<typeof createImportLockRepo>;
