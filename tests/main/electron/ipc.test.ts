import { describe, expect, it, vi } from 'vitest';
import type { IpcMain, WebContents, WebFrameMain } from 'electron';
import { ipcChannels, type Settings } from '../../../preload/contract';
import { createEventBus } from '../../../main/rpc/event-bus';
import { createFrameCheck, registerIpc } from '../../../main/electron/ipc';
import { FakeWebContents, type FakeFrame } from './fakes';

type Handler = (event: { senderFrame: FakeFrame | null; sender: FakeWebContents }, method: unknown, input: unknown) => Promise<unknown>;

function setup() {
  const main = new FakeWebContents('app://studio/index.html');
  const handlers = new Map<string, Handler>();
  const ipcMain = { handle: vi.fn((channel: string, h: Handler) => handlers.set(channel, h)), removeHandler: vi.fn((c: string) => handlers.delete(c)) };
  const dispatcher = { dispatch: vi.fn(async (method: string, input: unknown) => ({ ok: true as const, value: { method, input } })) };
  const events = createEventBus();
  const registration = registerIpc({
    ipcMain: ipcMain as unknown as IpcMain,
    dispatcher,
    events,
    isTrustedFrame: createFrameCheck({ getMainContents: () => main as unknown as WebContents, allowedOrigins: ['app://studio/'] }),
    getTargets: () => [main as unknown as WebContents],
  });
  const invoke = (frame: FakeFrame | null, method: unknown, input: unknown = {}, sender = main) =>
    handlers.get(ipcChannels.invoke)!({ senderFrame: frame, sender }, method, input);
  return { main, handlers, dispatcher, events, registration, invoke, ipcMain };
}

describe('IPC sender check', () => {
  it('dispatches calls from the main frame of the app window', async () => {
    const { main, dispatcher, invoke } = setup();
    const result = await invoke(main.mainFrame, 'app.info', {});
    expect(dispatcher.dispatch).toHaveBeenCalledWith('app.info', {});
    expect(result).toEqual({ ok: true, value: { method: 'app.info', input: {} } });
  });

  it('refuses a null frame (navigated away or destroyed)', async () => {
    const { dispatcher, invoke } = setup();
    const result = await invoke(null, 'app.info');
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(dispatcher.dispatch).not.toHaveBeenCalled();
  });

  it('refuses a frame on a foreign origin', async () => {
    const { main, dispatcher, invoke } = setup();
    main.mainFrame.url = 'https://evil.example/';
    expect(await invoke(main.mainFrame, 'settings.set', { theme: 'dark' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    main.mainFrame.url = 'app://studio.evil.example/';
    expect(await invoke(main.mainFrame, 'settings.set', { theme: 'dark' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(dispatcher.dispatch).not.toHaveBeenCalled();
  });

  it('refuses an iframe even on the app origin', async () => {
    const { main, dispatcher, invoke } = setup();
    const iframe: FakeFrame = { url: 'app://studio/index.html', parent: main.mainFrame };
    expect(await invoke(iframe, 'app.info')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(dispatcher.dispatch).not.toHaveBeenCalled();
  });

  it('refuses another web contents that happens to load the app URL', async () => {
    const { dispatcher, invoke } = setup();
    const other = new FakeWebContents('app://studio/index.html');
    expect(await invoke(other.mainFrame, 'app.info', {}, other)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(dispatcher.dispatch).not.toHaveBeenCalled();
  });

  it('rejects a non-string method as bad input without dispatching', async () => {
    const { main, dispatcher, invoke } = setup();
    expect(await invoke(main.mainFrame, { toString: () => 'app.info' })).toMatchObject({ ok: false, error: { code: 'bad_input' } });
    expect(dispatcher.dispatch).not.toHaveBeenCalled();
  });

  it('turns a throwing dispatcher into an error result', async () => {
    const { main, dispatcher, invoke } = setup();
    dispatcher.dispatch.mockRejectedValueOnce(new Error('disk on fire'));
    expect(await invoke(main.mainFrame, 'app.info')).toEqual({ ok: false, error: { code: 'failed', message: 'disk on fire' } });
  });
});

/** The settings the forwarded events carry (the theme is set per test). */
const settings: Settings = {
  theme: 'system',
  defaultEngine: 'fast',
  testFraction: 0.2,
  seed: 1,
  reviewThreshold: null,
  dismissedHints: [],
  blindMode: false,
};

describe('event forwarding', () => {
  it('sends bus events to live windows on the event channel', () => {
    const { main, events } = setup();
    events.emit('settings.changed', { ...settings, theme: 'dark' });
    expect(main.sent).toEqual([
      {
        channel: ipcChannels.event,
        payload: {
          name: 'settings.changed',
          payload: { ...settings, theme: 'dark' },
        },
      },
    ]);
  });

  it('skips destroyed windows and stops after dispose', () => {
    const { main, events, registration, handlers } = setup();
    main.destroyed = true;
    events.emit('settings.changed', { ...settings, theme: 'light' });
    expect(main.sent).toHaveLength(0);
    main.destroyed = false;
    registration.dispose();
    events.emit('settings.changed', { ...settings, theme: 'light' });
    expect(main.sent).toHaveLength(0);
    expect(handlers.has(ipcChannels.invoke)).toBe(false);
  });

  it('broadcasts shell events such as menu navigation', () => {
    const { main, registration } = setup();
    registration.broadcast({ name: 'ui.navigated', payload: { view: 'train' } });
    expect(main.sent[0]).toEqual({ channel: ipcChannels.event, payload: { name: 'ui.navigated', payload: { view: 'train' } } });
  });
});

describe('createFrameCheck', () => {
  it('is false when there is no main window', () => {
    const check = createFrameCheck({ getMainContents: () => null, allowedOrigins: ['app://studio/'] });
    const contents = new FakeWebContents();
    expect(check(contents.mainFrame as unknown as WebFrameMain, contents as unknown as WebContents)).toBe(false);
  });

  it('accepts the dev server origin only when it is listed', () => {
    const contents = new FakeWebContents('http://localhost:5173/');
    const frame = contents.mainFrame as unknown as WebFrameMain;
    const sender = contents as unknown as WebContents;
    expect(createFrameCheck({ getMainContents: () => sender, allowedOrigins: ['app://studio/'] })(frame, sender)).toBe(false);
    expect(createFrameCheck({ getMainContents: () => sender, allowedOrigins: ['app://studio/', 'http://localhost:5173/'] })(frame, sender)).toBe(true);
  });
});
