import { statSync } from 'node:fs';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** The project of the end-to-end files, which the sequencer spreads through the queue. */
const BROWSER_PROJECT = 'e2e';

/**
 * Vitest queues projects one after another (by name), which put all the end-to-end files first,
 * three at a time, each slowing the others: the accessibility file took 180 s there and 60 s
 * alone. This spreads them through the queue instead, so that mostly one runs at a time beside
 * database files. File size stands in for duration: each end-to-end file is queued once the
 * share of the other files' bytes already queued has caught up with the share of its own kind.
 * The others keep vitest's order, each project's files together, so that a non-isolated
 * project's worker is still reused from one of its files to the next. Measured on 2 cores:
 * 830 s for the whole vitest run before, 770 s after.
 */
class InterleavedSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const size = new Map(sorted.map((f) => [f, statSync(f.moduleId).size]));
    const sizeOf = (f: TestSpecification): number => size.get(f) ?? 0;
    const browser = sorted.filter((f) => f.project.name === BROWSER_PROJECT);
    const rest = sorted.filter((f) => f.project.name !== BROWSER_PROJECT);
    const total = (list: TestSpecification[]) => list.reduce((n, f) => n + sizeOf(f), 0) || 1;
    const [browserTotal, restTotal] = [total(browser), total(rest)];
    const order: TestSpecification[] = [];
    let [browserQueued, restQueued] = [0, 0];
    for (;;) {
      const browserTurn =
        browser.length > 0 &&
        (rest.length === 0 || browserQueued / browserTotal <= restQueued / restTotal);
      const next = browserTurn ? browser.shift() : rest.shift();
      if (!next) return order;
      if (browserTurn) browserQueued += sizeOf(next);
      else restQueued += sizeOf(next);
      order.push(next);
    }
  }
}

/**
 * Unit tests of pure rules; the integration suite once per database (SQLite and PostgreSQL,
 * each test file in its own throwaway database); end-to-end tests in Chromium.
 *
 * The integration files share their worker's loaded modules (isolate: false): each one starts
 * its own app on its own database and nothing in them changes module state, so loading the app
 * afresh for each of the 67 files only cost time (about half of the SQLite run). The unit files
 * (pure code) and the end-to-end files (each with its own server and Chromium) share theirs for
 * the same reason: the whole vitest run took 745 s instead of 849 s.
 *
 * End-to-end files run beside the others (see InterleavedSequencer): each starts its own server
 * on its own SQLite file and its own Chromium; run one after another at the end, they made the
 * whole run about twice as long.
 */
export default defineConfig({
  test: {
    sequence: { sequencer: InterleavedSequencer },
    // Three files at a time keep both CPUs busy; a fourth made the whole run slower (825 s).
    maxWorkers: 3,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'web/src/**/*.test.ts'],
          isolate: false,
        },
      },
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
          name: BROWSER_PROJECT,
          include: ['e2e/**/*.e2e.test.ts'],
          isolate: false,
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
