import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ipcChannels, type StudioApi } from '../../../preload/contract';

const electron = vi.hoisted(() => {
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  return {
    listeners,
    contextBridge: { exposeInMainWorld: vi.fn() },
    ipcRenderer: {
      invoke: vi.fn(async () => ({ ok: true, value: 'pong' })),
      on: vi.fn((channel: string, listener: (...args: unknown[]) => void) => {
        if (!listeners.has(channel)) listeners.set(channel, new Set());
        listeners.get(channel)!.add(listener);
      }),
      removeListener: vi.fn((channel: string, listener: (...args: unknown[]) => void) => listeners.get(channel)?.delete(listener)),
    },
  };
});
vi.mock('electron', () => electron);

let api: StudioApi;
beforeEach(async () => {
  vi.resetModules();
  electron.contextBridge.exposeInMainWorld.mockClear();
  electron.listeners.clear();
  await import('../../../preload/index');
  const [name, value] = electron.contextBridge.exposeInMainWorld.mock.calls[0] as [string, StudioApi];
  expect(name).toBe('studio');
  api = value;
});

describe('preload', () => {
  it('exposes exactly invoke and onEvent, never ipcRenderer', () => {
    expect(Object.keys(api).sort()).toEqual(['invoke', 'onEvent']);
    expect(Object.values(api)).not.toContain(electron.ipcRenderer);
  });

  it('invoke goes through the one invoke channel', async () => {
    await expect(api.invoke('app.info', {})).resolves.toEqual({ ok: true, value: 'pong' });
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith(ipcChannels.invoke, 'app.info', {});
  });

  it('onEvent passes only the event (not the IPC sender) and unsubscribes', () => {
    const listener = vi.fn();
    const unsubscribe = api.onEvent(listener);
    const channelListeners = [...electron.listeners.get(ipcChannels.event)!];
    expect(channelListeners).toHaveLength(1);
    const event = { name: 'settings.changed', payload: {} };
    channelListeners[0]!({ sender: 'secret ipc object' }, event);
    expect(listener).toHaveBeenCalledWith(event);
    expect(listener.mock.calls[0]).toHaveLength(1);
    unsubscribe();
    expect(electron.listeners.get(ipcChannels.event)!.size).toBe(0);
  });
});
