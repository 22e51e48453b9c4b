import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.ts';

// The suite's second pass, under Node 22 LTS (scripts/with-node22.mjs; `npm test` runs it after
// the Node 20 pass). It leaves out only the tests that exercise the machine rather than the code —
// killing and restarting servers, 10,000-file folders, the browser, the notebook and the benchmark —
// which Node 20's pass runs and which would double the suite's time for no new Node behaviour.
export default mergeConfig(
  base,
  defineConfig({
    test: {
      exclude: [
        'test/reliability/ingest-survives-kill-9.test.ts',
        'test/reliability/ingest-walks-10000-files.test.ts',
        'test/reliability/ingest-fails-clearly-without-neo4j.test.ts',
        'test/reliability/api-recovers-when-neo4j-returns.test.ts',
        'test/reliability/ingest-bounds-memory-on-huge-files.test.ts',
        'test/graph/local-server.test.ts',
        'test/explorer.test.ts',
        'test/notebook.test.ts',
        'test/bench.test.ts',
      ],
    },
  }),
);
