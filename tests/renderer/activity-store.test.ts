import { describe, expect, it, vi } from 'vitest';
import { createActivityStore, type Activity } from '../../renderer/features/activity/activity-store';

const activity = (id: string, done = 0, kind = 'import'): Activity => ({ id, kind, label: 'Importing', done, total: 10, unit: 'files', etaSeconds: null });

describe('activity store', () => {
  it('adds, updates in place and removes, telling subscribers each time', () => {
    const store = createActivityStore();
    const listener = vi.fn();
    store.subscribe(listener);
    store.update(activity('import:1', 1));
    store.update(activity('import:2', 0));
    store.update(activity('import:1', 5));
    expect(store.list().map((a) => [a.id, a.done])).toEqual([
      ['import:1', 5],
      ['import:2', 0],
    ]);
    store.end('import:1');
    expect(store.list().map((a) => a.id)).toEqual(['import:2']);
    expect(listener).toHaveBeenCalledTimes(4);
  });

  it('ignores stale progress for ended work until it begins again', () => {
    const store = createActivityStore();
    store.update(activity('import:1', 3));
    store.end('import:1');
    store.update(activity('import:1', 4));
    expect(store.list()).toEqual([]);
    store.begin({ ...activity('import:1', 0), label: 'Resuming import', total: null });
    store.update(activity('import:1', 6));
    expect(store.list()).toMatchObject([{ id: 'import:1', label: 'Importing', done: 6, total: 10 }]);
  });

  it('replaceKind ends the kind’s work the backend no longer runs and leaves other kinds alone', () => {
    const store = createActivityStore();
    store.update(activity('import:1'));
    store.update(activity('training:7', 2, 'training'));
    store.replaceKind('import', [activity('import:3', 1)], store.mark());
    expect(store.list().map((a) => a.id)).toEqual(['training:7', 'import:3']);
    store.update(activity('import:1', 9));
    expect(store.list().map((a) => a.id)).not.toContain('import:1');
  });

  it('replaceKind does not let an answer asked before a begin or an end undo it', () => {
    const store = createActivityStore();
    store.update(activity('import:1'));
    const since = store.mark();
    // While the question was in flight: import 1 finished and this window resumed import 2.
    store.end('import:1');
    store.begin(activity('import:2'));
    store.replaceKind('import', [activity('import:1', 8)], since);
    expect(store.list().map((a) => a.id)).toEqual(['import:2']);
  });

  it('keeps the same list object while nothing changes', () => {
    const store = createActivityStore();
    store.update(activity('import:1'));
    const list = store.list();
    store.end('import:9');
    expect(store.list()).toBe(list);
  });
});
