/**
 * Test fixtures: a fresh backend per test, and a page that fails the test on any console error,
 * uncaught exception or Content-Security-Policy violation. Every test, whatever fixtures it asks
 * for, also fails on any request of its browser context to a host other than this machine (the
 * local bridge, the API it serves), and the backend (backend.ts) fails on any outgoing connection.
 */
import fs from 'node:fs';
import { test as base, expect, type Page } from '@playwright/test';
import { startBackend, type Backend } from './backend';

/** What every e2e test gets. */
export interface StudioFixtures {
  backend: Backend;
  /** Opens the app from the backend's printed URL and waits for the first page. */
  openApp(hash?: string): Promise<void>;
  /** Console errors, uncaught exceptions and CSP violations seen so far (the test fails on any at its end). */
  problems: string[];
  /**
   * Declares a console error this test provokes on purpose (a refused reconnect after it stops the
   * server, say): console errors matching `pattern` are allowed for the whole test, including any
   * that arrive after its last step. Every other problem still fails it.
   */
  allowConsoleError(pattern: RegExp): void;
  /** The patterns allowConsoleError declared (internal to the fixtures). */
  allowedConsoleErrors: RegExp[];
  /** Requests the browser made to hosts other than this machine (automatic: the test fails on any). */
  outgoingRequests: string[];
}

/** The bridge and anything else a test serves on this machine; every other host is the network. */
export function isOutgoing(rawUrl: string): boolean {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return false;
  }
  // data:, blob:, about: and the like never touch the network.
  if (!['http:', 'https:', 'ws:', 'wss:', 'ftp:'].includes(url.protocol)) return false;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  return !(host === 'localhost' || host.endsWith('.localhost') || /^127\./.test(host) || host === '::1');
}

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

async function cspViolations(page: Page): Promise<string[]> {
  if (page.isClosed()) return [];
  return page.evaluate(() => window.__cspViolations ?? []).catch(() => []);
}

/** `test` with the Resume Studio fixtures. */
export const test = base.extend<StudioFixtures>({
  // Playwright reads fixture dependencies from the destructuring pattern; this one has none.
  // eslint-disable-next-line no-empty-pattern
  backend: async ({}, use) => {
    const backend = await startBackend();
    await use(backend);
    await backend.stop();
    fs.rmSync(backend.dataDir, { recursive: true, force: true });
  },

  // Playwright reads fixture dependencies from the destructuring pattern; this one has none.
  // eslint-disable-next-line no-empty-pattern
  allowedConsoleErrors: async ({}, use) => {
    await use([]);
  },

  allowConsoleError: async ({ allowedConsoleErrors }, use) => {
    await use((pattern) => void allowedConsoleErrors.push(pattern));
  },

  problems: async ({ page, allowedConsoleErrors }, use) => {
    const problems: string[] = [];
    // Recorded inside the page from its very first script, so early violations are caught too.
    await page.addInitScript(() => {
      window.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (event) => {
        window.__cspViolations!.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`);
      });
    });
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const text = message.text();
      if (!allowedConsoleErrors.some((pattern) => pattern.test(text))) problems.push(`console error: ${text}`);
    });
    page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
    await use(problems);
    problems.push(...(await cspViolations(page)).map((v) => `CSP violation: ${v}`));
    expect(problems, 'console errors, uncaught exceptions and CSP violations').toEqual([]);
  },

  outgoingRequests: [
    async ({ context }, use) => {
      const outgoing: string[] = [];
      const check = (url: string) => isOutgoing(url) && outgoing.push(url);
      context.on('request', (request) => check(request.url()));
      context.on('page', (page) => page.on('websocket', (socket) => check(socket.url())));
      await use(outgoing);
      expect(outgoing, 'requests to hosts other than this machine (no telemetry, no network calls)').toEqual([]);
    },
    { auto: true },
  ],

  openApp: async ({ page, backend, problems }, use) => {
    void problems; // requested so every test that opens the app is watched
    await use(async (hash = '') => {
      await page.goto(backend.url + hash);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    });
  },
});

export { expect };
