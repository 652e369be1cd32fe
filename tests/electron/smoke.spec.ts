/**
 * Smoke tests of the real Electron app (out/main/electron.js): needs the Electron binary and a
 * display, so it runs only through tests/electron/run.mjs (GitHub Actions under xvfb-run).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const mainScript = path.join(root, 'out', 'main', 'electron.js');
const executablePath = process.env.ELECTRON_EXECUTABLE;

let dataDir: string;
let app: ElectronApplication;
let page: Page;

test.beforeEach(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'studio-electron-'));
  app = await electron.launch({
    ...(executablePath ? { executablePath } : {}),
    args: [mainScript],
    env: { ...process.env, RESUME_STUDIO_DATA_DIR: dataDir, ELECTRON_ENABLE_LOGGING: '1' } as Record<string, string>,
  });
  page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
});

test.afterEach(async () => {
  await app?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

test('shows one visible window served from app://studio/', async () => {
  await expect.poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().map((w) => w.isVisible()))).toEqual([true]);
  expect(page.url()).toMatch(/^app:\/\/studio\//);
});

test('exposes exactly window.studio.{invoke,onEvent} and no Node globals', async () => {
  const surface = await page.evaluate(() => {
    const studio = (window as unknown as { studio?: Record<string, unknown> }).studio;
    return {
      keys: studio ? Object.keys(studio).sort() : null,
      types: studio ? [typeof studio.invoke, typeof studio.onEvent] : null,
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
      ipcRenderer: typeof (globalThis as { ipcRenderer?: unknown }).ipcRenderer,
    };
  });
  expect(surface).toEqual({
    keys: ['invoke', 'onEvent'],
    types: ['function', 'function'],
    require: 'undefined',
    process: 'undefined',
    ipcRenderer: 'undefined',
  });
});

test('app.info answers over IPC with transport electron and the test data dir', async () => {
  const result = await page.evaluate(() =>
    (window as unknown as { studio: { invoke: (m: string, i: unknown) => Promise<unknown> } }).studio.invoke('app.info', {}),
  );
  expect(result).toMatchObject({ ok: true, value: { transport: 'electron', dataDir: path.resolve(dataDir) } });
  expect(fs.existsSync(path.join(dataDir, 'studio.sqlite'))).toBe(true);
});

test('navigation to another origin and window.open are blocked', async () => {
  const before = page.url();
  // Whether the app's own will-navigate handler refused the navigation (listeners run in order,
  // so by the next turn its preventDefault() has run): an event, not a wait. Installed and
  // awaited before the page navigates.
  await app.evaluate(({ BrowserWindow }) => {
    const holder = globalThis as { navigationRefused?: Promise<boolean> };
    holder.navigationRefused = new Promise<boolean>((resolve) =>
      BrowserWindow.getAllWindows()[0]!.webContents.once('will-navigate', (event) => setImmediate(() => resolve(event.defaultPrevented))),
    );
  });
  await page.evaluate(() => {
    window.location.href = 'https://example.com/';
  });
  const refused = app.evaluate(() => (globalThis as { navigationRefused?: Promise<boolean> }).navigationRefused);
  expect(await refused).toBe(true);
  expect(page.url()).toBe(before);
  // A denied window.open returns null and creates no window.
  const opened = await page.evaluate(() => window.open('https://example.com/') === null);
  expect(opened).toBe(true);
  expect(app.windows()).toHaveLength(1);
});

test('a second instance on the same data dir exits and leaves the first running', async () => {
  test.skip(!executablePath, 'needs ELECTRON_EXECUTABLE from run.mjs');
  const second = spawn(executablePath!, [mainScript], { env: { ...process.env, RESUME_STUDIO_DATA_DIR: dataDir }, stdio: 'ignore' });
  const code = await new Promise<number | null>((resolve, reject) => {
    const timer = setTimeout(() => {
      second.kill();
      reject(new Error('the second instance did not exit within a minute'));
    }, 60_000);
    second.on('exit', (exitCode) => {
      clearTimeout(timer);
      resolve(exitCode);
    });
  });
  expect(code).toBe(0);
  expect(app.windows()).toHaveLength(1);
});

test('the menu has Help → Keyboard Shortcuts and Show Logs, and File → Open Data Folder and Open Recent', async () => {
  const labels = await app.evaluate(({ Menu }) => {
    const walk = (items: Electron.MenuItem[]): string[] => items.flatMap((item) => [item.label, ...(item.submenu ? walk(item.submenu.items) : [])]);
    return walk(Menu.getApplicationMenu()?.items ?? []);
  });
  expect(labels).toEqual(expect.arrayContaining(['Keyboard Shortcuts', 'Show Logs', 'Open Data Folder…', 'Open Recent Data Folder']));
});

test('a folder given on the command line opens in the Import dialog', async () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'studio-open-'));
  const withFolder = await electron.launch({
    ...(executablePath ? { executablePath } : {}),
    args: [mainScript, folder],
    env: { ...process.env, RESUME_STUDIO_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'studio-electron-open-')) } as Record<string, string>,
  });
  try {
    const window = await withFolder.firstWindow();
    const dialog = window.getByRole('dialog', { name: 'Import resumes' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByText(folder)).toBeVisible();
  } finally {
    await withFolder.close();
    fs.rmSync(folder, { recursive: true, force: true });
  }
});
