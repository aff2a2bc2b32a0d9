import { defineConfig } from 'vitest/config';

/** The reliability suite (`npm run test:reliability`): slower, bounded in time, one file at a time; each test prints its figure. */
export default defineConfig({
  test: {
    include: ['reliability/**/*.reliability.test.ts'],
    globalSetup: ['src/server/testing/global-setup.ts'],
    testTimeout: 600_000,
    hookTimeout: 600_000,
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
  },
});
