/**
 * One running instance per data directory: a second launch hands over to the first, which
 * brings its window to the front. Electron shell only; imported by main/electron/index.ts.
 */
import type { App, BrowserWindow } from 'electron';

/**
 * Claims the single-instance lock. Returns false when another instance holds it (the caller
 * must quit); otherwise focuses the current main window whenever a second instance starts.
 */
export function claimSingleInstance(
  app: Pick<App, 'requestSingleInstanceLock' | 'on'>,
  getWindow: () => BrowserWindow | null,
  /** The second launch's arguments (e.g. a folder opened with the app from the file manager). */
  onSecondLaunch?: (argv: string[], workingDirectory: string) => void,
): boolean {
  if (!app.requestSingleInstanceLock()) return false;
  app.on('second-instance', (_event: unknown, argv: string[], workingDirectory: string) => {
    onSecondLaunch?.(argv, workingDirectory);
    const window = getWindow();
    if (!window || window.isDestroyed()) return;
    if (window.isMinimized()) window.restore();
    if (!window.isVisible()) window.show();
    window.focus();
  });
  return true;
}
