import { describe, expect, it, vi } from 'vitest';
import { defaultSettings, type RpcResult, type Settings } from '../../../preload/contract';
import { createEventBus } from '../../../main/rpc/event-bus';
import { followThemeSetting } from '../../../main/electron/theme';

const settings = (theme: Settings['theme']): Settings => ({ ...defaultSettings, theme });

describe('followThemeSetting', () => {
  it('applies the stored theme, then every settings.changed, until unsubscribed', async () => {
    const nativeTheme = { themeSource: 'system' as Settings['theme'] };
    const events = createEventBus();
    const dispatcher = { dispatch: vi.fn(async (): Promise<RpcResult<unknown>> => ({ ok: true, value: settings('dark') })) };
    const stop = await followThemeSetting({ nativeTheme, dispatcher, events });
    expect(dispatcher.dispatch).toHaveBeenCalledWith('settings.get', {});
    expect(nativeTheme.themeSource).toBe('dark');
    events.emit('settings.changed', settings('light'));
    expect(nativeTheme.themeSource).toBe('light');
    stop();
    events.emit('settings.changed', settings('dark'));
    expect(nativeTheme.themeSource).toBe('light');
  });

  it('falls back to system for unknown values and logs a failed read', async () => {
    const nativeTheme = { themeSource: 'dark' as Settings['theme'] };
    const log = vi.fn();
    const events = createEventBus();
    const failing = { dispatch: vi.fn(async (): Promise<RpcResult<unknown>> => ({ ok: false, error: { code: 'failed', message: 'locked' } })) };
    await followThemeSetting({ nativeTheme, dispatcher: failing, events, log });
    expect(log).toHaveBeenCalledWith(expect.stringContaining('locked'));
    expect(nativeTheme.themeSource).toBe('dark');
    events.emit('settings.changed', { ...defaultSettings, theme: 'neon' as Settings['theme'] });
    expect(nativeTheme.themeSource).toBe('system');
  });

  it('keeps a change that arrives while the setting is being read', async () => {
    const nativeTheme = { themeSource: 'system' as Settings['theme'] };
    const events = createEventBus();
    const dispatcher = {
      dispatch: vi.fn(async (): Promise<RpcResult<unknown>> => {
        events.emit('settings.changed', settings('light'));
        return { ok: true, value: settings('dark') };
      }),
    };
    await followThemeSetting({ nativeTheme, dispatcher, events });
    expect(nativeTheme.themeSource).toBe('light');
  });
});
