import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API, type Member, startApp, type TestApp } from '../helpers/app.js';
import { expectProblem, expectStatus } from '../helpers/expect.js';
import { signUp } from '../helpers/members.js';

const DAY_MS = 86_400_000;

let t: TestApp;
beforeAll(async () => {
  t = await startApp();
});
afterAll(async () => {
  await t.close();
});

/** `sender` invites each of `recipients`, who answer "I don't know this person". */
async function dontKnow(sender: Member, recipients: Member[]): Promise<void> {
  for (const recipient of recipients) {
    const sent = await sender.invite(recipient);
    expectStatus(sent, 201);
    expectStatus(
      await recipient.post(`${API}/invitations/${sent.body.id}/ignore`, { reason: 'dont_know' }),
      204,
    );
  }
}

describe('restricted senders (R9)', () => {
  it('R9: the 5th "I don’t know this person" within 90 days restricts the sender for 30 days: email required', async () => {
    const [sender, target, ...answerers] = await signUp(
      t,
      'sender',
      'target',
      'a',
      'b',
      'c',
      'd',
      'e',
    );
    await dontKnow(sender, answerers.slice(0, 4));
    expect((await sender.get(`${API}/settings`)).body.restriction).toBeNull();
    expect((await sender.get(`${API}/me/quotas`)).body.restriction).toBeNull();

    await dontKnow(sender, answerers.slice(4));
    const until = new Date(t.clock.now().getTime() + 30 * DAY_MS).toISOString();
    expect((await sender.get(`${API}/settings`)).body.restriction).toEqual({ until });
    expect((await sender.get(`${API}/me/quotas`)).body.restriction).toEqual({ until });

    const refused = expectProblem(await sender.invite(target), 403, 'email_required');
    expect(refused).toMatchObject({ reason: 'sender_restricted', retryAt: until });
    expect((await sender.get(`${API}/members/${target.handle}`)).body.canInvite).toMatchObject({
      ok: false,
      code: 'email_required',
      reason: 'sender_restricted',
    });
    expectProblem(
      await sender.invite(target, { email: 'wrong@example.test' }),
      403,
      'email_required',
    );
    expectStatus(await sender.invite(target, { email: target.email.toUpperCase() }), 201);
  });

  it('R9: nothing the restricted sender can read names who answered', async () => {
    const [sender, ...answerers] = await signUp(t, 'sender', 'a', 'b', 'c', 'd', 'e');
    await dontKnow(sender, answerers);
    const seen = JSON.stringify([
      (await sender.get(`${API}/settings`)).body,
      (await sender.get(`${API}/me/quotas`)).body,
      (await sender.get(`${API}/notifications`)).body,
      (await sender.get(`${API}/me`)).body,
      (await sender.invite(answerers[0])).body,
    ]);
    for (const answerer of answerers) {
      expect(seen).not.toContain(answerer.handle);
      expect(seen).not.toContain(answerer.email);
    }
    expect(seen).not.toMatch(/ignore|dont_know/i);
    // Every answered invitation still reads as pending to the sender (R11).
    const sent = (await sender.get(`${API}/invitations/sent`)).body.items;
    expect(sent.map((i: { status: string }) => i.status)).toEqual(Array(5).fill('pending'));
  });

  it('R9: answers older than 90 days do not count; 5 within 90 days do', async () => {
    const [old, recent, ...answerers] = await signUp(
      t,
      'old',
      'recent',
      'a',
      'b',
      'c',
      'd',
      'e',
      'f',
      'g',
      'h',
      'i',
      'j',
      'k',
    );
    await dontKnow(old, answerers.slice(0, 4));
    await dontKnow(recent, answerers.slice(5, 9));
    t.advanceDays(89);
    await dontKnow(recent, answerers.slice(9, 10));
    expect((await recent.get(`${API}/settings`)).body.restriction).not.toBeNull();
    t.advanceDays(2);
    await dontKnow(old, answerers.slice(4, 5));
    expect((await old.get(`${API}/settings`)).body.restriction).toBeNull();
    expectStatus(await old.invite(answerers[10]), 201);
  });

  it('R9: plain ignores do not count', async () => {
    const [sender, ...recipients] = await signUp(t, 'sender', 'a', 'b', 'c', 'd', 'e', 'f');
    for (const recipient of recipients.slice(0, 5)) {
      const sent = await sender.invite(recipient);
      expectStatus(await recipient.post(`${API}/invitations/${sent.body.id}/ignore`), 204);
    }
    expect((await sender.get(`${API}/settings`)).body.restriction).toBeNull();
    expectStatus(await sender.invite(recipients[5]), 201);
  });

  it('R9: the restriction ends after 30 days', async () => {
    const [sender, target, ...answerers] = await signUp(
      t,
      'sender',
      'target',
      'a',
      'b',
      'c',
      'd',
      'e',
    );
    await dontKnow(sender, answerers);
    const restrictedAt = t.clock.now().getTime();
    t.clock.set(new Date(restrictedAt + 30 * DAY_MS - 1000));
    expectProblem(await sender.invite(target), 403, 'email_required');
    t.clock.set(new Date(restrictedAt + 30 * DAY_MS));
    expect((await sender.get(`${API}/settings`)).body.restriction).toBeNull();
    expect((await sender.get(`${API}/me/quotas`)).body.restriction).toBeNull();
    expectStatus(await sender.invite(target), 201);
  });
});
