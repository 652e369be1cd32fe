import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => {
  const windows: unknown[] = [];
  return {
    windows,
    screen: {
      getAllDisplays: vi.fn(() => [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }]),
      getPrimaryDisplay: vi.fn(() => ({ workArea: { x: 0, y: 0, width: 1920, height: 1040 } })),
    },
    BrowserWindow: vi.fn(),
  };
});
vi.mock('electron', () => electron);

class FakeWindow extends EventEmitter {
  options: Record<string, unknown>;
  shown = false;
  maximized = false;
  loaded: string | null = null;
  constructor(options: Record<string, unknown>) {
    super();
    this.options = options;
    electron.windows.push(this);
  }
  show() {
    this.shown = true;
  }
  maximize() {
    this.maximized = true;
  }
  isMaximized() {
    return this.maximized;
  }
  getNormalBounds() {
    return { x: 10, y: 20, width: 1000, height: 700 };
  }
  loadURL(url: string) {
    this.loaded = url;
    return Promise.resolve();
  }
}

const { buildWebPreferences, createMainWindow } = await import('../../../main/electron/window');

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'studio-window-'));
  electron.windows.length = 0;
  electron.BrowserWindow.mockImplementation(function (this: unknown, options: Record<string, unknown>) {
    return new FakeWindow(options);
  });
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('buildWebPreferences', () => {
  it('isolates and sandboxes the page and keeps Node out of it', () => {
    const prefs = buildWebPreferences('/app/out/preload/index.cjs');
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
    });
  });
});

describe('createMainWindow', () => {
  const open = () =>
    createMainWindow({
      preloadPath: '/p/index.cjs',
      url: 'app://studio/index.html',
      stateFile: path.join(dir, 'window-state.json'),
      title: 'Resume Studio',
    }) as unknown as FakeWindow;

  it('creates a hidden window with the locked-down preferences and shows it when ready', () => {
    const window = open();
    expect(window.options.show).toBe(false);
    expect(window.options.webPreferences).toEqual(buildWebPreferences('/p/index.cjs'));
    expect(window.loaded).toBe('app://studio/index.html');
    expect(window.shown).toBe(false);
    window.emit('ready-to-show');
    expect(window.shown).toBe(true);
  });

  it('saves bounds on close and restores them (maximized too) next time', () => {
    const first = open();
    first.maximized = true;
    first.emit('close');
    const saved = JSON.parse(fs.readFileSync(path.join(dir, 'window-state.json'), 'utf8'));
    expect(saved).toEqual({ bounds: { x: 10, y: 20, width: 1000, height: 700 }, isMaximized: true });

    const second = open();
    expect(second.options).toMatchObject({ x: 10, y: 20, width: 1000, height: 700 });
    second.emit('ready-to-show');
    expect(second.maximized).toBe(true);
  });

  it('pulls a window saved on a now-missing monitor back onto the screen', () => {
    fs.writeFileSync(path.join(dir, 'window-state.json'), JSON.stringify({ bounds: { x: 3000, y: 100, width: 1200, height: 800 }, isMaximized: false }));
    const window = open();
    const { x, y, width, height } = window.options as { x: number; y: number; width: number; height: number };
    expect(x).toBeGreaterThanOrEqual(0);
    expect(x + width).toBeLessThanOrEqual(1920);
    expect(y + height).toBeLessThanOrEqual(1040);
  });
});
