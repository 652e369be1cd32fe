/**
 * The application menu and its keyboard shortcuts. Menu choices reach the UI as `ui.navigated`
 * events on the ordinary event channel, so the renderer needs no extra IPC surface.
 * Electron shell only; imported by main/electron/index.ts.
 */
import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { AppView } from '../../preload/contract';

/** What the menu's items do; injected so the template stays a pure, testable value. */
export interface MenuActions {
  appName: string;
  isMac: boolean;
  /** Adds reload / devtools items; never in a packaged build. */
  isDev: boolean;
  navigate(view: AppView): void;
  showAbout(): void;
  /** Help → Keyboard Shortcuts: the accelerators of this menu, listed. */
  showShortcuts(): void;
  /** Help → Show Tour Hints: brings back the tour hints the user dismissed. */
  showTourHints(): void;
  /** Help → Show Logs: the log file in the file manager. */
  showLogs(): void;
  /** File → Open Data Folder…: pick another data folder and restart in it. */
  openDataFolder(): void;
  /** File → Open Recent: the data folders used lately (the current one excluded) and how to open one. */
  recentDataFolders: readonly string[];
  openRecentDataFolder(folder: string): void;
  clearRecentDataFolders(): void;
  quit(): void;
}

/** Builds the menu template (File, Edit, View, Help, plus the app menu on macOS). */
export function buildMenuTemplate(actions: MenuActions): MenuItemConstructorOptions[] {
  const go = (label: string, view: AppView, accelerator: string): MenuItemConstructorOptions => ({
    label,
    accelerator,
    click: () => actions.navigate(view),
  });
  const about: MenuItemConstructorOptions = { label: `About ${actions.appName}`, click: () => actions.showAbout() };
  const quit: MenuItemConstructorOptions = { label: 'Quit', accelerator: 'CmdOrCtrl+Q', click: () => actions.quit() };

  const template: MenuItemConstructorOptions[] = [];
  if (actions.isMac) {
    template.push({
      label: actions.appName,
      submenu: [about, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, { type: 'separator' }, quit],
    });
  }
  const recent: MenuItemConstructorOptions[] =
    actions.recentDataFolders.length === 0
      ? [{ label: 'No other data folders yet', enabled: false }]
      : [
          ...actions.recentDataFolders.map((folder): MenuItemConstructorOptions => ({ label: folder, click: () => actions.openRecentDataFolder(folder) })),
          { type: 'separator' },
          { label: 'Clear Menu', click: () => actions.clearRecentDataFolders() },
        ];
  template.push({
    label: 'File',
    submenu: [
      go('Import…', 'import', 'CmdOrCtrl+O'),
      { type: 'separator' },
      { label: 'Open Data Folder…', click: () => actions.openDataFolder() },
      { label: 'Open Recent Data Folder', submenu: recent },
      ...(actions.isMac ? [] : [{ type: 'separator' } as const, quit]),
    ],
  });
  // Edit roles make copy / paste / select-all work in text fields (on macOS only through the menu).
  template.push({
    label: 'Edit',
    submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }],
  });
  template.push({
    label: 'View',
    submenu: [
      go('Dataset', 'dataset', 'CmdOrCtrl+1'),
      go('Train', 'train', 'CmdOrCtrl+2'),
      go('Evaluate', 'evaluate', 'CmdOrCtrl+3'),
      go('Predict', 'predict', 'CmdOrCtrl+4'),
      go('Label with Suggestions', 'label', 'CmdOrCtrl+5'),
      { type: 'separator' },
      go('Settings', 'settings', 'CmdOrCtrl+,'),
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { role: 'togglefullscreen' },
      ...(actions.isDev ? [{ type: 'separator' } as const, { role: 'reload' } as const, { role: 'toggleDevTools' } as const] : []),
    ],
  });
  const help: MenuItemConstructorOptions[] = [
    { label: 'Show Tour Hints', click: () => actions.showTourHints() },
    { label: 'Keyboard Shortcuts', accelerator: 'CmdOrCtrl+/', click: () => actions.showShortcuts() },
    { label: 'Show Logs', click: () => actions.showLogs() },
  ];
  template.push({ label: 'Help', submenu: actions.isMac ? help : [...help, { type: 'separator' }, about] });
  return template;
}

/** "Ctrl+O" on Windows / Linux, "⌘O" on macOS, for an Electron accelerator. */
export function acceleratorLabel(accelerator: string, isMac: boolean): string {
  return isMac ? accelerator.replace('CmdOrCtrl+', '⌘') : accelerator.replace('CmdOrCtrl+', 'Ctrl+');
}

/** Every menu item with a shortcut, as "shortcut — label" lines, in menu order (Help → Keyboard Shortcuts). */
export function shortcutLines(template: MenuItemConstructorOptions[], isMac: boolean): string[] {
  const lines: string[] = [];
  const walk = (items: MenuItemConstructorOptions[]) => {
    for (const item of items) {
      if (item.accelerator && item.label) lines.push(`${acceleratorLabel(String(item.accelerator), isMac)}\t${item.label.replace(/…$/, '')}`);
      if (Array.isArray(item.submenu)) walk(item.submenu);
    }
  };
  walk(template);
  return lines;
}

/** Installs the menu as the application menu. */
export function installMenu(actions: MenuActions): Menu {
  const menu = Menu.buildFromTemplate(buildMenuTemplate(actions));
  Menu.setApplicationMenu(menu);
  return menu;
}
