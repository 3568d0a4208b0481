import type { Logger } from 'pino';
import type { Job } from './job.js';

/**
 * Runs every job in turn. `runDue` is what the test-clock route and each scheduler tick call;
 * a run already in progress is joined rather than started twice.
 */
export class JobRunner {
  private running: Promise<Record<string, Record<string, number>>> | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly jobs: Job[],
    private readonly log: Logger,
  ) {}

  runDue(): Promise<Record<string, Record<string, number>>> {
    this.running ??= this.runAll().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async runAll(): Promise<Record<string, Record<string, number>>> {
    const results: Record<string, Record<string, number>> = {};
    for (const job of this.jobs) {
      try {
        results[job.name] = await job.run();
      } catch (error) {
        this.log.error(
          { err: error, job: job.name },
          'job failed; it will run again on the next tick',
        );
      }
    }
    return results;
  }

  start(intervalMs: number): void {
    this.timer = setInterval(() => void this.runDue(), intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }
}
