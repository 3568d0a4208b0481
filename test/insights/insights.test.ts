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

const receivedId = async (m: Member) =>
  (await m.get('/api/v1/invitations/received')).body.items[0].id;

/**
 * One sender's history over 135 days: two invitations on day 0 (one accepted on day 5), six on
 * day 100 (one accepted, one answered `ignore` when `ignore` is true, one withdrawn), one on day 130.
 */
async function history(sender: Member, ignore: boolean) {
  const [p1, p2, q1, q2, q3, q4, q5, r1, s1] = await signUp(
    t,
    'p1',
    'p2',
    'q1',
    'q2',
    'q3',
    'q4',
    'q5',
    'r1',
    's1',
  );
  await connectAll(t, sender, [r1]);
  const page = (await sender.post('/api/v1/pages', { name: 'Acme' })).body;
  const start = t.clock.now().getTime();
  const at = (day: number) => t.clock.set(new Date(start + day * 86_400_000));

  await sender.invite(p1);
  await sender.invite(p2);
  at(5);
  await p1.post(`/api/v1/invitations/${await receivedId(p1)}/accept`);
  at(100);
  for (const m of [q1, q2, q4, q5]) await sender.invite(m);
  const withdrawn = (await sender.invite(q3)).body.id;
  await sender.post(`/api/v1/pages/${page.id}/invitations`, { to: [r1.handle] });
  at(101);
  await q1.post(`/api/v1/invitations/${await receivedId(q1)}/accept`);
  if (ignore)
    await q2.post(`/api/v1/invitations/${await receivedId(q2)}/ignore`, { reason: 'dont_know' });
  await sender.post(`/api/v1/invitations/${withdrawn}/withdraw`);
  at(130);
  await sender.invite(s1);
  t.clock.set(new Date(start));
}

const DAY = 86_400_000;
const HOUR = 3_600_000;

/**
 * One sender's answers for R41: connections made on day 0 (outside the window), then on day 100
 * five connection invitations with various notes and answers to "how do you know them", one more
 * withdrawn, and a page invitation; their accepts come 1 hour to 40 days later. When `ignore` is
 * true, the recipient of the unanswered colleague invitation ignores it.
 */
async function answers(sender: Member, ignore: boolean) {
  const h = sender.handle;
  const [a1, a2, a3, a4, a5, w, r] = await signUp(
    t,
    `${h}a1`,
    `${h}a2`,
    `${h}a3`,
    `${h}a4`,
    `${h}a5`,
    `${h}w`,
    `${h}r`,
  );
  const start = t.clock.now().getTime();
  const at = (day: number, hours = 0) => t.clock.set(new Date(start + day * DAY + hours * HOUR));
  await connectAll(t, sender, [r]);
  const page = (await sender.post('/api/v1/pages', { name: 'Initech' })).body;

  at(100);
  await sender.invite(a1, { note: 'We met at the meetup', howKnown: 'colleague' });
  await sender.invite(a2, { howKnown: 'colleague' });
  await sender.invite(a3, { note: 'Old friends', howKnown: 'friend' });
  await sender.invite(a4);
  await sender.invite(a5, { howKnown: 'classmate' });
  const withdrawn = (await sender.invite(w, { howKnown: 'other' })).body.id;
  await sender.post(`/api/v1/pages/${page.id}/invitations`, { to: [r.handle] });
  at(100, 1);
  await r.post(`/api/v1/invitations/${await receivedId(r)}/accept`);
  at(100, 2);
  await a1.post(`/api/v1/invitations/${await receivedId(a1)}/accept`);
  await sender.post(`/api/v1/invitations/${withdrawn}/withdraw`);
  if (ignore) await a2.post(`/api/v1/invitations/${await receivedId(a2)}/ignore`);
  at(103);
  await a3.post(`/api/v1/invitations/${await receivedId(a3)}/accept`);
  at(110);
  await a5.post(`/api/v1/invitations/${await receivedId(a5)}/accept`);
  at(140);
  expect((await a4.invite(sender)).body.status).toBe('connected');
  t.clock.set(new Date(start));
}

/** The invitation figures: everything but the time of the answer and the network. */
const figures = (body: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(body).filter(([key]) => key !== 'generatedAt' && key !== 'network'),
  );

describe('insights', () => {
  it('R11 R18: open, stale, accepted and the 90-day acceptance rate; an ignore reads exactly like no answer', async () => {
    const start = new Date('2026-01-01T09:00:00.000Z');
    const [ann, bea] = await signUp(t, 'ann', 'bea');
    t.clock.set(start);
    await history(ann, true);
    await history(bea, false);
    t.clock.set(new Date(start.getTime() + 135 * 86_400_000));

    const insights = await ann.get('/api/v1/insights');
    expect(insights.status).toBe(200);
    expect(figures(insights.body)).toEqual({
      open: { total: 6, byKind: { connection: 5, page: 1, event: 0 } },
      stale: 5,
      acceptedLast90Days: 1,
      acceptance: { windowDays: 90, sent: 7, accepted: 1, rate: 0.1429 },
      ageHistogram: [
        { bucket: '0-7', minDays: 0, maxDays: 7, count: 1 },
        { bucket: '8-14', minDays: 8, maxDays: 14, count: 0 },
        { bucket: '15-30', minDays: 15, maxDays: 30, count: 0 },
        { bucket: '31-90', minDays: 31, maxDays: 90, count: 4 },
        { bucket: '91-180', minDays: 91, maxDays: 180, count: 1 },
      ],
      timeToAccept: {
        windowDays: 90,
        accepted: 1,
        medianHours: 24,
        within: [
          { days: 1, count: 1, share: 1 },
          { days: 7, count: 1, share: 1 },
          { days: 30, count: 1, share: 1 },
        ],
      },
      acceptanceByAnswer: {
        windowDays: 90,
        byNote: {
          withNote: { sent: 0, accepted: 0, rate: null },
          withoutNote: { sent: 6, accepted: 1, rate: 0.1667 },
        },
        byHowKnown: [
          ...['colleague', 'classmate', 'friend', 'other'].map((howKnown) => ({
            howKnown,
            sent: 0,
            accepted: 0,
            rate: null,
          })),
          { howKnown: 'unspecified', sent: 6, accepted: 1, rate: 0.1667 },
        ],
      },
    });
    // bea did exactly the same, except that nobody ignored her: her figures cannot differ.
    expect(figures((await bea.get('/api/v1/insights')).body)).toEqual(figures(insights.body));
  });

  it('R41 R11: time to accept and acceptance by note and by how you know them; an ignore reads like no answer', async () => {
    const start = new Date('2026-03-01T09:00:00.000Z');
    const [cai, dan] = await signUp(t, 'cai', 'dan');
    t.clock.set(start);
    await answers(cai, true);
    await answers(dan, false);
    t.clock.set(new Date(start.getTime() + 145 * DAY));

    const insights = (await cai.get('/api/v1/insights')).body;
    expect(insights.timeToAccept).toEqual({
      windowDays: 90,
      // Waits of 1 h (the page), 2 h, 3 days, 10 days and 40 days (the mutual invitation).
      accepted: 5,
      medianHours: 72,
      within: [
        { days: 1, count: 2, share: 0.4 },
        { days: 7, count: 3, share: 0.6 },
        { days: 30, count: 4, share: 0.8 },
      ],
    });
    expect(insights.acceptanceByAnswer).toEqual({
      windowDays: 90,
      byNote: {
        withNote: { sent: 2, accepted: 2, rate: 1 },
        withoutNote: { sent: 4, accepted: 2, rate: 0.5 },
      },
      byHowKnown: [
        { howKnown: 'colleague', sent: 2, accepted: 1, rate: 0.5 },
        { howKnown: 'classmate', sent: 1, accepted: 1, rate: 1 },
        { howKnown: 'friend', sent: 1, accepted: 1, rate: 1 },
        { howKnown: 'other', sent: 1, accepted: 0, rate: 0 },
        { howKnown: 'unspecified', sent: 1, accepted: 1, rate: 1 },
      ],
    });
    // dan did exactly the same, except that nobody ignored him: his figures cannot differ.
    expect(figures((await dan.get('/api/v1/insights')).body)).toEqual(figures(insights));
  });

  it('network composition: top 10 companies, industries and locations of your connections, blanks left out', async () => {
    const dee = await t.member('dee');
    const companies = ['Acme', 'Acme', 'Acme', 'Globex', 'Globex', 'Initech', ''];
    for (let i = 1; i <= 9; i++) companies.push(`Company ${i}`);
    const peers = await seedMembers(t, companies.length, (i) => ({
      company: companies[i] ?? '',
      industry: i % 4 === 0 ? 'Data' : 'Software',
      location: i < 2 ? '' : i % 2 ? 'Berlin' : 'Lisbon',
    }));
    await connectAll(t, dee, peers);
    // A stranger's profile does not count.
    await seedMembers(t, 3, () => ({ company: 'Hooli' }));

    const { network } = (await dee.get('/api/v1/insights')).body;
    expect(network.connections).toBe(16);
    expect(network.byCompany).toEqual([
      { value: 'Acme', count: 3 },
      { value: 'Globex', count: 2 },
      // Ten of the eleven values: ties go alphabetically, so Company 9 and Initech are left out.
      ...[1, 2, 3, 4, 5, 6, 7, 8].map((n) => ({ value: `Company ${n}`, count: 1 })),
    ]);
    expect(network.byIndustry).toEqual([
      { value: 'Software', count: 12 },
      { value: 'Data', count: 4 },
    ]);
    expect(network.byLocation).toEqual([
      { value: 'Berlin', count: 7 },
      { value: 'Lisbon', count: 7 },
    ]);
  });
});
