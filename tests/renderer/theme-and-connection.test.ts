import { describe, expect, it, vi } from 'vitest';
import { createConnectionStore } from '../../renderer/api/connection-store';
import { RpcCallError, toRpcCallError } from '../../renderer/api/rpc-call-error';
import { resolveTheme } from '../../renderer/app/theme';

describe('resolveTheme', () => {
  it('follows the system only for "system"', () => {
    expect(resolveTheme('system', true)).toBe('dark');
    expect(resolveTheme('system', false)).toBe('light');
    expect(resolveTheme('light', true)).toBe('light');
    expect(resolveTheme('dark', false)).toBe('dark');
  });
});

describe('createConnectionStore', () => {
  it('notifies only on real changes and stops after unsubscribe', () => {
    const store = createConnectionStore('connecting');
    const listener = vi.fn();
    const unsubscribe = store.subscribe(listener);
    store.set('connected');
    store.set('connected');
    expect(listener).toHaveBeenCalledTimes(1);
    expect(store.get()).toBe('connected');
    unsubscribe();
    store.set('offline');
    expect(listener).toHaveBeenCalledTimes(1);
  });
});

describe('toRpcCallError', () => {
  it('keeps an RpcCallError and wraps anything else as failed', () => {
    const original = new RpcCallError('settings.set', 'bad_input', 'nope');
    expect(toRpcCallError(original)).toBe(original);
    const wrapped = toRpcCallError(new TypeError('boom'), 'app.info');
    expect(wrapped).toMatchObject({ code: 'failed', message: 'boom', method: 'app.info' });
    expect(toRpcCallError('text').message).toBe('text');
  });
});
