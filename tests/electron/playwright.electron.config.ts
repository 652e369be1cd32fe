/**
 * Playwright config for the Electron smoke tests only (tests/electron/*.spec.ts). Started by
 * tests/electron/run.mjs where the Electron binary exists; the browser-mode e2e suite has its own
 * playwright.config.ts.
 */
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  testMatch: /.*\.spec\.ts$/,
  // One Electron at a time: each test owns a window and a data directory.
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list'], ['github']] : 'list',
  outputDir: '../../test-results/electron',
  use: { trace: 'retain-on-failure' },
});
