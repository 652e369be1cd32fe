/** The entry's wiring, with every Electron module faked and the real core on a temp data dir. */
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ipcChannels } from '../../../preload/contract';
import { sampleModelJson } from '../../fixtures/sample-model';
import { addDocuments, backUp, corruptInteriorPages } from '../../helpers/damaged-database';
import { eventually } from '../../helpers/eventually';
import { FakeWebContents } from './fakes';

const electron = vi.hoisted(() => {
  const state = { hasLock: true, windows: [] as unknown[], ready: Promise.resolve() };
  return { state, mock: {} as Record<string, unknown> };
});

class FakeBrowserWindow extends EventEmitter {
  webContents = new FakeWebContents();
  options: Record<string, unknown>;
  constructor(options: Record<string, unknown>) {
    super();
    this.options = options;
    electron.state.windows.push(this);
  }
  loadURL = vi.fn(async (url: string) => {
    this.webContents.mainFrame.url = url;
  });
  isDestroyed = () => false;
  setProgressBar = vi.fn();
  show = vi.fn();
  focus = vi.fn();
  maximize = vi.fn();
  isMaximized = () => false;
  getNormalBounds = () => ({ x: 0, y: 0, width: 1000, height: 700 });
}

function makeElectron() {
  const app = Object.assign(new EventEmitter(), {
    isPackaged: true,
    enableSandbox: vi.fn(),
    setName: vi.fn(),
    setPath: vi.fn(),
    getPath: vi.fn(() => '/nonexistent/userData'),
    getVersion: () => '0.1.0',
    requestSingleInstanceLock: vi.fn(() => electron.state.hasLock),
    whenReady: vi.fn(() => electron.state.ready),
    quit: vi.fn(),
    exit: vi.fn(),
  });
  const handlers = new Map<string, (...args: unknown[]) => unknown>();
  return {
    app,
    handlers,
    BrowserWindow: vi.fn(function (options: Record<string, unknown>) {
      return new FakeBrowserWindow(options);
    }),
    dialog: { showErrorBox: vi.fn(), showMessageBox: vi.fn(), showOpenDialog: vi.fn(async () => ({ canceled: false, filePaths: ['/home/me/resumes'] })) },
    ipcMain: { handle: vi.fn((c: string, h: (...args: unknown[]) => unknown) => handlers.set(c, h)), removeHandler: vi.fn() },
    nativeTheme: { themeSource: 'system' },
    session: { defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn(), setDevicePermissionHandler: vi.fn() } },
    shell: { openExternal: vi.fn() },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    net: { fetch: vi.fn() },
    screen: {
      getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }],
      getPrimaryDisplay: () => ({ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }),
    },
    Menu: { buildFromTemplate: vi.fn(() => ({})), setApplicationMenu: vi.fn() },
  };
}
vi.mock('electron', () => electron.mock);
// electron-log/main would require('electron') itself; the shell only needs a scoped logger.
vi.mock('electron-log/main', () => {
  const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
  return { default: { scope: () => logger, transports: { file: {} }, errorHandler: { startCatching: vi.fn() } } };
});

let dataDir: string;
let fake: ReturnType<typeof makeElectron>;
beforeEach(() => {
  vi.resetModules();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'studio-entry-'));
  process.env.RESUME_STUDIO_DATA_DIR = dataDir;
  electron.state.windows.length = 0;
  electron.state.hasLock = true;
  fake = makeElectron();
  for (const key of Object.keys(electron.mock)) delete electron.mock[key];
  Object.assign(electron.mock, fake);
});
afterEach(async () => {
  // Let the entry close its database before the folder goes.
  fake.app.emit('will-quit', { preventDefault: vi.fn() });
  await eventually(() => expect(fake.app.quit).toHaveBeenCalled());
  delete process.env.RESUME_STUDIO_DATA_DIR;
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function startEntry() {
  await import('../../../main/electron/index');
  await eventually(() => expect(electron.state.windows).toHaveLength(1));
  return electron.state.windows[0] as FakeBrowserWindow;
}

describe('electron entry', () => {
  it('quits at once when another instance holds the lock, creating nothing', async () => {
    electron.state.hasLock = false;
    await import('../../../main/electron/index');
    expect(fake.app.quit).toHaveBeenCalled();
    expect(fake.app.whenReady).not.toHaveBeenCalled();
    expect(fs.existsSync(path.join(dataDir, 'studio.sqlite'))).toBe(false);
  });

  it('registers the scheme and sandbox before ready and uses the override data dir', async () => {
    await startEntry();
    expect(fake.protocol.registerSchemesAsPrivileged).toHaveBeenCalled();
    expect(fake.app.enableSandbox).toHaveBeenCalled();
    expect(fake.app.setPath).toHaveBeenCalledWith('userData', dataDir);
    expect(fs.existsSync(path.join(dataDir, 'studio.sqlite'))).toBe(true);
  });

  it('loads app://studio/ in a locked-down window, with permissions denied and the protocol served', async () => {
    const window = await startEntry();
    expect(window.loadURL).toHaveBeenCalledWith('app://studio/index.html');
    expect(window.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(String((window.options.webPreferences as { preload: string }).preload)).toMatch(/preload[\\/]index\.cjs$/);
    expect(fake.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
    expect(fake.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(fake.Menu.setApplicationMenu).toHaveBeenCalled();
  });

  it('answers app.info over IPC with transport electron, only for the window itself', async () => {
    const window = await startEntry();
    const invoke = fake.handlers.get(ipcChannels.invoke)!;
    const ok = (await invoke({ senderFrame: window.webContents.mainFrame, sender: window.webContents }, 'app.info', {})) as {
      ok: boolean;
      value: { transport: string; dataDir: string };
    };
    expect(ok).toMatchObject({ ok: true, value: { transport: 'electron', dataDir: path.resolve(dataDir) } });
    const stranger = new FakeWebContents('app://studio/index.html');
    expect(await invoke({ senderFrame: stranger.mainFrame, sender: stranger }, 'app.info', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('import.pickFolder opens the native folder dialog and returns the chosen path (or null when cancelled)', async () => {
    const window = await startEntry();
    const invoke = fake.handlers.get(ipcChannels.invoke)!;
    const call = () => invoke({ senderFrame: window.webContents.mainFrame, sender: window.webContents }, 'import.pickFolder', {});
    expect(await call()).toEqual({ ok: true, value: { supported: true, path: '/home/me/resumes' } });
    expect(fake.dialog.showOpenDialog).toHaveBeenCalledWith(window, expect.objectContaining({ properties: ['openDirectory'] }));
    fake.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    expect(await call()).toEqual({ ok: true, value: { supported: true, path: null } });
  });

  it('Help → Show Tour Hints brings back the dismissed hints in the stored settings and tells the page', async () => {
    const window = await startEntry();
    const invoke = fake.handlers.get(ipcChannels.invoke)!;
    const call = (method: string, input: unknown) => invoke({ senderFrame: window.webContents.mainFrame, sender: window.webContents }, method, input);
    expect(await call('settings.set', { dismissedHints: ['dataset', 'train'] })).toMatchObject({ ok: true, value: { dismissedHints: ['dataset', 'train'] } });
    const template = (fake.Menu.buildFromTemplate.mock.calls.at(-1) as unknown[])[0] as {
      label?: string;
      submenu?: { label?: string; click?: () => void }[];
    }[];
    const item = template.find((menu) => menu.label === 'Help')!.submenu!.find((entry) => entry.label === 'Show Tour Hints')!;
    window.webContents.sent.length = 0;
    item.click!();
    await eventually(async () => expect(await call('settings.get', {})).toMatchObject({ ok: true, value: { dismissedHints: [] } }));
    expect(window.webContents.sent).toContainEqual({
      channel: ipcChannels.event,
      payload: { name: 'settings.changed', payload: expect.objectContaining({ dismissedHints: [] }) },
    });
  });

  it('feeds the taskbar from the real core: a prediction batch moves the bar and its cancel clears it', async () => {
    const window = await startEntry();
    const invoke = fake.handlers.get(ipcChannels.invoke)!;
    const call = (method: string, input: unknown) => invoke({ senderFrame: window.webContents.mainFrame, sender: window.webContents }, method, input);
    const model = (await call('models.import', { fileName: 'sample-model.json', json: sampleModelJson() })) as { value: { id: number } };
    await call('models.activate', { id: model.value.id });
    await eventually(async () => expect(await call('predict.status', {})).toMatchObject({ ok: true, value: { model: { id: String(model.value.id) } } }));
    const started = (await call('predict.batchStart', { total: 4 })) as { value: { id: number } };
    expect(window.setProgressBar).toHaveBeenLastCalledWith(0);
    await call('predict.batchCancel', { batchId: started.value.id });
    expect(window.setProgressBar).toHaveBeenLastCalledWith(-1);
  });

  it('hardens every new web contents and quits when the last window closes (not on macOS)', async () => {
    await startEntry();
    const contents = new FakeWebContents();
    fake.app.emit('web-contents-created', {}, contents);
    expect(contents.windowOpenHandler).not.toBeNull();
    fake.app.quit.mockClear();
    fake.app.emit('window-all-closed');
    if (process.platform === 'darwin') expect(fake.app.quit).not.toHaveBeenCalled();
    else expect(fake.app.quit).toHaveBeenCalled();
  });

  it('a damaged database: the dialog offers the newest intact backup, Restore opens the app on it, the damaged file is kept', async () => {
    const file = path.join(dataDir, 'studio.sqlite');
    await addDocuments(file, 3000);
    const backup = backUp(file, new Date('2026-10-01T00:00:00Z'));
    await addDocuments(file, 100, 3000);
    corruptInteriorPages(file);
    const damagedBytes = fs.readFileSync(file);
    fake.dialog.showMessageBox.mockResolvedValueOnce({ response: 0 });

    const window = await startEntry();
    expect(fake.dialog.showMessageBox).toHaveBeenCalledTimes(1);
    const [options] = fake.dialog.showMessageBox.mock.calls[0] as unknown as [{ message: string; detail: string; buttons: string[] }];
    expect(options.message).toBe('The database is damaged');
    expect(options.detail).toMatch(
      /studio\.sqlite failed SQLite's integrity check .*\n\nRestore the newest intact backup, made .*\? Changes made since then are lost\./,
    );
    expect(options.buttons).toEqual(['Restore Backup', 'Quit']);

    const invoke = fake.handlers.get(ipcChannels.invoke)!;
    const summary = await invoke({ senderFrame: window.webContents.mainFrame, sender: window.webContents }, 'dataset.summary', {});
    expect(summary).toMatchObject({ ok: true, value: { documents: 3000 } });
    const kept = fs.readdirSync(dataDir).filter((name) => name.startsWith('studio.sqlite.corrupt-'));
    expect(kept).toHaveLength(1);
    expect(fs.readFileSync(path.join(dataDir, kept[0]!)).equals(damagedBytes)).toBe(true);
    expect(fs.existsSync(backup)).toBe(true);
  });

  it('a damaged database: Quit leaves every file as it was and opens no window', async () => {
    const file = path.join(dataDir, 'studio.sqlite');
    await addDocuments(file, 3000);
    corruptInteriorPages(file);
    const listing = fs.readdirSync(dataDir).sort();
    const damagedBytes = fs.readFileSync(file);
    fake.dialog.showMessageBox.mockResolvedValueOnce({ response: 1 });

    await import('../../../main/electron/index');
    await eventually(() => expect(fake.app.quit).toHaveBeenCalled());
    const [options] = fake.dialog.showMessageBox.mock.calls[0] as unknown as [{ detail: string; buttons: string[] }];
    expect(options.buttons).toEqual(['Start With an Empty Database', 'Quit']);
    expect(options.detail).toContain('There is no intact backup.');
    expect(electron.state.windows).toHaveLength(0);
    expect(fs.readFileSync(file).equals(damagedBytes)).toBe(true);
    // The log file may appear; nothing else does.
    expect(
      fs
        .readdirSync(dataDir)
        .filter((name) => !name.endsWith('.log') && name !== 'logs')
        .sort(),
    ).toEqual(listing);
  });
});
