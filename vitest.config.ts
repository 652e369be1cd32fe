import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Node by default; a component test opts into a DOM with a `// @vitest-environment jsdom` first line.
    include: ['tests/{ml,main,renderer,lint,build}/**/*.test.ts', 'tests/renderer/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
