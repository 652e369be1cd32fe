import { configDefaults, defineConfig } from 'vitest/config';

// Tests that replace a module with vi.mock (the Electron shell's, which mock `electron` itself, and
// one that delays file reads) get a fresh module graph per file; the rest share one per worker
// process, which cuts the suite's import time from ~60 s to ~12 s of CPU (they restore their spies
// and keep no module state of their own).
const mocksModules = ['tests/main/electron/**/*.test.ts', 'tests/main/import/copy-order.test.ts'];

export default defineConfig({
  test: {
    environment: 'node',
    // Deadlines sized for a loaded 2-core machine: they only end a test that is already failing, so a
    // passing run never waits for them (tests/helpers/eventually.ts polls conditions the same way).
    testTimeout: 180_000,
    hookTimeout: 180_000,
    pool: 'forks',
    // Two test files at a time on the 2-core machines this runs on: most files wait on worker
    // threads, child processes or SQLite, so one at a time left a core idle (244 s vs 153 s).
    maxWorkers: 2,
    globalSetup: ['tests/setup/worker-bundles.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'shared-modules',
          // Node by default; a component test opts into a DOM with a `// @vitest-environment jsdom` first line.
          include: ['tests/{ml,main,renderer,lint,build}/**/*.test.ts', 'tests/renderer/**/*.test.tsx'],
          exclude: [...configDefaults.exclude, ...mocksModules],
          isolate: false,
        },
      },
      { extends: true, test: { name: 'isolated', include: mocksModules } },
    ],
  },
});
