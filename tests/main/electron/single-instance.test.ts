import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import type { App, BrowserWindow } from 'electron';
import { claimSingleInstance } from '../../../main/electron/single-instance';

function fakeApp(hasLock: boolean) {
  const app = new EventEmitter() as EventEmitter & { requestSingleInstanceLock: () => boolean };
  app.requestSingleInstanceLock = vi.fn(() => hasLock);
  return app;
}

function fakeWindow() {
  return { isDestroyed: () => false, isMinimized: vi.fn(() => true), restore: vi.fn(), isVisible: vi.fn(() => false), show: vi.fn(), focus: vi.fn() };
}

describe('claimSingleInstance', () => {
  it('tells a second instance to quit and installs nothing', () => {
    const app = fakeApp(false);
    expect(claimSingleInstance(app as unknown as App, () => null)).toBe(false);
    expect(app.listenerCount('second-instance')).toBe(0);
  });

  it('brings the first instance window to the front when a second one starts', () => {
    const app = fakeApp(true);
    const window = fakeWindow();
    expect(claimSingleInstance(app as unknown as App, () => window as unknown as BrowserWindow)).toBe(true);
    app.emit('second-instance', {}, ['resume-studio'], '/');
    expect(window.restore).toHaveBeenCalled();
    expect(window.show).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
  });

  it('does nothing when the window is gone', () => {
    const app = fakeApp(true);
    claimSingleInstance(app as unknown as App, () => null);
    expect(() => app.emit('second-instance', {}, [], '/')).not.toThrow();
  });
});
