/**
 * Feeds the activity registry from backend events, so a kind of long work shows in the status
 * line with a few lines of wiring. Imports use it now; training plugs in the same way:
 *
 *   useActivityFeed({ kind: 'training', progressed: 'training.progressed', finished: 'training.finished',
 *     fromProgress: (p) => ({ id: `training:${p.runId}`, kind: 'training', label: 'Training', … }),
 *     finishedId: (run) => `training:${run.id}`, loadRunning: … });
 */
import { useEffect, useRef } from 'react';
import type { EventMap, EventName } from '../../../preload/contract';
import { useStudio } from '../../api/studio-context';
import { useActivityStore } from './activity-context';
import type { Activity } from './activity-store';

/** How one kind of work maps its events to activities. */
export interface ActivityFeed<P extends EventName, F extends EventName> {
  kind: string;
  /** The event carrying progress, and the activity it describes. */
  progressed: P;
  fromProgress(payload: EventMap[P]): Activity;
  /** The event saying the work ended, and which activity it ends. */
  finished: F;
  finishedId(payload: EventMap[F]): string;
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
    const offProgress = client.on(progressed, (payload) => store.update(latest.current.fromProgress(payload)));
    const offFinished = client.on(finished, (payload) => store.end(latest.current.finishedId(payload)));
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
