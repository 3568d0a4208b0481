import { defineConfig } from 'vitest/config';

/**
 * Unit tests of pure rules; the integration suite once per database (SQLite and PostgreSQL,
 * each test file in its own throwaway database); end-to-end tests in Chromium.
 *
 * The integration files share their worker's loaded modules (isolate: false): each one starts
 * its own app on its own database and nothing in them changes module state, so loading the app
 * afresh for each of the 67 files only cost time (about half of the SQLite run).
 *
 * End-to-end files run beside the others, up to three at once: each starts its own server on its
 * own SQLite file and its own Chromium, and mostly waits on them; run one after another at the
 * end, they made the whole run about twice as long.
 */
export default defineConfig({
  test: {
    // Most test time is spent waiting on databases, SMTP and child processes, not on the CPU.
    maxWorkers: 3,
    projects: [
      { test: { name: 'unit', include: ['src/**/*.test.ts', 'web/src/**/*.test.ts'] } },
      {
        test: {
          name: 'sqlite',
          include: ['test/**/*.test.ts'],
          env: { RAPPORT_TEST_DB: 'sqlite' },
          isolate: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'postgres',
          include: ['test/**/*.test.ts'],
          env: { RAPPORT_TEST_DB: 'postgres' },
          isolate: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // A page in Chromium beside two other test files can take seconds to show what a
          // quiet machine shows at once; one second, vitest's default, failed on busy runs.
          expect: { poll: { timeout: 15_000 } },
        },
      },
    ],
  },
});
