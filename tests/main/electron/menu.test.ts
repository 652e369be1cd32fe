import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';

const electron = vi.hoisted(() => ({ Menu: { buildFromTemplate: vi.fn((t: unknown) => ({ template: t })), setApplicationMenu: vi.fn() } }));
vi.mock('electron', () => electron);

const { buildMenuTemplate, installMenu, shortcutLines } = await import('../../../main/electron/menu');

function actions(overrides: { isMac?: boolean; isDev?: boolean; recentDataFolders?: string[] } = {}) {
  return {
    appName: 'Resume Studio',
    isMac: false,
    isDev: false,
    navigate: vi.fn(),
    showAbout: vi.fn(),
    showShortcuts: vi.fn(),
    showLogs: vi.fn(),
    showTourHints: vi.fn(),
    openDataFolder: vi.fn(),
    recentDataFolders: [] as string[],
    openRecentDataFolder: vi.fn(),
    clearRecentDataFolders: vi.fn(),
    quit: vi.fn(),
    ...overrides,
  };
}

/** Every item of the template, depth-first. */
function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

const byLabel = (items: MenuItemConstructorOptions[], label: string) => flatten(items).find((item) => item.label === label);

describe('application menu', () => {
  it('binds the documented shortcuts to navigation', () => {
    const a = actions();
    const template = buildMenuTemplate(a);
    const expected: [string, string, string][] = [
      ['Import…', 'CmdOrCtrl+O', 'import'],
      ['Dataset', 'CmdOrCtrl+1', 'dataset'],
      ['Train', 'CmdOrCtrl+2', 'train'],
      ['Evaluate', 'CmdOrCtrl+3', 'evaluate'],
      ['Predict', 'CmdOrCtrl+4', 'predict'],
      ['Label with Suggestions', 'CmdOrCtrl+5', 'label'],
      ['Settings', 'CmdOrCtrl+,', 'settings'],
    ];
    for (const [label, accelerator, view] of expected) {
      const item = byLabel(template, label);
      expect(item?.accelerator, label).toBe(accelerator);
      a.navigate.mockClear();
      (item!.click as () => void)();
      expect(a.navigate).toHaveBeenCalledWith(view);
    }
  });

  it('has Quit under File and About under Help on Windows / Linux', () => {
    const a = actions();
    const template = buildMenuTemplate(a);
    const file = template.find((m) => m.label === 'File')!;
    const quit = byLabel(file.submenu as MenuItemConstructorOptions[], 'Quit');
    expect(quit?.accelerator).toBe('CmdOrCtrl+Q');
    (quit!.click as () => void)();
    expect(a.quit).toHaveBeenCalled();
    const help = template.find((m) => m.label === 'Help')!;
    (byLabel(help.submenu as MenuItemConstructorOptions[], 'About Resume Studio')!.click as () => void)();
    expect(a.showAbout).toHaveBeenCalled();
  });

  it('puts About and Quit in the app menu on macOS', () => {
    const template = buildMenuTemplate(actions({ isMac: true }));
    expect(template[0]!.label).toBe('Resume Studio');
    expect(byLabel(template[0]!.submenu as MenuItemConstructorOptions[], 'Quit')).toBeDefined();
    expect(byLabel(template.find((m) => m.label === 'File')!.submenu as MenuItemConstructorOptions[], 'Quit')).toBeUndefined();
  });

  it('offers reload and devtools only in development', () => {
    const roles = (isDev: boolean) => flatten(buildMenuTemplate(actions({ isDev }))).map((item) => item.role);
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(false)).not.toContain('reload');
    expect(roles(true)).toContain('toggleDevTools');
    expect(roles(true)).toContain('reload');
  });

  it('has Help → Show Tour Hints, Keyboard Shortcuts and Show Logs, on every platform', () => {
    for (const isMac of [false, true]) {
      const a = actions({ isMac });
      const help = buildMenuTemplate(a).find((m) => m.label === 'Help')!.submenu as MenuItemConstructorOptions[];
      (byLabel(help, 'Show Tour Hints')!.click as () => void)();
      (byLabel(help, 'Keyboard Shortcuts')!.click as () => void)();
      (byLabel(help, 'Show Logs')!.click as () => void)();
      expect(a.showTourHints).toHaveBeenCalledOnce();
      expect(a.showShortcuts).toHaveBeenCalledOnce();
      expect(a.showLogs).toHaveBeenCalledOnce();
    }
  });

  it('lists every shortcut of the menu for Help → Keyboard Shortcuts, in the platform’s words', () => {
    const lines = shortcutLines(buildMenuTemplate(actions()), false);
    expect(lines).toEqual(
      expect.arrayContaining(['Ctrl+O\tImport', 'Ctrl+1\tDataset', 'Ctrl+4\tPredict', 'Ctrl+,\tSettings', 'Ctrl+Q\tQuit', 'Ctrl+/\tKeyboard Shortcuts']),
    );
    expect(shortcutLines(buildMenuTemplate(actions({ isMac: true })), true)).toContain('⌘2\tTrain');
  });

  it('offers the recent data folders under File, each reopening the app there, and Clear', () => {
    const a = actions({ recentDataFolders: ['/data/a', '/data/b'] });
    const file = buildMenuTemplate(a).find((m) => m.label === 'File')!.submenu as MenuItemConstructorOptions[];
    (byLabel(file, 'Open Data Folder…')!.click as () => void)();
    expect(a.openDataFolder).toHaveBeenCalled();
    const recent = byLabel(file, 'Open Recent Data Folder')!.submenu as MenuItemConstructorOptions[];
    (byLabel(recent, '/data/b')!.click as () => void)();
    expect(a.openRecentDataFolder).toHaveBeenCalledWith('/data/b');
    (byLabel(recent, 'Clear Menu')!.click as () => void)();
    expect(a.clearRecentDataFolders).toHaveBeenCalled();
    const empty = buildMenuTemplate(actions()).find((m) => m.label === 'File')!.submenu as MenuItemConstructorOptions[];
    expect((byLabel(empty, 'Open Recent Data Folder')!.submenu as MenuItemConstructorOptions[])[0]).toMatchObject({ enabled: false });
  });

  it('installs the built menu as the application menu', () => {
    const menu = installMenu(actions());
    expect(electron.Menu.setApplicationMenu).toHaveBeenCalledWith(menu);
  });
});
