import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type TestApp } from '../helpers/app.js';
import { SmtpSink } from '../email/smtp-sink.js';
import { runTs } from './child.js';
import { mailAbout } from '../helpers/mail.js';

let t: TestApp;
let sink: SmtpSink;
beforeAll(async () => {
  sink = await new SmtpSink().start();
  // This app has no mail server: only the child processes deliver.
  t = await startApp();
});
afterAll(async () => {
  await t.close();
  await sink.stop();
});

const worker = (now: Date) =>
  runTs('test/jobs/fixtures/delivery-worker.ts', [], {
    RAPPORT_DATABASE_URL: t.ctx.config.databaseUrl,
    RAPPORT_SMTP_URL: sink.url,
    CHILD_NOW: now.toISOString(),
  });

describe('delivery survives a worker killed mid-batch (§5)', () => {
  /*
   * What "delivered" means: the mail server answered 250. The sink accepts three mails, then
   * never answers the fourth, and the worker is killed with SIGKILL while it waits: the fourth
   * was never acknowledged and the rest of the claimed batch was never started. After the claims
   * run out a new worker delivers every due mail exactly once and none of the withdrawn ones.
   * Delivery is at least once in general: a worker killed after a 250 but before it records the
   * mail as sent would send that one mail again; mails recorded as sent never go out twice.
   */
  it('R15 §5: after SIGKILL and a restart, every due mail arrives once and no withdrawn one does', async () => {
    const sender = await t.member('ann');
    const recipients = await Promise.all(Array.from({ length: 8 }, (_, i) => t.member(`r${i}`)));
    const ids: string[] = [];
    for (const r of recipients) ids.push((await sender.invite(r)).body.id);

    const stalled = sink.stallAfter(3);
    const first = worker(t.clock.now());
    await Promise.race([
      stalled,
      first.exited.then(() => Promise.reject(new Error(first.output()))),
    ]);
    first.process.kill('SIGKILL');
    expect((await first.exited).signal).toBe('SIGKILL');

    expect(sink.mails).toHaveLength(3);
    const rows = (await Promise.all(ids.map((id) => mailAbout(t, id)))).map((m) => m[0]!);
    expect(rows.filter((r) => r.status === 'sent')).toHaveLength(3);
    const inFlight = rows.filter((r) => r.status === 'pending' && r.attempts === 1);
    const queued = rows.filter((r) => r.status === 'pending' && r.attempts === 0);
    expect(inFlight).toHaveLength(1);
    expect(queued).toHaveLength(4);
    expect(queued.every((r) => r.claimed_until !== null)).toBe(true);

    // Two invitations whose mail was claimed but never handed over are withdrawn meanwhile.
    const withdrawn = queued.slice(0, 2).map((r) => r.invitation_id);
    for (const id of withdrawn) {
      expect((await sender.post(`/api/v1/invitations/${id}/withdraw`)).status).toBe(200);
    }

    t.clock.advance(6 * 60_000);
    const second = worker(t.clock.now());
    const exit = await second.exited;
    expect(exit.code, second.output()).toBe(0);
    expect(JSON.parse(second.output()).delivery).toMatchObject({ sent: 3, cancelled: 0 });

    const delivered = sink.mails.map((m) => m.to[0]).sort();
    const withdrawnEmails = new Set(
      rows.filter((r) => withdrawn.includes(r.invitation_id)).map((r) => r.to_email),
    );
    const expected = recipients.map((r) => r.email).filter((email) => !withdrawnEmails.has(email));
    expect(delivered).toEqual(expected.sort());
    expect(new Set(delivered).size).toBe(delivered.length);
    for (const id of ids) {
      const [row] = await mailAbout(t, id);
      expect(row!.status).toBe(withdrawn.includes(id) ? 'cancelled' : 'sent');
    }
  });
});
