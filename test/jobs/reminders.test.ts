import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { reminderJob } from '../../src/jobs/reminder.job.js';
import type { Member, TestApp } from '../helpers/app.js';
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
beforeEach(() => {
  sink.clear();
});

const reminders = (to: Member) =>
  sink.to(to.email).filter((m) => m.subject.startsWith('Reminder:'));

async function invitation(id: string) {
  return t.ctx.database.db
    .selectFrom('invitations')
    .select(['status', 'remind_at', 'reminders_sent'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

describe('reminder emails (R12)', () => {
  it('R12: reminders arrive at day 3 and day 10, each once, and never a third', async () => {
    const [ann, ben] = await Promise.all([t.member('ann'), t.member('ben')]);
    const sent = await ann.invite(ben, { note: 'We met at the meetup' });
    await t.runJobs();
    expect(sink.to(ben.email).map((m) => m.subject)).toEqual(['“Ann” wants to connect with you']);

    t.advanceDays(2);
    await t.runJobs();
    expect(reminders(ben)).toHaveLength(0);

    t.advanceDays(1);
    const day3 = await t.runJobs();
    expect(day3.body.results.reminders).toEqual({ queued: 1, moved: 1 });
    await t.runJobs();
    expect(reminders(ben)).toHaveLength(1);
    const first = reminders(ben)[0]!;
    expect(first.subject).toBe('Reminder: “Ann” is waiting for your answer');
    expect(first.text).toContain('> We met at the meetup');
    expect(first.headers['list-unsubscribe']).toContain('.reminder.');

    t.advanceDays(6);
    await t.runJobs();
    expect(reminders(ben)).toHaveLength(1);

    t.advanceDays(1);
    await t.runJobs();
    await t.runJobs();
    expect(reminders(ben)).toHaveLength(2);
    expect(await invitation(sent.body.id)).toEqual({
      status: 'pending',
      remind_at: null,
      reminders_sent: 2,
    });

    t.advanceDays(60);
    await t.runJobs();
    expect(reminders(ben)).toHaveLength(2);
  });

  it('R12: a run missed past day 10 catches up with one reminder, not two', async () => {
    const [cat, dan] = await Promise.all([t.member('cat'), t.member('dan')]);
    const sent = await cat.invite(dan);
    t.advanceDays(11);
    await t.runJobs();
    await t.runJobs();
    expect(reminders(dan)).toHaveLength(1);
    expect(await invitation(sent.body.id)).toMatchObject({ remind_at: null, reminders_sent: 1 });
    t.advanceDays(30);
    await t.runJobs();
    expect(reminders(dan)).toHaveLength(1);
  });

  it('R12: no reminder after a withdrawal, an accept, an ignore or a block', async () => {
    const sender = await t.member('eve');
    const [w, a, i, b] = await Promise.all(['wes', 'abe', 'ida', 'bob'].map((n) => t.member(n)));
    const ids = await Promise.all(
      [w, a, i, b].map(async (m) => String((await sender.invite(m!)).body.id)),
    );
    t.advanceDays(1);
    expect((await sender.post(`/api/v1/invitations/${ids[0]}/withdraw`)).status).toBe(200);
    expect((await a!.post(`/api/v1/invitations/${ids[1]}/accept`)).status).toBe(200);
    expect((await i!.post(`/api/v1/invitations/${ids[2]}/ignore`)).status).toBe(204);
    expect((await b!.put(`/api/v1/blocks/${sender.handle}`)).status).toBeLessThan(300);

    for (const days of [2, 7, 30]) {
      t.advanceDays(days);
      await t.runJobs();
    }
    for (const member of [w, a, i, b]) expect(reminders(member!)).toEqual([]);
    for (const id of ids) expect((await invitation(id)).remind_at).toBeNull();
  });

  it('R12: a reminder queued just before a withdrawal is cancelled, never delivered', async () => {
    const [fay, gus] = await Promise.all([t.member('fay'), t.member('gus')]);
    const sent = await fay.invite(gus);
    await t.runJobs();
    t.advanceDays(3);
    // The reminder job alone, as if the withdrawal came in between it and delivery.
    await reminderJob(t.ctx.database, t.clock, t.ctx.config.rules).run();
    expect((await fay.post(`/api/v1/invitations/${sent.body.id}/withdraw`)).status).toBe(200);
    await t.runJobs();
    expect(reminders(gus)).toEqual([]);
    const reminder = (await mailAbout(t, sent.body.id)).find((m) => m.template === 'reminder');
    expect(reminder).toMatchObject({ status: 'cancelled', sent_at: null });
  });

  it('R12: with emailReminders off no reminder goes out, and turning it on later sends no overdue one', async () => {
    const [hal, ivy] = await Promise.all([t.member('hal'), t.member('ivy')]);
    await ivy.patch('/api/v1/settings', { emailReminders: false });
    const sent = await hal.invite(ivy);
    t.advanceDays(3);
    await t.runJobs();
    t.advanceDays(7);
    await t.runJobs();
    expect(reminders(ivy)).toEqual([]);
    expect((await mailAbout(t, sent.body.id)).map((m) => m.template)).toEqual(['invitation']);

    await ivy.patch('/api/v1/settings', { emailReminders: true });
    t.advanceDays(1);
    await t.runJobs();
    expect(reminders(ivy)).toEqual([]);
  });
});
