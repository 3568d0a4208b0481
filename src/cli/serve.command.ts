import { buildApp } from '../app.js';
import { type Config, ConfigError } from '../config.js';
import { DEMO_PASSWORD, DEMO_SIGN_INS, seedDemo } from '../seed/demo.js';
import { openContext } from './command.context.js';

/** `rapport serve`: build context → build app → listen; stops cleanly on SIGINT and SIGTERM. */
export async function serve(config: Config): Promise<void> {
  const ctx = await openContext(config);
  const seeded = config.demoData ? await seedDemo(ctx.database, config) : false;
  const app = await buildApp(ctx);
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await app.close();
    await ctx.close();
    // A host that does not resolve or a port taken or not ours is the operator's to change.
    const reason = error instanceof Error ? error.message : String(error);
    throw new ConfigError([
      `RAPPORT_HOST=${config.host} RAPPORT_PORT=${config.port}: cannot listen there (${reason})`,
    ]);
  }
  if (config.runJobs && !config.testClock) ctx.jobs.start(config.jobIntervalMs);

  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`;
  const lines = [
    '',
    `  Rapport is running at ${url}`,
    `  API docs: ${url}/api/docs    Database: ${config.databaseUrl.replace(/\/\/[^@]*@/, '//')}`,
  ];
  if (config.demoData) {
    lines.push(
      `  Demo sign-ins (password "${DEMO_PASSWORD}"): ${DEMO_SIGN_INS.join(', ')}${seeded ? '' : ' (already seeded)'}`,
    );
  }
  lines.push('  Stop with Ctrl+C.', '');
  process.stdout.write(lines.join('\n') + '\n');

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    ctx.log.info({ signal }, 'shutting down');
    await app.close();
    await ctx.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}
