import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { work } from '../../src/cli/worker.command.js';
import { startApp, type TestApp } from '../helpers/app.js';
import { SmtpSink } from '../email/smtp-sink.js';
import { runCli, until } from './child.js';
import { mailAbout } from '../helpers/mail.js';

let t: TestApp;
let sink: SmtpSink;
beforeAll(async () => {
  sink = await new SmtpSink().start();
  t = await startApp({ RAPPORT_JOBS: 'off' });
});
afterAll(async () => {
  await t.close();
  await sink.stop();
});

describe('rapport worker', () => {
  it('§5: runs the jobs without HTTP, delivers the outbox, and stops cleanly on SIGTERM', async () => {
    // The worker reads the system clock; the invitation is made at the same time.
    t.clock.set(new Date());
    const [ann, ben] = await Promise.all([t.member('ann'), t.member('ben')]);
    const sent = await ann.invite(ben);

    const worker = runCli(['worker'], {
      RAPPORT_DATABASE_URL: t.ctx.config.databaseUrl,
      RAPPORT_SMTP_URL: sink.url,
      RAPPORT_LOG_LEVEL: 'warn',
    });
    try {
      await until(() => sink.to(ben.email).length > 0, 'the worker to deliver');
      await until(
        async () => (await mailAbout(t, sent.body.id))[0]?.status === 'sent',
        'the mail to be recorded',
      );
    } finally {
      worker.process.kill('SIGTERM');
    }
    const exit = await worker.exited;
    expect(exit, worker.output()).toEqual({ code: 0, signal: null });
    expect(worker.output()).toContain('Rapport worker: running jobs every 5 s');
    expect(sink.to(ben.email)).toHaveLength(1);
  });

  it('refuses to start in test-clock mode, where jobs run only when asked', async () => {
    await expect(work(t.ctx.config)).rejects.toThrow(
      'RAPPORT_TEST_CLOCK=1 runs jobs only through POST /api/v1/test/jobs/run',
    );
  });
});
