import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Member, startApp, type TestApp } from '../helpers/app.js';
import { seedMembers, signUp } from '../helpers/members.js';
import { connectAll } from '../helpers/network.js';
import { walk } from '../helpers/lists.js';

let t: TestApp;
beforeAll(async () => {
  t = await startApp();
});
afterAll(async () => {
  await t.close();
});

interface Invitee {
  member: { handle: string };
  connectedAt: string;
  refusal: { code: string; detail: string; retryAt?: string } | null;
}

/** Each connection's refusal code, or null when they can be invited, by handle. */
async function refusals(admin: Member, url: string): Promise<Record<string, string | null>> {
  const { items } = await walk<Invitee>(admin, url, 2);
  return Object.fromEntries(items.map((i) => [i.member.handle, i.refusal?.code ?? null]));
}

async function receivedId(member: Member, kind: 'page' | 'event'): Promise<string> {
  const [item] = (await member.get(`/api/v1/invitations/received?kind=${kind}`)).body.items;
  return item.id;
}

describe('who of their connections an admin or organizer may invite (R21, R22)', () => {
  it('R21 R1 R16 R2: a page lists every connection with the refusal a send would meet, an ignore reading as open', async () => {
    const [ann, ben, cat, dan, eve, fay, gus] = await signUp(
      t,
      'ann',
      'ben',
      'cat',
      'dan',
      'eve',
      'fay',
      'gus',
    );
    await connectAll(t, ann, [ben, cat, dan, eve, fay, gus]);
    await connectAll(t, ben, [fay, gus]);
    const page = (await ann.post('/api/v1/pages', { name: 'Northwind' })).body;
    await ann.put(`/api/v1/pages/${page.id}/admins/${ben.handle}`);
    await cat.put(`/api/v1/pages/${page.id}/follow`);
    await dan.patch('/api/v1/settings', { pageInvitations: false });
    const sent = await ann.post(`/api/v1/pages/${page.id}/invitations`, {
      to: [eve.handle, fay.handle],
    });
    expect(sent.body.results.map((r: { status: string }) => r.status)).toEqual(['sent', 'sent']);
    // Eve ignores hers: to the admins it still reads as open (R2). Ann withdraws Fay's (R16).
    await eve.post(`/api/v1/invitations/${await receivedId(eve, 'page')}/ignore`);
    const withdrawn = sent.body.results[1].invitationId;
    expect((await ann.post(`/api/v1/invitations/${withdrawn}/withdraw`)).status).toBe(200);
    // Another admin's invitation is open to everyone's eyes (R1).
    await ben.post(`/api/v1/pages/${page.id}/invitations`, { to: [gus.handle] });

    const url = `/api/v1/pages/${page.id}/invitees`;
    expect(await refusals(ann, url)).toEqual({
      [ben.handle]: 'already_following',
      [cat.handle]: 'already_following',
      [dan.handle]: 'page_invitations_forbidden',
      [eve.handle]: 'invitation_already_open',
      [fay.handle]: 'resend_cooldown',
      [gus.handle]: 'invitation_already_open',
    });
    const fayRow = (await walk<Invitee>(ann, `${url}?q=${fay.handle}`, 10)).items[0];
    const cooldownEnds = new Date(t.clock.now().getTime() + 21 * 86_400_000).toISOString();
    expect(fayRow?.refusal).toMatchObject({ code: 'resend_cooldown', retryAt: cooldownEnds });
    // What the list says is what a send meets.
    const tried = await ann.post(`/api/v1/pages/${page.id}/invitations`, { to: [fay.handle] });
    expect(tried.body.results[0]).toMatchObject({ code: 'resend_cooldown', retryAt: cooldownEnds });

    // Ann sees her own withdrawal's cooldown; Ben withdrew nothing, so Fay is his to invite.
    expect((await refusals(ben, url))[fay.handle]).toBeNull();
    t.advanceDays(22);
    expect((await refusals(ann, url))[fay.handle]).toBeNull();
  });

  it('R13 R21: an invitation past its expiry no longer shows as open, before the expiry job ran', async () => {
    const [ann, ben] = await Promise.all([t.member('ann'), t.member('ben')]);
    await connectAll(t, ann, [ben]);
    const page = (await ann.post('/api/v1/pages', { name: 'Contoso' })).body;
    await ann.post(`/api/v1/pages/${page.id}/invitations`, { to: [ben.handle] });
    const url = `/api/v1/pages/${page.id}/invitees`;
    expect((await refusals(ann, url))[ben.handle]).toBe('invitation_already_open');
    t.advanceDays(t.ctx.config.rules.expiryDays + 1);
    expect((await refusals(ann, url))[ben.handle]).toBeNull();
  });

  it('R22: an event lists its attendees and open invitations as refused; only organizers may ask', async () => {
    const [ann, ben, cat, dan] = await signUp(t, 'ann', 'ben', 'cat', 'dan');
    await connectAll(t, ann, [ben, cat, dan]);
    const startsAt = new Date(t.clock.now().getTime() + 30 * 86_400_000).toISOString();
    const event = (await ann.post('/api/v1/events', { name: 'Data Summit', startsAt })).body;
    await ann.post(`/api/v1/events/${event.id}/invitations`, { to: [ben.handle, cat.handle] });
    await ben.post(`/api/v1/invitations/${await receivedId(ben, 'event')}/accept`);

    const url = `/api/v1/events/${event.id}/invitees`;
    expect(await refusals(ann, url)).toEqual({
      [ben.handle]: 'already_attending',
      [cat.handle]: 'invitation_already_open',
      [dan.handle]: null,
    });
    expect(await refusals(ann, `${url}?q=${dan.handle}`)).toEqual({ [dan.handle]: null });

    const byAttendee = await ben.get(url);
    expect(byAttendee.status).toBe(403);
    expect(byAttendee.body.code).toBe('forbidden');
    const unknown = await ann.get('/api/v1/events/no-such-event/invitees');
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('event_not_found');
    const pageByFollower = await ben.get(
      `/api/v1/pages/${(await ann.post('/api/v1/pages', { name: 'Fabrikam' })).body.id}/invitees`,
    );
    expect(pageByFollower.status).toBe(403);
  });

  it('R40 R21: a page’s invitees reach the last of many connections, each once', async () => {
    const ann = await t.member('ann');
    const others = await seedMembers(t, 45);
    await connectAll(t, ann, others);
    const page = (await ann.post('/api/v1/pages', { name: 'Tailspin' })).body;
    const { items, pages } = await walk<Invitee>(ann, `/api/v1/pages/${page.id}/invitees`, 10);
    expect(pages).toBe(5);
    expect(new Set(items.map((i) => i.member.handle))).toEqual(
      new Set(others.map((m) => m.handle)),
    );
    expect(items.every((i) => i.refusal === null)).toBe(true);
  });
});
