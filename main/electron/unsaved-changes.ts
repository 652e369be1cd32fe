/**
 * A page with unsaved edits (Settings) asks before it is closed or reloaded, through beforeunload.
 * Electron does not show the browser's question: it silently keeps the window open. This asks
 * instead (Electron's documented pattern) and lets the window go if the user says so.
 * Electron shell only (types); imported by main/electron/index.ts.
 */
import type { WebContents } from 'electron';

/**
 * Answers every held unload with a question; `askSync` returns the chosen button's index and must
 * be synchronous (dialog.showMessageBoxSync), because the event is decided when it returns.
 */
export function confirmLeavingUnsavedChanges(contents: Pick<WebContents, 'on'>, askSync: (message: string, detail: string, buttons: string[]) => number): void {
  contents.on('will-prevent-unload', (event: { preventDefault(): void }) => {
    const choice = askSync('You have unsaved changes.', 'Leave without saving them? They are lost if you do.', ['Stay', 'Leave without saving']);
    // preventDefault here overrides the page's beforeunload: the window closes or reloads.
    if (choice === 1) event.preventDefault();
  });
}
