import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Member, PASSWORD, startApp, type TestApp } from '../helpers/app.js';
import { grantAdmin } from '../helpers/admin.js';
import { expectProblem } from '../helpers/expect.js';
import { connect } from '../helpers/network.js';

const API = '/api/v1';
let t: TestApp;
let admin: Member;

beforeAll(async () => {
  t = await startApp();
  admin = await t.member('admin');
  await grantAdmin(t, admin);
});
afterAll(async () => {
  await t.close();
});

describe('R32 suspension and the graph', () => {
  it('R32: while suspended, a member leaves the lists, counts and mutual counts of everyone around them, and comes back whole', async () => {
    const [held, ann, ben, fan, gone, other] = await Promise.all([
      t.member('held'),
      t.member('hann'),
      t.member('hben'),
      t.member('hfan'),
      t.member('hgone'),
      t.member('hother'),
    ]);
    for (const peer of [ann, ben, gone, other]) await connect(peer, held);
    await connect(ann, ben);
    expect((await fan.put(`${API}/follows/${held.handle}`)).status).toBeLessThan(300);
    const handles = async (member: Member, list: string) => {
      const page = await member.get<{ items: { member: { handle: string } }[] }>(
        `${API}/${list}?limit=100`,
      );
      return page.body.items.map((i) => i.member.handle).sort();
    };
    const counts = async (member: Member) => (await member.get(`${API}/me`)).body.counts;
    const mutual = async (viewer: Member, of: Member) =>
      (await viewer.get(`${API}/members/${of.handle}`)).body.mutualCount;
    const before = {
      connections: (await ann.get(`${API}/connections?limit=100`)).body.items,
      counts: await counts(ann),
    };
    expect(before.counts.connections).toBe(2);
    expect(await mutual(ann, ben)).toBe(1);

    const suspend = (member: Member) =>
      admin.post(`${API}/admin/members/${member.handle}/suspend`, { reason: 'Held for review' });
    const unsuspend = (member: Member) =>
      admin.post(`${API}/admin/members/${member.handle}/unsuspend`);
    expect((await suspend(held)).status).toBe(204);

    expect(await handles(ann, 'connections')).toEqual([ben.handle]);
    expect(await counts(ann)).toMatchObject({ connections: 1, followers: 1, following: 1 });
    expect(await handles(ann, 'followers')).toEqual([ben.handle]);
    expect(await handles(fan, 'following')).toEqual([]);
    expect((await counts(fan)).following).toBe(0);
    expect(await mutual(ann, ben)).toBe(0);
    expectProblem(await ann.delete(`${API}/connections/${held.handle}`), 404, 'member_not_found');

    // Meanwhile one connection leaves for good, and another is suspended in turn.
    expect((await gone.request('DELETE', `${API}/me`, { password: PASSWORD })).status).toBe(204);
    expect((await suspend(other)).status).toBe(204);
    t.clock.advance(1000);
    expect((await unsuspend(held)).status).toBe(204);

    expect((await ann.get(`${API}/connections?limit=100`)).body.items).toEqual(before.connections);
    expect(await counts(ann)).toEqual(before.counts);
    expect(await mutual(ann, ben)).toBe(1);
    expect(await handles(fan, 'following')).toEqual([held.handle]);
    expect(await handles(held, 'connections')).toEqual([ann.handle, ben.handle].sort());
    expect((await counts(held)).connections).toBe(2);

    expect((await unsuspend(other)).status).toBe(204);
    expect(await handles(held, 'connections')).toEqual(
      [ann.handle, ben.handle, other.handle].sort(),
    );
    expect((await counts(held)).connections).toBe(3);
    expect(await handles(other, 'connections')).toEqual([held.handle]);
    expect(await counts(other)).toMatchObject({ connections: 1, followers: 1, following: 1 });
  });

  it('R32: while suspended, a member leaves the admins, followers, organizers and attendees others see, and their counts', async () => {
    const [host, held, guest] = await Promise.all([
      t.member('shost'),
      t.member('sheld'),
      t.member('sguest'),
    ]);
    await connect(host, held);
    const page = (await host.post(`${API}/pages`, { name: 'Held Page' })).body;
    expect((await host.put(`${API}/pages/${page.id}/admins/${held.handle}`)).status).toBe(200);
    expect((await guest.put(`${API}/pages/${page.id}/follow`)).status).toBe(200);
    const startsAt = new Date(t.clock.now().getTime() + 7 * 86_400_000).toISOString();
    const event = (await host.post(`${API}/events`, { name: 'Held Event', startsAt })).body;
    await host.post(`${API}/events/${event.id}/invitations`, { to: [held.handle] });
    const [invitation] = (await held.get(`${API}/invitations/received?kind=event`)).body.items;
    expect((await held.post(`${API}/invitations/${invitation.id}/accept`)).status).toBe(200);

    const seen = async () => {
      const pageView = (await guest.get(`${API}/pages/${page.id}`)).body;
      const eventView = (await guest.get(`${API}/events/${event.id}`)).body;
      const attendees = (await guest.get(`${API}/events/${event.id}/attendees`)).body.items;
      const handlesOf = (members: { handle: string }[]) => members.map((m) => m.handle).sort();
      return {
        admins: handlesOf(pageView.admins),
        followers: pageView.followerCount,
        attendees: handlesOf(attendees),
        attendeeCount: eventView.attendeeCount,
      };
    };
    const before = await seen();
    expect(before).toEqual({
      admins: [host.handle, held.handle].sort(),
      followers: 3,
      attendees: [host.handle, held.handle].sort(),
      attendeeCount: 2,
    });

    const reason = { reason: 'Held for review' };
    expect((await admin.post(`${API}/admin/members/${held.handle}/suspend`, reason)).status).toBe(
      204,
    );
    expect(await seen()).toEqual({
      admins: [host.handle],
      followers: 2,
      attendees: [host.handle],
      attendeeCount: 1,
    });

    expect((await admin.post(`${API}/admin/members/${held.handle}/unsuspend`)).status).toBe(204);
    expect(await seen()).toEqual(before);
  });
});
