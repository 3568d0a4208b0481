import { type Config, ConfigError } from '../config.js';
import { openContext } from './command.context.js';

/**
 * `rapport worker`: the jobs loop without HTTP, for operators who set RAPPORT_JOBS=off on the
 * app processes. On SIGTERM or SIGINT it finishes the run in progress, then exits.
 */
export async function work(config: Config): Promise<void> {
  if (config.testClock) {
    throw new ConfigError([
      'RAPPORT_TEST_CLOCK=1 runs jobs only through POST /api/v1/test/jobs/run; unset it for a worker',
    ]);
  }
  const ctx = await openContext(config);
  const { log } = ctx;
  if (!config.smtpUrl) log.warn('RAPPORT_SMTP_URL is not set: mail stays in the outbox');

  // A tick while a run is still going lets it be: joining it would log its counts once more
  // for every tick it outlasted, as if that much more mail had gone.
  let ticking = false;
  const tick = async () => {
    if (ticking) return;
    ticking = true;
    try {
      const results = await ctx.jobs.runDue();
      const busy = Object.entries(results).filter(([, counts]) =>
        Object.values(counts).some((n) => n > 0),
      );
      if (busy.length > 0) log.info({ jobs: Object.fromEntries(busy) }, 'jobs ran');
    } finally {
      ticking = false;
    }
  };
  void tick();
  const timer = setInterval(() => void tick(), config.jobIntervalMs);
  process.stdout.write(
    `Rapport worker: running jobs every ${config.jobIntervalMs / 1000} s on ${config.databaseUrl.replace(/\/\/[^@]*@/, '//')}. Stop with Ctrl+C.\n`,
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    clearInterval(timer);
    log.info({ signal }, 'worker stopping after the run in progress');
    await ctx.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}
