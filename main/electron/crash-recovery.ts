/**
 * When the page's renderer process dies (a crash, out of memory, killed), the window turns blank.
 * The data is not at risk: the database lives in this main process and stays open. This offers
 * Reload (a fresh renderer on the same backend) or Quit, and logs what happened.
 * Electron shell only (types); imported by main/electron/index.ts.
 */
import type { RenderProcessGoneDetails, WebContents } from 'electron';

/** What the recovery needs; injected so tests need no Electron. */
export interface CrashRecoveryOptions {
  /** A message box with buttons; resolves with the index of the button chosen. */
  ask(message: string, detail: string, buttons: string[]): Promise<number>;
  log(message: string): void;
  quit(): void;
}

/** Watches one window's page; returns nothing, the listener lives as long as the contents. */
export function offerReloadAfterCrash(contents: Pick<WebContents, 'on' | 'reload' | 'isDestroyed'>, options: CrashRecoveryOptions): void {
  contents.on('render-process-gone', (_event: unknown, details: RenderProcessGoneDetails) => {
    // A clean exit is the window closing, not a crash.
    if (details.reason === 'clean-exit') return;
    options.log(`The window's renderer process is gone (${details.reason}, exit code ${details.exitCode}).`);
    void options
      .ask(
        'The Resume Studio window stopped unexpectedly.',
        `Reason: ${details.reason}. Your data is safe: the database is kept open by the app and nothing stored was lost. Reload shows the window again.`,
        ['Reload', 'Quit'],
      )
      .then((choice) => {
        if (choice === 0 && !contents.isDestroyed()) contents.reload();
        else if (choice !== 0) options.quit();
      });
  });
}
