/**
 * The registry of long work the status line shows: imports, training runs and prediction batches. Producers (event feeds, the buttons that start work) write activities here; the
 * status line reads them. A plain observable, so it is unit-tested without React.
 */

/** One piece of long work, as the status line shows it. */
export interface Activity {
  /** Unique across kinds: `${kind}:${id}`, e.g. `import:12`. */
  id: string;
  /** Which producer owns it (`import`, `training`, …): a feed replaces only its own kind. */
  kind: string;
  /** What is happening, as a verb phrase: "Importing", "Training". */
  label: string;
  /** Units done so far and in total; total null while the total is not known yet. */
  done: number;
  total: number | null;
  /** The unit counted, plural: "files", "documents"; "percent" shows done / total as a percentage (a training run's fraction). */
  unit: string;
  etaSeconds: number | null;
  /** Stops the work; absent when it cannot be cancelled. */
  cancel?: () => Promise<unknown>;
  /** Shows the work's own view (e.g. the Import dialog on its progress). */
  open?: () => void;
}

/** Read and write access to the registry. */
export interface ActivityStore {
  /** Everything running, oldest first (stable array until something changes). */
  list(): readonly Activity[];
  /** Work this window just started or resumed: shown even if an earlier run of the same id ended. */
  begin(activity: Activity): void;
  /** News from an event or a poll; ignored for work already known to have ended. */
  update(activity: Activity): void;
  /** The work ended: removed, and later stale news about it is ignored until it begins again. */
  end(id: string): void;
  /** A point in the registry's history, taken before asking the backend what is running. */
  mark(): number;
  /**
   * What a feed found running, asked at `since` (a mark): its kind's other entries have ended.
   * Work that ended after `since` stays ended: the answer was already stale.
   */
  replaceKind(kind: string, running: readonly Activity[], since: number): void;
  subscribe(listener: () => void): () => void;
}

/** Creates an empty registry. */
export function createActivityStore(): ActivityStore {
  let activities: readonly Activity[] = [];
  const ended = new Set<string>();
  // id → the step of its last begin or end: a step counter rather than a clock, so no ties.
  const changedAt = new Map<string, number>();
  let step = 0;
  const listeners = new Set<() => void>();
  const publish = (next: readonly Activity[]) => {
    activities = next;
    for (const listener of [...listeners]) listener();
  };
  const merge = (list: readonly Activity[], activity: Activity): readonly Activity[] => {
    const index = list.findIndex((a) => a.id === activity.id);
    return index < 0 ? [...list, activity] : list.map((a, i) => (i === index ? { ...a, ...activity } : a));
  };
  return {
    list: () => activities,
    begin(activity) {
      step += 1;
      changedAt.set(activity.id, step);
      ended.delete(activity.id);
      publish(merge(activities, activity));
    },
    update(activity) {
      if (!ended.has(activity.id)) publish(merge(activities, activity));
    },
    end(id) {
      step += 1;
      changedAt.set(id, step);
      ended.add(id);
      if (activities.some((a) => a.id === id)) publish(activities.filter((a) => a.id !== id));
    },
    mark: () => step,
    replaceKind(kind, found, since) {
      // What this window began or saw end after the question was asked is newer than the answer.
      const isNewer = (id: string) => (changedAt.get(id) ?? 0) > since;
      const running = found.filter((a) => !isNewer(a.id));
      const ids = new Set(running.map((a) => a.id));
      const stopped = activities.filter((a) => a.kind === kind && !ids.has(a.id) && !isNewer(a.id));
      for (const a of stopped) ended.add(a.id);
      for (const a of running) ended.delete(a.id);
      const kept = activities.filter((a) => !stopped.includes(a));
      publish(running.reduce(merge, kept));
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
