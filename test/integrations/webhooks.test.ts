import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.js';
import { webhookJob } from '../../src/jobs/webhook.job.js';
import { systemClock } from '../../src/lib/clock.js';
import { WEBHOOK_EVENTS } from '../../src/modules/webhooks/webhook.js';
import { type Member, startApp, type TestApp } from '../helpers/app.js';
import { expectProblem } from '../helpers/expect.js';
import { memberId } from '../helpers/members.js';
import { connect } from '../helpers/network.js';
import { Receiver } from './receiver.js';

let t: TestApp;
let receiver: Receiver;
beforeAll(async () => {
  t = await startApp({ RAPPORT_WEBHOOKS_ALLOW_PRIVATE: '1' });
  receiver = await new Receiver().start();
});
afterAll(async () => {
  await t.close();
  await receiver.stop();
});

interface Hook {
  id: string;
  secret: string;
  path: string;
}

async function hook(
  member: Member,
  events: readonly string[] = WEBHOOK_EVENTS,
  path = `/${member.handle}`,
): Promise<Hook> {
  const created = await member.post('/api/v1/me/webhooks', { url: receiver.url(path), events });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return { id: created.body.id, secret: created.body.secret, path };
}

/**
 * Runs the jobs, then the types of the events `hook` has received so far, each verified by its
 * signature, in alphabetical order: the test clock stands still, so events share one time.
 */
async function eventsOf(h: Hook): Promise<string[]> {
  expect((await t.runJobs()).status).toBe(200);
  return receiver
    .verifiedEvents(h.path, h.secret)
    .map((e) => e.type)
    .sort();
}

/** Runs the jobs every half hour for `hours` hours of the test clock. */
async function failFor(h: Hook, hours: number): Promise<void> {
  for (let minutes = 0; minutes < hours * 60; minutes += 30) {
    t.clock.advance(30 * 60_000);
    await eventsOf(h);
  }
}

/** When the member's one webhook was turned off; null while it is on. */
async function disabledAt(member: Member): Promise<string | null> {
  const [webhook] = (await member.get('/api/v1/me/webhooks')).body.items;
  return webhook.disabledAt;
}

describe('webhooks (R35)', () => {
  it('R35: create shows the secret once; list, delivery log and delete are the owner’s alone', async () => {
    const [ann, ben] = await Promise.all([t.member('ann'), t.member('ben')]);
    const created = await ann.post('/api/v1/me/webhooks', {
      url: receiver.url('/ann-crm'),
      events: ['invitation.accepted'],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      url: receiver.url('/ann-crm'),
      events: ['invitation.accepted'],
      disabledAt: null,
    });
    expect(created.body.secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);

    const list = await ann.get('/api/v1/me/webhooks');
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]).not.toHaveProperty('secret');
    expect((await ben.get('/api/v1/me/webhooks')).body.items).toEqual([]);
    expectProblem(
      await ben.get(`/api/v1/me/webhooks/${created.body.id}/deliveries`),
      404,
      'webhook_not_found',
    );
    expectProblem(
      await ben.delete(`/api/v1/me/webhooks/${created.body.id}`),
      404,
      'webhook_not_found',
    );

    expect((await ann.delete(`/api/v1/me/webhooks/${created.body.id}`)).status).toBe(204);
    expect((await ann.get('/api/v1/me/webhooks')).body.items).toEqual([]);
    expectProblem(
      await ann.post('/api/v1/me/webhooks', {
        url: receiver.url('/x'),
        events: ['invitation.kept'],
      }),
      400,
      'validation_failed',
    );
  });

  it('R35: each event reaches the right member’s webhook, signed so the Standard Webhooks verifier accepts it', async () => {
    const [cat, dan] = await Promise.all([t.member('cat'), t.member('dan')]);
    const [catHook, danHook] = [await hook(cat), await hook(dan)];
    const sent = await cat.invite(dan);
    expect(await eventsOf(catHook)).toEqual(['invitation.sent']);
    expect(await eventsOf(danHook)).toEqual(['invitation.received']);

    expect((await dan.post(`/api/v1/invitations/${sent.body.id}/accept`)).status).toBe(200);
    expect(await eventsOf(catHook)).toEqual([
      'connection.created',
      'invitation.accepted',
      'invitation.sent',
    ]);
    expect(await eventsOf(danHook)).toEqual([
      'connection.created',
      'invitation.accepted',
      'invitation.received',
    ]);
    const [received] = receiver.verifiedEvents(danHook.path, danHook.secret);
    expect(received?.data).toEqual({
      invitation: { id: sent.body.id, kind: 'connection', targetId: null },
      member: { handle: cat.handle, name: 'Cat' },
    });

    expect((await dan.delete(`/api/v1/connections/${cat.handle}`)).status).toBe(204);
    expect(await eventsOf(danHook)).toContain('connection.removed');
    expect(await eventsOf(catHook)).not.toContain('connection.removed');
  });

  it('R35: a member hears only the events their webhook asked for', async () => {
    const [eve, fay] = await Promise.all([t.member('eve'), t.member('fay')]);
    const eveHook = await hook(eve, ['invitation.accepted']);
    const sent = await eve.invite(fay);
    await fay.post(`/api/v1/invitations/${sent.body.id}/accept`);
    expect(await eventsOf(eveHook)).toEqual(['invitation.accepted']);
  });

  it('R35 R15: no event tells a sender of an ignore or a block, nor a recipient of a withdrawal or an expiry', async () => {
    const [gus, hal, ida, jon, kim] = await Promise.all([
      t.member('gus'),
      t.member('hal'),
      t.member('ida'),
      t.member('jon'),
      t.member('kim'),
    ]);
    const hooks = new Map<Member, Hook>();
    for (const m of [gus, hal, ida, jon, kim]) hooks.set(m, await hook(m));
    const of = (m: Member) => {
      const memberHook = hooks.get(m);
      if (!memberHook) throw new Error(`${m.handle} has no webhook`);
      return eventsOf(memberHook);
    };

    // Hal ignores Gus; Ida blocks Gus. Each has heard of the invitation first.
    const toHal = await gus.invite(hal);
    expect(await of(hal)).toEqual(['invitation.received']);
    expect((await hal.post(`/api/v1/invitations/${toHal.body.id}/ignore`, {})).status).toBe(204);
    await gus.invite(ida);
    expect(await of(ida)).toEqual(['invitation.received']);
    expect((await ida.put(`/api/v1/blocks/${gus.handle}`)).status).toBe(204);
    expect(await of(gus)).toEqual(['invitation.sent', 'invitation.sent']);
    expect(await of(hal)).toEqual(['invitation.ignored', 'invitation.received']);
    expect(await of(ida)).toEqual(['invitation.received']);

    // Jon withdraws an invitation to Kim, withdraws the next in bulk, and lets the third expire.
    const first = await jon.invite(kim);
    await of(kim);
    await jon.post(`/api/v1/invitations/${first.body.id}/withdraw`);
    t.advanceDays(21);
    const second = await jon.invite(kim);
    await of(kim);
    const bulk = await jon.post('/api/v1/invitations/withdraw', { ids: [second.body.id] });
    expect(bulk.status).toBe(200);
    t.advanceDays(21);
    await jon.invite(kim);
    await of(kim);
    t.advanceDays(181);
    expect(await of(jon)).toEqual([
      'invitation.expired',
      'invitation.sent',
      'invitation.sent',
      'invitation.sent',
      'invitation.withdrawn',
      'invitation.withdrawn',
    ]);
    expect(await of(kim)).toEqual([
      'invitation.received',
      'invitation.received',
      'invitation.received',
    ]);
  });

  it('R35 R15: a withdrawal takes back what its recipient’s webhook was not sent yet, one or in bulk', async () => {
    const [abe, bea, cid, deb, eli] = await Promise.all([
      t.member('abe'),
      t.member('bea'),
      t.member('cid'),
      t.member('deb'),
      t.member('eli'),
    ]);
    const [abeHook, beaHook, cidHook, eliHook] = [
      await hook(abe),
      await hook(bea),
      await hook(cid),
      await hook(eli),
    ];
    const toBea = await abe.invite(bea);
    expect((await abe.post(`/api/v1/invitations/${toBea.body.id}/withdraw`)).status).toBe(200);

    // Cid's receiver failed the first try, so the event waits for a retry when withdrawn.
    receiver.answer(cidHook.path, 500);
    const toCid = await abe.invite(cid);
    expect(await eventsOf(cidHook)).toEqual(['invitation.received']);
    const toDeb = await abe.invite(deb);
    await abe.invite(eli);
    const bulk = await abe.post('/api/v1/invitations/withdraw', {
      ids: [toCid.body.id, toDeb.body.id],
    });
    expect(bulk.status).toBe(200);
    t.clock.advance(61_000);

    expect(await eventsOf(beaHook)).toEqual([]);
    expect(await eventsOf(cidHook)).toEqual(['invitation.received']);
    expect(await eventsOf(eliHook)).toEqual(['invitation.received']);
    expect(await eventsOf(abeHook)).toEqual([
      ...Array<string>(4).fill('invitation.sent'),
      ...Array<string>(3).fill('invitation.withdrawn'),
    ]);
    for (const [member, memberHook] of [
      [bea, beaHook],
      [cid, cidHook],
    ] as const) {
      const log = await member.get(`/api/v1/me/webhooks/${memberHook.id}/deliveries`);
      expect(log.status).toBe(200);
      expect(log.body.items).toEqual([]);
    }
  });

  it('R35 R20 R13: an invitation closed by a block or an expiry before the worker runs never reaches its recipient’s webhook', async () => {
    const [fio, gil, hoa, ivo] = await Promise.all([
      t.member('fio'),
      t.member('gil'),
      t.member('hoa'),
      t.member('ivo'),
    ]);
    const [fioHook, gilHook, hoaHook, ivoHook] = [
      await hook(fio),
      await hook(gil),
      await hook(hoa),
      await hook(ivo),
    ];
    // Gil blocks Fio, whom he invited (withdrawn), and Ivo, who invited him (blocked).
    await gil.invite(fio);
    await ivo.invite(gil);
    expect((await gil.put(`/api/v1/blocks/${fio.handle}`)).status).toBe(204);
    expect((await gil.put(`/api/v1/blocks/${ivo.handle}`)).status).toBe(204);
    await gil.invite(hoa);
    t.advanceDays(181);
    expect(await eventsOf(fioHook)).toEqual([]);
    // To Ivo the blocked invitation looks open, and then expires like any other.
    expect(await eventsOf(ivoHook)).toEqual(['invitation.expired', 'invitation.sent']);
    expect(await eventsOf(gilHook)).toEqual([
      'invitation.expired',
      'invitation.sent',
      'invitation.sent',
      'invitation.withdrawn',
    ]);
    expect(await eventsOf(hoaHook)).toEqual([]);
  });

  it('R35 R20: a sender’s event about an invitation its recipient blocked names them as they were at the block', async () => {
    const [kit, lou] = await Promise.all([t.member('kit'), t.member('lou')]);
    const kitHook = await hook(kit);
    const sent = await kit.invite(lou);
    expect((await lou.put(`/api/v1/blocks/${kit.handle}`)).status).toBe(204);
    expect((await lou.patch('/api/v1/me', { name: 'Louisa Renamed' })).status).toBe(200);
    expect((await kit.post(`/api/v1/invitations/${sent.body.id}/withdraw`)).status).toBe(200);
    expect(await eventsOf(kitHook)).toEqual(['invitation.sent', 'invitation.withdrawn']);
    const withdrawn = receiver
      .verifiedEvents(kitHook.path, kitHook.secret)
      .find((e) => e.type === 'invitation.withdrawn');
    expect(withdrawn?.data).toEqual({
      invitation: { id: sent.body.id, kind: 'connection', targetId: null },
      member: { handle: lou.handle, name: 'Lou' },
    });
  });

  it('R35 R18: an automatic withdrawal tells the sender and not the recipient', async () => {
    const [uli, val] = await Promise.all([t.member('uli'), t.member('val')]);
    const [uliHook, valHook] = [await hook(uli), await hook(val)];
    expect((await uli.patch('/api/v1/settings', { autoWithdrawAfterDays: 14 })).status).toBe(200);
    await uli.invite(val);
    expect(await eventsOf(valHook)).toEqual(['invitation.received']);
    t.advanceDays(15);
    expect(await eventsOf(uliHook)).toEqual(['invitation.sent', 'invitation.withdrawn']);
    expect(await eventsOf(valHook)).toEqual(['invitation.received']);
  });

  it('R35: a connection ended by a block reaches only the member who blocked', async () => {
    const [lea, max] = await Promise.all([t.member('lea'), t.member('max')]);
    await connect(lea, max);
    const [leaHook, maxHook] = [await hook(lea), await hook(max)];
    expect((await lea.put(`/api/v1/blocks/${max.handle}`)).status).toBe(204);
    expect(await eventsOf(leaHook)).toEqual(['connection.removed']);
    expect(await eventsOf(maxHook)).toEqual([]);
  });

  it('R35: a receiver that answers 500 then 200 gets the event twice, and the log shows both attempts', async () => {
    const [ned, ole] = await Promise.all([t.member('ned'), t.member('ole')]);
    const nedHook = await hook(ned, ['invitation.sent']);
    receiver.answer(nedHook.path, 500);
    await ned.invite(ole);
    expect(await eventsOf(nedHook)).toEqual(['invitation.sent']);
    // Not due again yet: the back-off waits a minute.
    expect(await eventsOf(nedHook)).toHaveLength(1);
    t.clock.advance(61_000);
    expect(await eventsOf(nedHook)).toEqual(['invitation.sent', 'invitation.sent']);
    const ids = receiver.at(nedHook.path).map((r) => r.headers['webhook-id']);
    expect(new Set(ids).size).toBe(1);

    const log = await ned.get(`/api/v1/me/webhooks/${nedHook.id}/deliveries`);
    expect(log.status).toBe(200);
    expect(
      log.body.items.map((a: { responseStatus: number; deliveryStatus: string }) => [
        a.responseStatus,
        a.deliveryStatus,
      ]),
    ).toEqual([
      [200, 'delivered'],
      [500, 'delivered'],
    ]);
    expect(log.body.items[0].deliveryId).toBe(ids[0]);
  });

  it('R35: retries stop 24 hours after the event; a webhook failing for 3 days is turned off and its owner told in the app', async () => {
    const [pia, quin] = await Promise.all([t.member('pia'), t.member('quin')]);
    const piaHook = await hook(pia, ['invitation.sent']);
    receiver.answer(piaHook.path, ...Array<number>(200).fill(500));
    await pia.invite(quin);
    await eventsOf(piaHook);
    await failFor(piaHook, 25);
    const attempts = receiver.at(piaHook.path).length;
    expect(attempts).toBeGreaterThan(5);
    const log = await pia.get(`/api/v1/me/webhooks/${piaHook.id}/deliveries?limit=100`);
    expect(log.body.items[0].deliveryStatus).toBe('failed');
    expect(await disabledAt(pia)).toBeNull();

    // New events keep it failing with never a day between two failures, for 3 days in all.
    await pia.invite(await t.member('rex'));
    await failFor(piaHook, 25);
    await pia.invite(await t.member('sue'));
    await failFor(piaHook, 21.5);
    expect(await disabledAt(pia)).toBeNull();
    t.clock.advance(30 * 60_000);
    await pia.invite(await t.member('pia-4'));
    await eventsOf(piaHook);
    expect(await disabledAt(pia)).toBe(t.clock.now().toISOString());
    const notices = (await pia.get('/api/v1/notifications')).body.items;
    expect(notices.map((n: { type: string }) => n.type)).toContain('webhook_disabled');

    const seen = receiver.at(piaHook.path).length;
    await pia.invite(await t.member('pia-5'));
    await eventsOf(piaHook);
    expect(receiver.at(piaHook.path)).toHaveLength(seen);

    // Deleting the webhook that is off takes nothing from a working one made since.
    const next = await hook(pia, ['invitation.sent'], '/pia-next');
    expect((await pia.delete(`/api/v1/me/webhooks/${piaHook.id}`)).status).toBe(204);
    await pia.invite(await t.member('pia-6'));
    expect(await eventsOf(next)).toEqual(['invitation.sent']);
  });

  it('R35: two deletes of one webhook at once leave the member’s other webhook hearing every event', async () => {
    const [zed, amy] = await Promise.all([t.member('zed'), t.member('amy')]);
    const gone = await hook(zed, ['invitation.sent'], '/zed-gone');
    const kept = await hook(zed, ['invitation.sent'], '/zed-kept');
    const deletes = await Promise.all(
      [1, 2].map(() => zed.delete(`/api/v1/me/webhooks/${gone.id}`)),
    );
    expect(deletes.map((d) => d.status).sort()).toEqual([204, 404]);
    await zed.invite(amy);
    expect(await eventsOf(kept)).toEqual(['invitation.sent']);
  });

  it('R35: a member has at most ten webhooks, also when twenty are asked for at once', async () => {
    const max = await t.member('max');
    const made = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        max.post('/api/v1/me/webhooks', {
          url: receiver.url(`/max/${i}`),
          events: ['invitation.received'],
        }),
      ),
    );
    const statuses = made.map((reply) => reply.status).sort();
    expect(statuses).toEqual([...Array(10).fill(201), ...Array(10).fill(409)]);
    for (const refused of made.filter((reply) => reply.status === 409))
      expectProblem(refused, 409, 'webhook_limit_reached');
    const listed = await max.get('/api/v1/me/webhooks?limit=100');
    expect(listed.body.items).toHaveLength(10);
  });

  it('R35: every working webhook hears its member’s sends, answers and withdrawals as webhooks are made and deleted', async () => {
    const [val, wyn, xia] = await Promise.all([t.member('val'), t.member('wyn'), t.member('xia')]);
    const events = ['invitation.sent', 'invitation.withdrawn', 'invitation.accepted'];
    const first = await hook(val, events, '/val-first');
    const second = await hook(val, events, '/val-second');
    const toWyn = await val.invite(wyn);
    expect(await eventsOf(first)).toEqual(['invitation.sent']);
    expect(await eventsOf(second)).toEqual(['invitation.sent']);

    expect((await val.delete(`/api/v1/me/webhooks/${first.id}`)).status).toBe(204);
    expect((await val.post(`/api/v1/invitations/${toWyn.body.id}/withdraw`)).status).toBe(200);
    const toXia = await val.invite(xia);
    expect((await xia.post(`/api/v1/invitations/${toXia.body.id}/accept`)).status).toBe(200);
    expect(await eventsOf(second)).toEqual([
      'invitation.accepted',
      'invitation.sent',
      'invitation.sent',
      'invitation.withdrawn',
    ]);
    expect(await eventsOf(first)).toEqual(['invitation.sent']);

    expect((await val.delete(`/api/v1/me/webhooks/${second.id}`)).status).toBe(204);
    const third = await hook(val, events, '/val-third');
    await val.invite(await t.member('yul'));
    expect(await eventsOf(third)).toEqual(['invitation.sent']);
  });

  it('R35: failures more than a day apart are separate runs, so a first failure after weeks of quiet leaves the webhook on', async () => {
    const [xan, yul] = await Promise.all([t.member('xan'), t.member('yul')]);
    const xanHook = await hook(xan, ['invitation.sent']);
    receiver.answer(xanHook.path, ...Array<number>(100).fill(500));
    await xan.invite(yul);
    await eventsOf(xanHook);
    await failFor(xanHook, 25);
    expect(await disabledAt(xan)).toBeNull();

    t.advanceDays(30);
    const before = receiver.at(xanHook.path).length;
    await xan.invite(await t.member('zed'));
    await eventsOf(xanHook);
    expect(receiver.at(xanHook.path)).toHaveLength(before + 1);
    expect(await disabledAt(xan)).toBeNull();
    const notices = (await xan.get('/api/v1/notifications')).body.items;
    expect(notices.map((n: { type: string }) => n.type)).not.toContain('webhook_disabled');
  });

  it('R35: two workers never make the same attempt twice', async () => {
    const tom = await t.member('tom');
    const tomHook = await hook(tom, ['invitation.sent']);
    const recipients = await Promise.all(Array.from({ length: 12 }, (_, i) => t.member(`r${i}`)));
    for (const r of recipients) expect((await tom.invite(r)).status).toBe(201);

    const second = openDatabase(t.ctx.config.databaseUrl);
    try {
      const worker = (database: typeof second) =>
        webhookJob(
          { database, clock: t.clock, wallClock: systemClock, allowPrivate: true, log: t.ctx.log },
          { batchSize: 2 },
        );
      await Promise.all([worker(t.ctx.database).run(), worker(second).run()]);
    } finally {
      await second.close();
    }
    const ids = receiver.at(tomHook.path).map((r) => r.headers['webhook-id']);
    expect(ids).toHaveLength(12);
    expect(new Set(ids).size).toBe(12);
    const tomId = await memberId(t, tom);
    const rows = await t.ctx.database.db
      .selectFrom('webhook_deliveries')
      .innerJoin('webhooks', 'webhooks.id', 'webhook_deliveries.webhook_id')
      .select(['webhook_deliveries.status', 'webhook_deliveries.attempts'])
      .where('webhooks.member_id', '=', tomId)
      .execute();
    expect(rows.every((r) => r.status === 'delivered' && r.attempts === 1)).toBe(true);
  });
});

describe('webhook URLs without RAPPORT_WEBHOOKS_ALLOW_PRIVATE (R35)', () => {
  let u: TestApp;
  beforeAll(async () => {
    u = await startApp();
  });
  afterAll(async () => {
    await u.close();
  });

  it('R35: a URL that is not https, or does not resolve to a public address, is refused', async () => {
    const uma = await u.member('uma');
    for (const url of [
      receiver.url('/uma'),
      'http://example.com/hook',
      'https://127.0.0.1/hook',
      'https://localhost/hook',
      'https://10.1.2.3/hook',
      'https://169.254.169.254/latest',
      'https://[::1]/hook',
      'https://[::ffff:192.168.0.1]/hook',
      'https://user:pass@example.com/hook',
    ]) {
      const reply = await uma.post('/api/v1/me/webhooks', { url, events: ['invitation.sent'] });
      expectProblem(reply, 400, 'webhook_url_not_allowed');
    }
    expect((await uma.get('/api/v1/me/webhooks')).body.items).toEqual([]);
  });

  it('R35: the address is checked again at each delivery, so DNS cannot move a webhook to a private one', async () => {
    const [vic, wes] = await Promise.all([u.member('vic'), u.member('wes')]);
    const vicId = await memberId(u, vic);
    // As if each had passed the check when it was made: a name that now resolves to a
    // loopback address, and an address literal.
    const urls = {
      'moved-by-dns': receiver.url('/moved', 'localhost').replace('http:', 'https:'),
      'private-literal': receiver.url('/literal').replace('http:', 'https:'),
    };
    for (const [id, url] of Object.entries(urls)) {
      await u.ctx.database.db
        .insertInto('webhooks')
        .values({
          id,
          member_id: vicId,
          url,
          events: JSON.stringify(['invitation.sent']),
          secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
          created_at: u.clock.now().toISOString(),
          failing_since: null,
          last_failed_at: null,
          disabled_at: null,
        })
        .execute();
    }
    await u.ctx.database.db
      .updateTable('members')
      .set({ active_webhooks: Object.keys(urls).length })
      .where('id', '=', vicId)
      .execute();
    await vic.invite(wes);
    expect((await u.runJobs()).status).toBe(200);
    expect(receiver.at('/moved')).toEqual([]);
    expect(receiver.at('/literal')).toEqual([]);
    for (const id of Object.keys(urls)) {
      const log = await vic.get(`/api/v1/me/webhooks/${id}/deliveries`);
      expect(log.body.items).toHaveLength(1);
      expect(log.body.items[0]).toMatchObject({ responseStatus: null, deliveryStatus: 'pending' });
      expect(log.body.items[0].error).toMatch(/not public/);
    }
  });
});
