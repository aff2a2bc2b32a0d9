import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Alphabetical file order, so `zz-summary` runs last and prints every figure of the run. */
class AlphabeticalSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    return [...files].sort((a, b) => a.moduleId.localeCompare(b.moduleId));
  }
}

/** The reliability suite (`npm run test:reliability`): slower, bounded in time, one file at a time; each test prints its figure. */
export default defineConfig({
  test: {
    include: ['reliability/**/*.reliability.test.ts'],
    globalSetup: ['src/server/testing/global-setup.ts'],
    // The PostgreSQL points hammer (20,000 operations, connections killed) took 591 s in a clean fresh-ci and timed out
    // at 600 s on a loaded machine: a bound for a hung test, not a speed target (speed is measured in bench/).
    testTimeout: 1_200_000,
    hookTimeout: 600_000,
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    sequence: { sequencer: AlphabeticalSequencer },
  },
});
