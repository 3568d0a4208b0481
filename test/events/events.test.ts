import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Member, startApp, type TestApp } from '../helpers/app.js';
import { memberRow, seedMembers, signUp } from '../helpers/members.js';
import { attendEvent } from '../../src/modules/events/event.repository.js';
import { connectAll, seedInvitationsBulk } from '../helpers/network.js';

let t: TestApp;
beforeAll(async () => {
  t = await startApp();
});
afterAll(async () => {
  await t.close();
});

async function eventOf(organizer: Member, name = 'Data Summit') {
  const startsAt = new Date(t.clock.now().getTime() + 30 * 86_400_000).toISOString();
  const created = await organizer.post('/api/v1/events', { name, startsAt, location: 'Lisbon' });
  expect(created.status).toBe(201);
  return created.body;
}

const handles = (members: { handle: string }[]) => members.map((m) => m.handle);

describe('events (R22)', () => {
  it('R22: the creator organizes and attends; an event must start in the future', async () => {
    const [ann, ben] = await Promise.all([t.member('ann'), t.member('ben')]);
    const event = await eventOf(ann);
    expect(event).toMatchObject({
      name: 'Data Summit',
      location: 'Lisbon',
      isOrganizer: true,
      attending: true,
      attendeeCount: 1,
      invitations: { limit: 1000, used: 0, remaining: 1000, renewsAt: null },
    });
    expect(handles(event.organizers)).toEqual([ann.handle]);
    expect(handles(event.attendees)).toEqual([ann.handle]);

    const seen = await ben.get(`/api/v1/events/${event.id}`);
    expect(seen.body).toMatchObject({ isOrganizer: false, attending: false, invitations: null });
    expect((await ben.get(`/api/v1/events/missing`)).body.code).toBe('event_not_found');

    const past = await ann.post('/api/v1/events', {
      name: 'Yesterday',
      startsAt: '2020-01-01T00:00:00Z',
    });
    expect(past.status).toBe(400);
    expect(past.body.code).toBe('validation_failed');
    expect((await ann.get('/api/v1/events')).body.items.map((e: { id: string }) => e.id)).toEqual([
      event.id,
    ]);
  });

  it('R22 R40: the events list splits at now: upcoming soonest first, past latest first, each read to its end', async () => {
    const eve = await t.member('eve');
    const day = 86_400_000;
    const start = t.clock.now().getTime();
    // Made in a shuffled order, starting 1 to 6 days from now.
    for (const days of [3, 1, 6, 2, 5, 4]) {
      const startsAt = new Date(start + days * day).toISOString();
      expect((await eve.post('/api/v1/events', { name: `Day ${days}`, startsAt })).status).toBe(
        201,
      );
    }
    t.clock.set(new Date(start + 3.5 * day));
    const read = async (query: string) => {
      const names: string[] = [];
      for (let cursor: string | null = ''; cursor !== null;) {
        const after: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
        const page = await eve.get<{ items: { name: string }[]; nextCursor: string | null }>(
          `/api/v1/events?limit=2${query}${after}`,
        );
        expect(page.status).toBe(200);
        names.push(...page.body.items.map((e) => e.name));
        cursor = page.body.nextCursor;
      }
      return names;
    };
    expect(await read('&when=upcoming')).toEqual(['Day 4', 'Day 5', 'Day 6']);
    expect(await read('&when=past')).toEqual(['Day 3', 'Day 2', 'Day 1']);
    expect(await read('')).toEqual(['Day 1', 'Day 2', 'Day 3', 'Day 4', 'Day 5', 'Day 6']);
    expect((await eve.get('/api/v1/events?when=soon')).status).toBe(400);
  });

  it('R10 R22: organizers invite their connections, each recipient with an outcome; accepting means attending', async () => {
    const [ann, ben, cat, dan] = await signUp(t, 'ann', 'ben', 'cat', 'dan');
    await connectAll(t, ann, [ben, cat]);
    const event = await eventOf(ann);

    const sent = await ann.post(`/api/v1/events/${event.id}/invitations`, {
      to: [ben.handle, cat.handle, dan.handle],
    });
    expect(sent.status).toBe(200);
    expect(
      sent.body.results.map((r: { status: string; code?: string }) => r.code ?? r.status),
    ).toEqual(['sent', 'sent', 'member_not_found']);
    expect(sent.body.invitations).toMatchObject({ used: 2, remaining: 998 });

    const byGuest = await ben.post(`/api/v1/events/${event.id}/invitations`, { to: [ann.handle] });
    expect(byGuest.status).toBe(403);
    expect(byGuest.body.code).toBe('forbidden');

    const [invitation] = (await ben.get('/api/v1/invitations/received?kind=event')).body.items;
    expect(invitation).toMatchObject({
      kind: 'event',
      target: { id: event.id, name: 'Data Summit' },
    });
    expect((await ben.post(`/api/v1/invitations/${invitation.id}/accept`)).status).toBe(200);
    const after = await ben.get(`/api/v1/events/${event.id}`);
    expect(after.body).toMatchObject({ attending: true, attendeeCount: 2 });
    expect(handles(after.body.attendees)).toContain(ben.handle);
    expect((await ben.get('/api/v1/events')).body.items.map((e: { id: string }) => e.id)).toEqual([
      event.id,
    ]);

    const again = await ann.post(`/api/v1/events/${event.id}/invitations`, {
      to: [ben.handle, cat.handle],
    });
    expect(again.body.results.map((r: { code?: string }) => r.code)).toEqual([
      'already_attending',
      'invitation_already_open',
    ]);
  });

  it('R22: at most 1,000 invitations per event in any rolling 7 days, then 429 with retryAt', async () => {
    const ann = await t.member('ann');
    const annRow = await memberRow(t, ann);
    const guests = await seedMembers(t, 1003);
    await connectAll(t, ann, guests);
    const event = await eventOf(ann, 'Big Conference');
    const target = { id: event.id, name: event.name };

    await seedInvitationsBulk(t, annRow, guests.slice(0, 400), { kind: 'event', target });
    const oldest = t.clock.now().toISOString();
    t.advanceDays(3);
    await seedInvitationsBulk(t, annRow, guests.slice(400, 999), { kind: 'event', target });

    const last = await ann.post(`/api/v1/events/${event.id}/invitations`, {
      to: handles(guests.slice(999, 1001)),
    });
    expect(last.status).toBe(200);
    expect(
      last.body.results.map((r: { status: string; code?: string }) => r.code ?? r.status),
    ).toEqual(['sent', 'event_invitation_limit']);
    const retryAt = new Date(new Date(oldest).getTime() + 7 * 86_400_000).toISOString();
    expect(last.body.results[1].retryAt).toBe(retryAt);
    expect(last.body.invitations).toEqual({
      limit: 1000,
      used: 1000,
      remaining: 0,
      renewsAt: retryAt,
    });

    const refused = await ann.post(`/api/v1/events/${event.id}/invitations`, {
      to: handles(guests.slice(1001)),
    });
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ code: 'event_invitation_limit', retryAt });

    // Four days later the first 400 have left the window.
    t.clock.set(new Date(retryAt));
    const later = await ann.post(`/api/v1/events/${event.id}/invitations`, {
      to: handles(guests.slice(1000)),
    });
    expect(later.status).toBe(200);
    expect(later.body.results.every((r: { status: string }) => r.status === 'sent')).toBe(true);
    expect(later.body.invitations).toMatchObject({ used: 603, remaining: 397 });
  });

  it("R40 R20: an event's attendees read to their end by cursor, newest first, blocked members left out", async () => {
    const [ann, bea] = await signUp(t, 'ann', 'bea');
    const event = await eventOf(ann, 'Crowded Meetup');
    const guests = await seedMembers(t, 120);
    // Many attend at the same moment, so the member id decides their order across pages.
    const early = new Date(t.clock.now().getTime() + 1_000).toISOString();
    const late = new Date(t.clock.now().getTime() + 2_000).toISOString();
    const db = t.ctx.database.db;
    for (const [i, guest] of guests.entries())
      await attendEvent(db, event.id, guest.id, i < 60 ? early : late);
    const blocked = guests[7]!;
    expect((await bea.put(`/api/v1/blocks/${blocked.handle}`)).status).toBe(204);

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const reply = await bea.get(`/api/v1/events/${event.id}/attendees?limit=50${query}`);
      expect(reply.status).toBe(200);
      seen.push(...handles(reply.body.items));
      cursor = reply.body.nextCursor;
      pages++;
    } while (cursor && pages < 10);

    const expected = [...guests.slice(60).reverse(), ...guests.slice(0, 60).reverse()]
      .filter((guest) => guest !== blocked)
      .map((guest) => guest.handle)
      .concat(ann.handle);
    expect(pages).toBe(3);
    expect(new Set(seen)).toEqual(new Set(expected));
    expect(seen).toHaveLength(expected.length);
    expect(new Set(seen.slice(0, 60))).toEqual(new Set(expected.slice(0, 60)));
    expect(seen.at(-1)).toBe(ann.handle);
    const view = await bea.get(`/api/v1/events/${event.id}`);
    expect(view.body.attendeeCount).toBe(expected.length);
    expect(handles(view.body.attendees)).toEqual(seen.slice(0, 50));

    const missing = await bea.get('/api/v1/events/missing/attendees');
    expect(missing.body.code).toBe('event_not_found');
  });
});
