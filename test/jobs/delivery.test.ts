import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.js';
import { deliveryJob } from '../../src/jobs/delivery.job.js';
import { newId } from '../../src/lib/ids.js';
import { mailComposer } from '../../src/mail/compose.js';
import { smtpMailer } from '../../src/mail/mailer.js';
import {
  claimDueMail,
  enqueueMail,
  pendingMail,
} from '../../src/modules/outbox/outbox.repository.js';
import type { TestApp } from '../helpers/app.js';
import type { SmtpSink } from '../email/smtp-sink.js';
import { mailAbout, startWithSink } from '../helpers/mail.js';
import { memberId } from '../helpers/members.js';

let t: TestApp;
let sink: SmtpSink;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ t, sink, close } = await startWithSink());
});
afterAll(async () => {
  await close();
});
beforeEach(() => {
  sink.clear();
});

const MINUTE = 60_000;

/** Queues `count` mails to one member straight into the outbox, each with its own subject. */
async function queueMails(
  handle: string,
  email: string,
  count: number,
  tag: string,
): Promise<void> {
  const recipientId = await memberId(t, handle);
  const at = t.clock.now().toISOString();
  for (let i = 0; i < count; i++) {
    const payload = {
      actorName: `${tag}${i}`,
      actorHeadline: '',
      actorHandle: 'x',
      note: null,
      kind: 'connection',
      targetName: null,
    };
    await enqueueMail(
      t.ctx.database.db,
      pendingMail(
        {
          id: newId(t.clock.now()),
          recipient_id: recipientId,
          to_email: email,
          template: 'invitation',
          invitation_id: null,
          expects_status: null,
          payload: JSON.stringify(payload),
        },
        at,
      ),
    );
  }
}

describe('mail delivery (§5)', () => {
  it('R15: an invitation email not yet delivered when the invitation is withdrawn is never delivered', async () => {
    const [ann, ben] = await Promise.all([t.member('ann'), t.member('ben')]);
    const sent = await ann.invite(ben);
    expect((await ann.post(`/api/v1/invitations/${sent.body.id}/withdraw`)).status).toBe(200);
    await t.runJobs();
    t.advanceDays(1);
    await t.runJobs();
    expect(sink.to(ben.email)).toEqual([]);
    expect(await mailAbout(t, sent.body.id)).toMatchObject([
      { status: 'cancelled', sent_at: null, attempts: 0 },
    ]);
  });

  it('R15: a mail waiting for a retry is re-checked and cancelled after a withdrawal', async () => {
    const [cat, dan] = await Promise.all([t.member('cat'), t.member('dan')]);
    sink.failNext(451);
    const sent = await cat.invite(dan);
    expect((await t.runJobs()).body.results.delivery).toMatchObject({ retried: 1 });
    await cat.post(`/api/v1/invitations/${sent.body.id}/withdraw`);
    t.clock.advance(10 * MINUTE);
    await t.runJobs();
    expect(sink.to(dan.email)).toEqual([]);
    expect((await mailAbout(t, sent.body.id))[0]).toMatchObject({
      status: 'cancelled',
      attempts: 1,
    });
  });

  it('§5: every job run twice sends nothing twice', async () => {
    const [eve, fay, gus] = await Promise.all([t.member('eve'), t.member('fay'), t.member('gus')]);
    await eve.invite(fay);
    const toGus = await eve.invite(gus);
    await gus.post(`/api/v1/invitations/${toGus.body.id}/accept`);
    const first = await t.runJobs();
    const second = await t.runJobs();
    expect(first.body.results.delivery).toMatchObject({ sent: 2 });
    expect(second.body.results.delivery).toEqual({
      sent: 0,
      retried: 0,
      failed: 0,
      cancelled: 0,
      skipped: 0,
    });
    expect(sink.mails.map((m) => m.to[0]).sort()).toEqual([eve.email, fay.email].sort());
  });

  it('§5: temporary failures (421, then 451) are retried with back-off on the clock and delivered once', async () => {
    const [hal, ivy] = await Promise.all([t.member('hal'), t.member('ivy')]);
    sink.failNext(421, 451);
    const sent = await hal.invite(ivy);
    const start = t.clock.now().getTime();

    await t.runJobs();
    let [row] = await mailAbout(t, sent.body.id);
    expect(row).toMatchObject({ status: 'pending', attempts: 1, claimed_until: null });
    expect(row!.last_error).toMatch(/^421 /);
    expect(row!.next_attempt_at).toBe(new Date(start + 5 * MINUTE).toISOString());

    t.clock.advance(5 * MINUTE - 1);
    expect((await t.runJobs()).body.results.delivery).toMatchObject({ sent: 0, retried: 0 });

    t.clock.advance(1);
    await t.runJobs();
    [row] = await mailAbout(t, sent.body.id);
    expect(row).toMatchObject({ status: 'pending', attempts: 2 });
    expect(row!.last_error).toMatch(/^451 /);
    expect(row!.next_attempt_at).toBe(new Date(start + 15 * MINUTE).toISOString());

    t.clock.advance(10 * MINUTE);
    await t.runJobs();
    await t.runJobs();
    [row] = await mailAbout(t, sent.body.id);
    expect(row).toMatchObject({ status: 'sent', attempts: 3, last_error: null });
    expect(sink.to(ivy.email)).toHaveLength(1);
    expect(sink.refused).toHaveLength(2);
  });

  it('§5: a mail that fails for a temporary reason every time ends failed after 8 tries, with the reason', async () => {
    const [jo, kim] = await Promise.all([t.member('jo'), t.member('kim')]);
    sink.failNext(...Array.from({ length: 8 }, () => 451));
    const sent = await jo.invite(kim);
    for (let i = 0; i < 10; i++) {
      await t.runJobs();
      t.clock.advance(6 * 60 * MINUTE);
    }
    const [row] = await mailAbout(t, sent.body.id);
    expect(row).toMatchObject({ status: 'failed', attempts: 8 });
    expect(row!.last_error).toMatch(/^451 .*\(gave up after 8 tries\)$/);
    expect(sink.to(kim.email)).toEqual([]);
    expect(sink.refused).toHaveLength(8);
  });

  it('§5: a permanent failure ends failed at once, with the server’s reason', async () => {
    const [lea, max] = await Promise.all([t.member('lea'), t.member('max')]);
    sink.reject(max.email, 550, 'No such user here');
    const sent = await lea.invite(max);
    expect((await t.runJobs()).body.results.delivery).toMatchObject({ failed: 1 });
    t.advanceDays(1);
    await t.runJobs();
    const [row] = await mailAbout(t, sent.body.id);
    expect(row).toMatchObject({ status: 'failed', attempts: 1 });
    expect(row!.last_error).toMatch(/^550 .*No such user here/);
  });

  it('§5: two workers delivering at once never send the same mail', async () => {
    const ned = await t.member('ned');
    await queueMails(ned.handle, ned.email, 40, 'Twin');
    // On PostgreSQL the second worker has a pool of its own, as a second process would. SQLite's
    // driver is synchronous, so two connections in one process would stall each other's event
    // loop; there both workers share the one connection and interleave between statements.
    const other =
      t.dialect === 'postgres' ? openDatabase(t.ctx.config.databaseUrl) : t.ctx.database;
    const mailer = smtpMailer(sink.url, 'Rapport <no-reply@example.test>');
    const job = (database: typeof other) =>
      deliveryJob(
        {
          database,
          clock: t.clock,
          mailer,
          compose: mailComposer(t.ctx.config.publicUrl, 's'.repeat(32)),
          log: t.ctx.log,
          requireVerifiedEmail: false,
        },
        { batchSize: 5 },
      );
    try {
      const [a, b] = await Promise.all([job(t.ctx.database).run(), job(other).run()]);
      expect((a.sent ?? 0) + (b.sent ?? 0)).toBe(40);
    } finally {
      mailer.close();
      if (other !== t.ctx.database) await other.close();
    }
    const subjects = sink.to(ned.email).map((m) => m.subject);
    expect(subjects).toHaveLength(40);
    expect(new Set(subjects).size).toBe(40);
  });

  it('§5: mail claimed by a worker that died is delivered once its claim runs out', async () => {
    const oz = await t.member('oz');
    await queueMails(oz.handle, oz.email, 3, 'Orphan');
    const now = t.clock.now();
    const claimed = await claimDueMail(
      t.ctx.database.db,
      now.toISOString(),
      new Date(now.getTime() + 5 * MINUTE).toISOString(),
      10,
    );
    expect(claimed.filter((m) => m.to_email === oz.email)).toHaveLength(3);
    await t.runJobs();
    expect(sink.to(oz.email)).toEqual([]);

    t.clock.advance(5 * MINUTE);
    await t.runJobs();
    await t.runJobs();
    expect(sink.to(oz.email)).toHaveLength(3);
  });
});
