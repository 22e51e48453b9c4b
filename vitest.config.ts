import { defineConfig } from 'vitest/config';

// One real Neo4j for the whole run (test/global-setup.ts), so test files run one at a time
// against it; pure unit tests are fast enough that the lost parallelism does not matter.
export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', '.neo4j/**'],
    globalSetup: ['test/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
