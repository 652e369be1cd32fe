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
  template.push({
    label: 'File',
    submenu: [go('Import…', 'import', 'CmdOrCtrl+O'), ...(actions.isMac ? [] : [{ type: 'separator' } as const, quit])],
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
  template.push({ label: 'Help', submenu: actions.isMac ? [{ role: 'help', label: `${actions.appName} Help`, enabled: false }] : [about] });
  return template;
}

/** Installs the menu as the application menu. */
export function installMenu(actions: MenuActions): Menu {
  const menu = Menu.buildFromTemplate(buildMenuTemplate(actions));
  Menu.setApplicationMenu(menu);
  return menu;
}
