import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API, type Member, startApp, type TestApp } from '../helpers/app.js';
import { expectProblem, expectStatus } from '../helpers/expect.js';
import { signUp } from '../helpers/members.js';
import { connectAll } from '../helpers/network.js';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

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
  it('R9: the 5th "I don’t know this person" within 90 days restricts the sender for 30 days, to the next whole hour: email required', async () => {
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

    t.clock.advance(17 * MINUTE_MS + 4321);
    await dontKnow(sender, answerers.slice(4));
    // R9: to the hour, so the last answer's moment cannot be read from it.
    const until = new Date(
      Math.ceil((t.clock.now().getTime() + 30 * DAY_MS) / HOUR_MS) * HOUR_MS,
    ).toISOString();
    expect(until).toMatch(/T\d\d:00:00\.000Z$/);
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

  it('R9: "I don’t know this person" on a page or event invitation does not count', async () => {
    const [sender, target, pageAnswerer, eventAnswerer, ...answerers] = await signUp(
      t,
      'sender',
      'target',
      'page-answerer',
      'event-answerer',
      'a',
      'b',
      'c',
      'd',
    );
    await connectAll(t, sender, [pageAnswerer, eventAnswerer]);
    const page = (await sender.post(`${API}/pages`, { name: 'Northwind' })).body;
    expectStatus(
      await sender.post(`${API}/pages/${page.id}/invitations`, { to: [pageAnswerer.handle] }),
      200,
    );
    const event = (
      await sender.post(`${API}/events`, {
        name: 'Design meetup',
        startsAt: new Date(t.clock.now().getTime() + 7 * DAY_MS).toISOString(),
      })
    ).body;
    expectStatus(
      await sender.post(`${API}/events/${event.id}/invitations`, { to: [eventAnswerer.handle] }),
      200,
    );
    for (const [answerer, kind] of [
      [pageAnswerer, 'page'],
      [eventAnswerer, 'event'],
    ] as const) {
      const [received] = (await answerer.get(`${API}/invitations/received?kind=${kind}`)).body
        .items;
      expectStatus(
        await answerer.post(`${API}/invitations/${received.id}/ignore`, { reason: 'dont_know' }),
        204,
      );
    }
    // The fourth connection answer, the sixth in all, is when the sender's answers are counted.
    await dontKnow(sender, answerers);
    expect((await sender.get(`${API}/settings`)).body.restriction).toBeNull();
    expectStatus(await sender.invite(target), 201);
  });

  it('R9: the restriction ends 30 days later, at the whole hour it names', async () => {
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
    t.clock.advance(25 * MINUTE_MS);
    await dontKnow(sender, answerers);
    const until = new Date((await sender.get(`${API}/settings`)).body.restriction.until).getTime();
    expect(until).toBe(Math.ceil((t.clock.now().getTime() + 30 * DAY_MS) / HOUR_MS) * HOUR_MS);
    t.clock.set(new Date(until - 1000));
    expectProblem(await sender.invite(target), 403, 'email_required');
    t.clock.set(new Date(until));
    expect((await sender.get(`${API}/settings`)).body.restriction).toBeNull();
    expect((await sender.get(`${API}/me/quotas`)).body.restriction).toBeNull();
    expectStatus(await sender.invite(target), 201);
  });
});
