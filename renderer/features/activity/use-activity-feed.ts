/**
 * Feeds the activity registry from backend events, so a kind of long work shows in the status
 * line with a few lines of wiring: imports (features/import/use-import-activity.ts), training runs
 * (features/training/use-training-activity.ts) and prediction batches
 * (features/predict/use-batch-activity.ts). One event may carry both progress and the end (a
 * batch's state): `fromProgress` and `finishedId` then return null for what they do not describe.
 */
import { useEffect, useRef } from 'react';
import type { EventMap, EventName } from '../../../preload/contract';
import { useStudio } from '../../api/studio-context';
import { useActivityStore } from './activity-context';
import type { Activity } from './activity-store';

/** How one kind of work maps its events to activities. */
export interface ActivityFeed<P extends EventName, F extends EventName> {
  kind: string;
  /** The event carrying progress, and the activity it describes (null: not progress of running work). */
  progressed: P;
  fromProgress(payload: EventMap[P]): Activity | null;
  /** The event saying the work ended, and which activity it ends (null: it did not end). */
  finished: F;
  finishedId(payload: EventMap[F]): string | null;
  /** What is running now; asked on mount and after every reconnect (events sent meanwhile are lost). */
  loadRunning?(): Promise<Activity[]>;
}

/** Keeps the registry's entries of `feed.kind` in step with the backend for as long as it is mounted. */
export function useActivityFeed<P extends EventName, F extends EventName>(feed: ActivityFeed<P, F>): void {
  const client = useStudio();
  const store = useActivityStore();
  const latest = useRef(feed);
  useEffect(() => {
    latest.current = feed;
  });
  const { kind, progressed, finished } = feed;

  useEffect(() => {
    const offProgress = client.on(progressed, (payload) => {
      const activity = latest.current.fromProgress(payload);
      if (activity) store.update(activity);
    });
    const offFinished = client.on(finished, (payload) => {
      const id = latest.current.finishedId(payload);
      if (id !== null) store.end(id);
    });
    return () => {
      offProgress();
      offFinished();
    };
  }, [client, store, progressed, finished]);

  useEffect(() => {
    let isCurrent = true;
    const sync = () => {
      const load = latest.current.loadRunning;
      if (!load) return;
      const since = store.mark();
      load().then(
        (running) => isCurrent && store.replaceKind(kind, running, since),
        () => undefined, // offline: the next reconnect asks again
      );
    };
    sync();
    let wasDown = false;
    const offConnection = client.connection.subscribe(() => {
      const state = client.connection.get();
      if (state === 'connected' && wasDown) sync();
      wasDown = state !== 'connected';
    });
    return () => {
      isCurrent = false;
      offConnection();
    };
  }, [client, store, kind]);
}
