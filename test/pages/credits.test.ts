import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Member, startApp, type TestApp } from '../helpers/app.js';
import { seedMembers, signUp } from '../helpers/members.js';
import { connectAll } from '../helpers/network.js';

let t: TestApp;
beforeAll(async () => {
  t = await startApp();
});
afterAll(async () => {
  await t.close();
});

const APRIL_1 = '2026-04-01T00:00:00.000Z';

function inviteTo(admin: Member, pageId: string, to: string[]) {
  return admin.post(`/api/v1/pages/${pageId}/invitations`, { to });
}

async function receivedPageInvitation(member: Member): Promise<string> {
  const [item] = (await member.get('/api/v1/invitations/received?kind=page')).body.items;
  return item.id;
}

describe('page invitation credits (R21)', () => {
  it('R21: 100 credits a calendar month, renewed on the 1st; accept gives one back, ignore and withdraw do not', async () => {
    t.clock.set(new Date('2026-03-10T10:00:00.000Z'));
    const [ann, ben, cat, dan, eve, fay] = await signUp(
      t,
      'ann',
      'ben',
      'cat',
      'dan',
      'eve',
      'fay',
    );
    const seeded = await seedMembers(t, 98);
    await connectAll(t, ann, [ben, cat, dan, eve, fay, ...seeded]);
    const page = (await ann.post('/api/v1/pages', { name: 'Northwind' })).body;

    // March: 100 invitations spend every credit.
    const march = await inviteTo(ann, page.id, [
      ben.handle,
      cat.handle,
      ...seeded.map((m) => m.handle),
    ]);
    expect(march.status).toBe(200);
    expect(march.body.results.filter((r: { status: string }) => r.status === 'sent')).toHaveLength(
      100,
    );
    expect(march.body.credits).toEqual({ limit: 100, used: 100, remaining: 0, renewsAt: APRIL_1 });

    // The 101st is refused until 1 April.
    const refused = await inviteTo(ann, page.id, [dan.handle]);
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ code: 'page_credits_exhausted', retryAt: APRIL_1 });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);

    // An accept in March gives its credit back to March: one more can go, the next cannot.
    t.advanceDays(2);
    expect(
      (await ben.post(`/api/v1/invitations/${await receivedPageInvitation(ben)}/accept`)).status,
    ).toBe(200);
    expect((await ann.get(`/api/v1/pages/${page.id}`)).body.credits).toMatchObject({
      used: 99,
      remaining: 1,
    });
    const partly = await inviteTo(ann, page.id, [dan.handle, eve.handle]);
    expect(partly.status).toBe(200);
    expect(partly.body.results).toEqual([
      { to: dan.handle, status: 'sent', invitationId: expect.any(String) },
      {
        to: eve.handle,
        status: 'error',
        code: 'page_credits_exhausted',
        detail: expect.any(String),
        retryAt: APRIL_1,
      },
    ]);

    // The last moment of March is still March.
    t.clock.set(new Date('2026-03-31T23:59:59.999Z'));
    expect((await inviteTo(ann, page.id, [eve.handle])).status).toBe(429);

    // 1 April: the credits are renewed.
    t.clock.set(new Date(APRIL_1));
    const april = await inviteTo(ann, page.id, [eve.handle, fay.handle]);
    expect(april.status).toBe(200);
    expect(april.body.results.map((r: { status: string }) => r.status)).toEqual(['sent', 'sent']);
    expect(april.body.credits).toEqual({
      limit: 100,
      used: 2,
      remaining: 98,
      renewsAt: '2026-05-01T00:00:00.000Z',
    });

    // Withdrawn and ignored invitations keep their credit spent; a March accept in April gives back to March.
    const eveInvitation = april.body.results[0].invitationId;
    expect((await ann.post(`/api/v1/invitations/${eveInvitation}/withdraw`)).status).toBe(200);
    expect(
      (await fay.post(`/api/v1/invitations/${await receivedPageInvitation(fay)}/ignore`)).status,
    ).toBe(204);
    expect(
      (await cat.post(`/api/v1/invitations/${await receivedPageInvitation(cat)}/accept`)).status,
    ).toBe(200);
    expect((await ann.get(`/api/v1/pages/${page.id}`)).body.credits).toMatchObject({
      used: 2,
      remaining: 98,
    });
    const marchRow = await t.ctx.database.db
      .selectFrom('page_credits')
      .select('used')
      .where('page_id', '=', page.id)
      .where('month', '=', '2026-03')
      .executeTakeFirstOrThrow();
    expect(marchRow.used).toBe(99);
  });

  it('R21: admins sending at the same moment never spend more than the month holds', async () => {
    t.clock.set(new Date('2026-06-15T10:00:00.000Z'));
    const [ann, gus] = await Promise.all([t.member('ann'), t.member('gus')]);
    const seeded = await seedMembers(t, 105);
    await connectAll(t, ann, [gus, ...seeded]);
    await connectAll(t, gus, seeded.slice(99));
    const page = (await ann.post('/api/v1/pages', { name: 'Contoso' })).body;
    await ann.put(`/api/v1/pages/${page.id}/admins/${gus.handle}`);
    const first = await inviteTo(
      ann,
      page.id,
      seeded.slice(0, 99).map((m) => m.handle),
    );
    expect(first.body.credits.remaining).toBe(1);

    const [a, b] = await Promise.all([
      inviteTo(
        ann,
        page.id,
        seeded.slice(99, 102).map((m) => m.handle),
      ),
      inviteTo(
        gus,
        page.id,
        seeded.slice(102).map((m) => m.handle),
      ),
    ]);
    const sent = [a, b]
      .filter((r) => r.status === 200)
      .flatMap((r) => r.body.results)
      .filter((r: { status: string }) => r.status === 'sent');
    expect(sent).toHaveLength(1);
    expect([a.status, b.status].sort()).toEqual([200, 429]);
    expect((await ann.get(`/api/v1/pages/${page.id}`)).body.credits).toMatchObject({
      used: 100,
      remaining: 0,
    });
  });
});
