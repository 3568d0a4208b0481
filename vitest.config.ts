import { defineConfig } from 'vitest/config';

/**
 * Unit tests of pure rules; the integration suite once per database (SQLite and PostgreSQL,
 * each test file in its own throwaway database); end-to-end tests in Chromium.
 */
export default defineConfig({
  test: {
    // Most test time is spent waiting on databases, SMTP and child processes, not on the CPU.
    maxWorkers: 3,
    projects: [
      { test: { name: 'unit', include: ['src/**/*.test.ts'] } },
      {
        test: {
          name: 'sqlite',
          include: ['test/**/*.test.ts'],
          env: { RAPPORT_TEST_DB: 'sqlite' },
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'postgres',
          include: ['test/**/*.test.ts'],
          env: { RAPPORT_TEST_DB: 'postgres' },
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
          fileParallelism: false,
        },
      },
    ],
  },
});
