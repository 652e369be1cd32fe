/** The shell's extras without Electron: taskbar progress, crash recovery, unsaved-changes guard, recent folders, open requests. */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RenderProcessGoneDetails, WebContents } from 'electron';
import type { StudioEvent } from '../../../preload/contract';
import { offerReloadAfterCrash } from '../../../main/electron/crash-recovery';
import { createOpenRequests } from '../../../main/electron/open-requests';
import {
  clearRecentFolders,
  dataDirFromArgs,
  foldersFromArgs,
  loadRecentFolders,
  maxRecentFolders,
  rememberRecentFolder,
} from '../../../main/electron/recent-folders';
import { allProgressReaders, followTaskbarProgress, importProgress } from '../../../main/electron/taskbar-progress';
import { confirmLeavingUnsavedChanges } from '../../../main/electron/unsaved-changes';
import { createEventBus } from '../../../main/rpc/event-bus';
import { eventually } from '../../helpers/eventually';
import { makeTempDir } from '../../helpers/temp-dir';
import { trainingProgress } from '../../helpers/training-progress';
import { FakeWebContents, fakeEvent } from './fakes';

const progress = (jobId: number, doneFiles: number, totalFiles: number) =>
  ({
    name: 'import.progressed',
    payload: { jobId, doneFiles, parsedFiles: doneFiles, totalFiles, filesPerSecond: 1, etaSeconds: null, counts: {} },
  }) as StudioEvent;
const finished = (id: number) => ({ name: 'import.finished', payload: { id } }) as unknown as StudioEvent;

describe('taskbar progress', () => {
  it('follows import progress, averages concurrent work and clears the bar at the end', () => {
    const events = createEventBus();
    const setProgress = vi.fn();
    const stop = followTaskbarProgress({ events, readers: [importProgress], setProgress });
    const emit = (event: StudioEvent) => events.emit(event.name, event.payload as never);
    emit(progress(1, 25, 100));
    expect(setProgress).toHaveBeenLastCalledWith(0.25);
    emit(progress(2, 75, 100));
    expect(setProgress).toHaveBeenLastCalledWith(0.5);
    emit(finished(1));
    expect(setProgress).toHaveBeenLastCalledWith(0.75);
    emit(finished(2));
    expect(setProgress).toHaveBeenLastCalledWith(-1);
    // An import with no files yet is at 0, not NaN; unrelated events change nothing.
    emit(progress(3, 0, 0));
    expect(setProgress).toHaveBeenLastCalledWith(0);
    const calls = setProgress.mock.calls.length;
    events.emit('settings.changed', { theme: 'dark' } as never);
    expect(setProgress).toHaveBeenCalledTimes(calls);
    stop();
    emit(progress(3, 50, 100));
    expect(setProgress).toHaveBeenCalledTimes(calls);
  });
});

describe('taskbar progress for training and batch prediction', () => {
  const trained = (runId: number, fraction: number) =>
    ({ name: 'training.progressed', payload: trainingProgress(runId, fraction, { elapsedMs: 1 }) }) as StudioEvent;
  const runEnded = (id: number) => ({ name: 'training.finished', payload: { run: { id, state: 'cancelled' } } }) as unknown as StudioEvent;
  const batch = (id: number, done: number, total: number, state: 'running' | 'cancelled' | 'finished' = 'running') =>
    ({ name: 'predict.batchProgressed', payload: { id, done, total, failed: 0, state } }) as StudioEvent;

  it('a training run moves the bar by its fraction, a batch by files done, together with an import; each end removes its part', () => {
    const events = createEventBus();
    const setProgress = vi.fn();
    const stop = followTaskbarProgress({ events, readers: allProgressReaders, setProgress });
    const emit = (event: StudioEvent) => events.emit(event.name, event.payload as never);
    emit(trained(3, 0.4));
    expect(setProgress).toHaveBeenLastCalledWith(0.4);
    emit(batch(8, 5, 20));
    expect(setProgress).toHaveBeenLastCalledWith((0.4 + 0.25) / 2);
    emit(progress(1, 90, 100));
    expect(setProgress).toHaveBeenLastCalledWith(expect.closeTo((0.4 + 0.25 + 0.9) / 3, 10));
    emit(finished(1));
    emit(runEnded(3));
    expect(setProgress).toHaveBeenLastCalledWith(0.25);
    // A batch with no files counted yet is at 0; a cancelled (or finished) batch clears the bar.
    emit(batch(8, 0, 0));
    expect(setProgress).toHaveBeenLastCalledWith(0);
    emit(batch(8, 6, 20, 'cancelled'));
    expect(setProgress).toHaveBeenLastCalledWith(-1);
    emit(batch(9, 20, 20, 'finished'));
    expect(setProgress).toHaveBeenLastCalledWith(-1);
    stop();
  });
});

describe('renderer crash', () => {
  const gone = (contents: FakeWebContents, reason: RenderProcessGoneDetails['reason']) =>
    contents.emit('render-process-gone', {}, { reason, exitCode: 1 } as RenderProcessGoneDetails);

  it('offers Reload, which reloads the same window (the database stays open in this process)', async () => {
    const contents = Object.assign(new FakeWebContents(), { reload: vi.fn() });
    const ask = vi.fn(async (_message: string, _detail: string, _buttons: string[]) => 0);
    const quit = vi.fn();
    offerReloadAfterCrash(contents as unknown as WebContents, { ask, log: vi.fn(), quit });
    gone(contents, 'crashed');
    await eventually(() => expect(contents.reload).toHaveBeenCalled());
    expect(ask.mock.calls[0]![1]).toMatch(/Your data is safe/);
    expect(ask.mock.calls[0]![2]).toEqual(['Reload', 'Quit']);
    expect(quit).not.toHaveBeenCalled();
  });

  it('quits when asked, and ignores a clean exit', async () => {
    const contents = Object.assign(new FakeWebContents(), { reload: vi.fn() });
    const ask = vi.fn(async (_message: string, _detail: string, _buttons: string[]) => 1);
    const quit = vi.fn();
    offerReloadAfterCrash(contents as unknown as WebContents, { ask, log: vi.fn(), quit });
    gone(contents, 'clean-exit');
    expect(ask).not.toHaveBeenCalled();
    gone(contents, 'oom');
    await eventually(() => expect(quit).toHaveBeenCalled());
    expect(contents.reload).not.toHaveBeenCalled();
  });
});

describe('unsaved changes', () => {
  it('lets the window go only when the user chooses to leave', () => {
    const contents = new FakeWebContents();
    let answer = 0;
    confirmLeavingUnsavedChanges(contents as unknown as WebContents, () => answer);
    const stay = fakeEvent();
    contents.emit('will-prevent-unload', stay);
    expect(stay.preventDefault).not.toHaveBeenCalled();
    answer = 1;
    const leave = fakeEvent();
    contents.emit('will-prevent-unload', leave);
    expect(leave.preventDefault).toHaveBeenCalled();
  });
});

describe('recent data folders', () => {
  let temp: ReturnType<typeof makeTempDir> | undefined;
  afterEach(() => temp?.cleanup());

  it('keeps the newest few, most recent first, once each; survives a corrupt file; clears', () => {
    temp = makeTempDir();
    const file = path.join(temp.dir, 'sub', 'recent.json');
    expect(loadRecentFolders(file)).toEqual([]);
    rememberRecentFolder(file, '/data/a');
    rememberRecentFolder(file, '/data/b');
    expect(rememberRecentFolder(file, '/data/a')).toEqual(['/data/a', '/data/b']);
    for (let i = 0; i < 12; i++) rememberRecentFolder(file, `/data/${i}`);
    expect(loadRecentFolders(file)).toHaveLength(maxRecentFolders);
    expect(loadRecentFolders(file)[0]).toBe('/data/11');
    fs.writeFileSync(file, '{not json');
    expect(loadRecentFolders(file)).toEqual([]);
    clearRecentFolders(file);
    expect(fs.existsSync(file)).toBe(false);
  });

  it('reads --data-dir and the folders among launch arguments', () => {
    expect(dataDirFromArgs(['--data-dir=/d/x'])).toBe('/d/x');
    expect(dataDirFromArgs(['--foo', '--data-dir', '/d/y'])).toBe('/d/y');
    expect(dataDirFromArgs(['/some/folder'])).toBeNull();
    const dirs = new Set(['/home/me/resumes', '/d/y']);
    expect(foldersFromArgs(['--data-dir', '/d/y', '--inspect', 'resumes', 'cv.pdf'], (p) => dirs.has(p), '/home/me')).toEqual(['/home/me/resumes']);
  });
});

describe('open requests', () => {
  it('holds folders until the page calls, then sends them in order; a reload holds them again', () => {
    const send = vi.fn();
    const requests = createOpenRequests(send);
    requests.open('/a');
    requests.open('/b');
    expect(send).not.toHaveBeenCalled();
    requests.pageReady();
    expect(send.mock.calls).toEqual([['/a'], ['/b']]);
    requests.open('/c');
    expect(send).toHaveBeenLastCalledWith('/c');
    requests.pageGone();
    requests.open('/d');
    expect(send).toHaveBeenCalledTimes(3);
    requests.pageReady();
    expect(send).toHaveBeenLastCalledWith('/d');
  });
});
