/**
 * Folders the operating system asks the app to open (on the command line, from a second launch,
 * or macOS `open-file`) go to the Import dialog, prefilled. At start the page is not listening yet,
 * so requests wait until it makes its first call: by then its event listeners exist.
 * Pure; imported by main/electron/index.ts.
 */

/** Queue of open requests in front of the page. */
export interface OpenRequests {
  /** A folder to import; sent now if the page listens, else when it does. */
  open(folder: string): void;
  /** The page made a call: it is listening; send what waited. */
  pageReady(): void;
  /** The page is (re)loading: hold requests again until it calls. */
  pageGone(): void;
}

/** Creates the queue; `send` delivers one folder to the page. */
export function createOpenRequests(send: (folder: string) => void): OpenRequests {
  let isListening = false;
  const waiting: string[] = [];
  return {
    open(folder) {
      if (isListening) send(folder);
      else waiting.push(folder);
    },
    pageReady() {
      if (isListening) return;
      isListening = true;
      for (const folder of waiting.splice(0)) send(folder);
    },
    pageGone() {
      isListening = false;
    },
  };
}
