/**
 * The Electron entry (built to out/main/electron.js): wires the shell around the same core the
 * HTTP bridge and the CLI use. The only entry that imports 'electron'; nothing imports it.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, dialog, ipcMain, nativeTheme, session, shell, type BrowserWindow } from 'electron';
import { createCore, type Core } from '../core/core';
import { createFrameCheck, registerIpc, type IpcRegistration } from './ipc';
import { setupLog, shellLog } from './log';
import { installMenu } from './menu';
import { appEntryUrl, appOrigin, handleAppProtocol, registerAppScheme } from './protocol';
import { denyAllPermissions, hardenWebContents } from './security';
import { claimSingleInstance } from './single-instance';
import { followThemeSetting } from './theme';
import { createMainWindow } from './window';
import { windowStateFileName } from './window-state';

const productName = 'Resume Studio';
const here = path.dirname(fileURLToPath(import.meta.url));
const rendererDir = path.join(here, '../renderer');
const preloadPath = path.join(here, '../preload/index.cjs');
// `electron-vite dev` serves the renderer with hot reload; a packaged app never does.
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const allowedOrigins = [appOrigin, ...(devServerUrl ? [`${new URL(devServerUrl).origin}/`] : [])];

// Both must happen before `ready`.
registerAppScheme();
app.enableSandbox();
app.setName(productName);

// Tests and power users point the app at another data directory; Chromium's profile follows it,
// which also scopes the single-instance lock to that directory.
const dataDir = process.env.RESUME_STUDIO_DATA_DIR ? path.resolve(process.env.RESUME_STUDIO_DATA_DIR) : app.getPath('userData');
if (process.env.RESUME_STUDIO_DATA_DIR) app.setPath('userData', dataDir);

let mainWindow: BrowserWindow | null = null;

/** The native folder dialog behind `import.pickFolder`: the path comes from the user, not the page. */
async function pickImportFolder(): Promise<string | null> {
  const options = { title: 'Import resumes', buttonLabel: 'Import', properties: ['openDirectory' as const] };
  const result = mainWindow && !mainWindow.isDestroyed() ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

if (!claimSingleInstance(app, () => mainWindow)) {
  app.quit();
} else {
  // Every web contents ever created (windows, devtools excluded by Electron) gets the same locks.
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, {
      allowedOrigins,
      openExternal: (url) => shell.openExternal(url),
      log: (message) => shellLog.warn(message),
    });
  });
  void start().catch((error: unknown) => {
    shellLog.error('Startup failed', error);
    dialog.showErrorBox(`${productName} could not start`, error instanceof Error ? error.message : String(error));
    app.exit(1);
  });
}

async function start(): Promise<void> {
  await app.whenReady();
  const logFile = setupLog(dataDir);
  shellLog.info(`Starting ${productName} ${app.getVersion()} (Electron ${process.versions.electron}); data in ${dataDir}; log in ${logFile}`);

  const core = await createCore({ dataDir, transport: 'electron', pickFolder: pickImportFolder });
  denyAllPermissions(session.defaultSession);
  handleAppProtocol(rendererDir);

  const ipc = registerIpc({
    ipcMain,
    dispatcher: core.dispatcher,
    events: core.events,
    isTrustedFrame: createFrameCheck({ getMainContents: () => mainWindow?.webContents ?? null, allowedOrigins }),
    getTargets: () => (mainWindow && !mainWindow.isDestroyed() ? [mainWindow.webContents] : []),
  });
  const stopTheme = await followThemeSetting({ nativeTheme, dispatcher: core.dispatcher, events: core.events, log: (m) => shellLog.warn(m) });

  installMenu({
    appName: productName,
    isMac: process.platform === 'darwin',
    isDev: !app.isPackaged,
    navigate: (view) => {
      const window = openWindow();
      window.focus();
      ipc.broadcast({ name: 'ui.navigated', payload: { view } });
    },
    showAbout: () => void showAbout(core),
    quit: () => app.quit(),
  });

  openWindow();
  app.on('activate', () => openWindow());
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  registerShutdown(core, ipc, stopTheme);
}

/** The one main window: returns the open one or creates it. */
function openWindow(): BrowserWindow {
  if (mainWindow && !mainWindow.isDestroyed()) return mainWindow;
  mainWindow = createMainWindow({
    preloadPath,
    url: devServerUrl ?? appEntryUrl,
    stateFile: path.join(dataDir, windowStateFileName),
    title: productName,
  });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  return mainWindow;
}

async function showAbout(core: Core): Promise<void> {
  const detail = [`Version ${app.getVersion()}`, `Electron ${process.versions.electron}`, `Data folder: ${core.dataDir}`].join('\n');
  const options = { type: 'info' as const, title: `About ${productName}`, message: productName, detail, buttons: ['OK'] };
  if (mainWindow && !mainWindow.isDestroyed()) await dialog.showMessageBox(mainWindow, options);
  else await dialog.showMessageBox(options);
}

/** Closes the database exactly once before the process exits, however the quit started. */
function registerShutdown(core: Core, ipc: IpcRegistration, stopTheme: () => void): void {
  let closed = false;
  app.on('will-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    ipc.dispose();
    stopTheme();
    core
      .close()
      .catch((error: unknown) => shellLog.error('Closing the database failed', error))
      .finally(() => {
        closed = true;
        shellLog.info('Stopped');
        app.quit();
      });
  });
}
