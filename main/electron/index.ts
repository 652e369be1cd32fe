/**
 * The Electron entry (built to out/main/electron.js): wires the shell around the same core the
 * HTTP bridge and the CLI use. The only entry that imports 'electron'; nothing imports it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, dialog, ipcMain, nativeTheme, session, shell, type BrowserWindow } from 'electron';
import { createCore, type Core } from '../core/core';
import { restoreDatabase } from '../store/restore';
import { offerReloadAfterCrash } from './crash-recovery';
import { openWithRestore } from './damaged-database';
import { createFrameCheck, registerIpc, type IpcRegistration } from './ipc';
import { setupLog, shellLog } from './log';
import { buildMenuTemplate, installMenu, shortcutLines, type MenuActions } from './menu';
import { createOpenRequests } from './open-requests';
import { appEntryUrl, appOrigin, handleAppProtocol, registerAppScheme } from './protocol';
import { denyAllPermissions, hardenWebContents } from './security';
import { clearRecentFolders, dataDirFromArgs, foldersFromArgs, rememberRecentFolder } from './recent-folders';
import { claimSingleInstance } from './single-instance';
import { allProgressReaders, followTaskbarProgress } from './taskbar-progress';
import { followThemeSetting } from './theme';
import { confirmLeavingUnsavedChanges } from './unsaved-changes';
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

/** The launch's own arguments: after the executable (and the app path when run as `electron .`). */
const argsOf = (argv: readonly string[]) => argv.slice(process.defaultApp ? 2 : 1);
const launchArgs = argsOf(process.argv);
// The recent-folders list lives beside the default data folder, whichever folder this run uses.
const recentFoldersFile = path.join(app.getPath('userData'), 'recent-data-folders.json');

// File → Open Data Folder (a relaunch with --data-dir), tests and power users (the environment)
// point the app at another data directory; Chromium's profile follows it, which also scopes the
// single-instance lock to that directory.
const requestedDataDir = dataDirFromArgs(launchArgs) ?? process.env.RESUME_STUDIO_DATA_DIR ?? null;
const dataDir = requestedDataDir ? path.resolve(requestedDataDir) : app.getPath('userData');
if (requestedDataDir) app.setPath('userData', dataDir);

let mainWindow: BrowserWindow | null = null;
// Set once IPC is up; the open-request queue only sends after the page's first call anyway.
let broadcast: IpcRegistration['broadcast'] = () => {};

const isDirectory = (candidate: string) => {
  try {
    return fs.statSync(candidate).isDirectory();
  } catch {
    return false;
  }
};
// A folder opened with the app (file manager, dock, command line) lands in the Import dialog.
const openRequests = createOpenRequests((folder) => {
  openWindow().focus();
  broadcast({ name: 'ui.navigated', payload: { view: 'import', path: folder } });
});
for (const folder of foldersFromArgs(launchArgs, isDirectory, process.cwd())) openRequests.open(folder);
// macOS delivers files and folders dropped on the dock icon this way, possibly before `ready`.
app.on('open-file', (event, opened) => {
  event.preventDefault();
  if (isDirectory(opened)) openRequests.open(opened);
});

/** The native folder dialog behind `import.pickFolder`: the path comes from the user, not the page. */
async function pickImportFolder(): Promise<string | null> {
  const options = { title: 'Import resumes', buttonLabel: 'Import', properties: ['openDirectory' as const] };
  const result = mainWindow && !mainWindow.isDestroyed() ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

const onSecondLaunch = (argv: string[], workingDirectory: string) => {
  for (const folder of foldersFromArgs(argsOf(argv), isDirectory, workingDirectory)) openRequests.open(folder);
};
if (!claimSingleInstance(app, () => mainWindow, onSecondLaunch)) {
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

  // A damaged database is offered a restore in a native dialog before anything opens.
  const core = await openWithRestore(
    () => createCore({ dataDir, transport: 'electron', pickFolder: pickImportFolder }),
    {
      ask: (options) => dialog.showMessageBox(options),
      restore: (file, from) => restoreDatabase(file, from),
      log: (message) => shellLog.warn(message),
    },
    productName,
  );
  if (!core) {
    app.quit();
    return;
  }
  denyAllPermissions(session.defaultSession);
  handleAppProtocol(rendererDir);

  const ipc = registerIpc({
    ipcMain,
    dispatcher: {
      // The page's first call means its event listeners are up: folders waiting to open can go.
      dispatch: async (method, input) => {
        const result = await core.dispatcher.dispatch(method, input);
        openRequests.pageReady();
        return result;
      },
    },
    events: core.events,
    isTrustedFrame: createFrameCheck({ getMainContents: () => mainWindow?.webContents ?? null, allowedOrigins }),
    getTargets: () => (mainWindow && !mainWindow.isDestroyed() ? [mainWindow.webContents] : []),
  });
  broadcast = ipc.broadcast;
  const stopTheme = await followThemeSetting({ nativeTheme, dispatcher: core.dispatcher, events: core.events, log: (m) => shellLog.warn(m) });
  // Taskbar / dock progress for long work: imports, training runs and prediction batches.
  const stopProgress = followTaskbarProgress({
    events: core.events,
    readers: allProgressReaders,
    setProgress: (value) => mainWindow && !mainWindow.isDestroyed() && mainWindow.setProgressBar(value),
  });

  const recent = rememberRecentFolder(recentFoldersFile, dataDir).filter((folder) => folder !== dataDir);
  const isMac = process.platform === 'darwin';
  const menuActions: MenuActions = {
    appName: productName,
    isMac,
    isDev: !app.isPackaged,
    navigate: (view) => {
      const window = openWindow();
      window.focus();
      ipc.broadcast({ name: 'ui.navigated', payload: { view } });
    },
    showAbout: () => void showAbout(core),
    showShortcuts: () => void showMessage('Keyboard shortcuts', shortcutLines(buildMenuTemplate(menuActions), isMac).join('\n')),
    // Through the dispatcher like any settings change, so `settings.changed` reaches the page and the hints reappear.
    showTourHints: () =>
      void core.dispatcher.dispatch('settings.set', { dismissedHints: [] }).then((result) => {
        if (!result.ok) shellLog.warn(`Could not show the tour hints again: ${result.error.message}`);
      }),
    showLogs: () => shell.showItemInFolder(logFile),
    openDataFolder: () => void pickDataFolder().then((folder) => folder && relaunchIn(folder)),
    recentDataFolders: recent,
    openRecentDataFolder: (folder) => relaunchIn(folder),
    clearRecentDataFolders: () => {
      clearRecentFolders(recentFoldersFile);
      installMenu({ ...menuActions, recentDataFolders: [] });
    },
    quit: () => app.quit(),
  };
  installMenu(menuActions);

  openWindow();
  app.on('activate', () => openWindow());
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  registerShutdown(core, ipc, () => {
    stopTheme();
    stopProgress();
  });
}

/** Asks for a data folder (an existing one, or a new empty folder to start afresh). */
async function pickDataFolder(): Promise<string | null> {
  const options = { title: 'Open data folder', buttonLabel: 'Open', properties: ['openDirectory' as const, 'createDirectory' as const] };
  const result = mainWindow && !mainWindow.isDestroyed() ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

/** Restarts the app on another data folder: one database per process, closed cleanly on the way out. */
function relaunchIn(folder: string): void {
  if (path.resolve(folder) === dataDir) return;
  app.relaunch({ args: [...process.argv.slice(1, process.defaultApp ? 2 : 1), `--data-dir=${path.resolve(folder)}`] });
  app.quit();
}

async function showMessage(message: string, detail: string): Promise<void> {
  const options = { type: 'info' as const, title: productName, message, detail, buttons: ['OK'] };
  if (mainWindow && !mainWindow.isDestroyed()) await dialog.showMessageBox(mainWindow, options);
  else await dialog.showMessageBox(options);
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
  const window = mainWindow;
  window.on('closed', () => {
    mainWindow = null;
  });
  // A reload or a crashed page is not listening until its next call.
  window.webContents.on('did-start-loading', () => openRequests.pageGone());
  const askAsync = (message: string, detail: string, buttons: string[]) =>
    dialog.showMessageBox(window, { type: 'warning', message, detail, buttons, defaultId: 0, cancelId: buttons.length - 1 }).then((r) => r.response);
  offerReloadAfterCrash(window.webContents, { ask: askAsync, log: (m) => shellLog.error(m), quit: () => app.quit() });
  confirmLeavingUnsavedChanges(window.webContents, (message, detail, buttons) =>
    dialog.showMessageBoxSync(window, { type: 'question', message, detail, buttons, defaultId: 0, cancelId: 0 }),
  );
  return window;
}

async function showAbout(core: Core): Promise<void> {
  const detail = [`Version ${app.getVersion()}`, `Electron ${process.versions.electron}`, `Data folder: ${core.dataDir}`].join('\n');
  const options = { type: 'info' as const, title: `About ${productName}`, message: productName, detail, buttons: ['OK'] };
  if (mainWindow && !mainWindow.isDestroyed()) await dialog.showMessageBox(mainWindow, options);
  else await dialog.showMessageBox(options);
}

/** Closes the database exactly once before the process exits, however the quit started. */
function registerShutdown(core: Core, ipc: IpcRegistration, stopFollowing: () => void): void {
  let closed = false;
  app.on('will-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    ipc.dispose();
    stopFollowing();
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
