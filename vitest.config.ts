import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/{ml,main,renderer,lint,build}/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
