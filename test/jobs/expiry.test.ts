import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../helpers/app.js';
import type { SmtpSink } from '../email/smtp-sink.js';
import { mailAbout, startWithSink } from '../helpers/mail.js';

let t: TestApp;
let sink: SmtpSink;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ t, sink, close } = await startWithSink());
});
afterAll(async () => {
  await close();
});

describe('expiry and mail (R13)', () => {
  it('R13 R15: mail about an invitation that expires before delivery is cancelled in the same run', async () => {
    const [ann, ben] = await Promise.all([t.member('ann'), t.member('ben')]);
    const sent = await ann.invite(ben);
    // Jobs did not run for the whole life of the invitation (a server that was down).
    t.advanceDays(180);
    const run = await t.runJobs();
    expect(run.body.results.expiry).toEqual({ expired: 1 });
    expect(run.body.results.reminders).toEqual({ queued: 0, moved: 0 });
    expect(run.body.results.delivery).toMatchObject({ sent: 0 });
    expect(sink.to(ben.email)).toEqual([]);
    expect(await mailAbout(t, sent.body.id)).toMatchObject([
      { status: 'cancelled', sent_at: null },
    ]);

    const again = await t.runJobs();
    expect(again.body.results.expiry).toEqual({ expired: 0 });
  });

  it('R13: an invitation that expires stops its reminders; the invitation email sent earlier stays sent', async () => {
    const [cat, dan] = await Promise.all([t.member('cat'), t.member('dan')]);
    const sent = await cat.invite(dan);
    await t.runJobs();
    t.advanceDays(180);
    await t.runJobs();
    const row = await t.ctx.database.db
      .selectFrom('invitations')
      .select(['status', 'remind_at'])
      .where('id', '=', sent.body.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'expired', remind_at: null });
    // One catch-up reminder would have gone out had the expiry not come first in the run.
    expect(sink.to(dan.email).map((m) => m.subject)).toEqual(['“Cat” wants to connect with you']);
    expect((await mailAbout(t, sent.body.id)).map((m) => m.status)).toEqual(['sent']);
  });
});
