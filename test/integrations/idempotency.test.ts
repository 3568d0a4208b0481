import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject, type Member, startApp, type TestApp } from '../helpers/app.js';
import { expectProblem } from '../helpers/expect.js';
import { memberId } from '../helpers/members.js';
import { CLAIM_LEASE_MS, requestHash } from '../../src/modules/idempotency/idempotency.service.js';

let t: TestApp;
beforeAll(async () => {
  t = await startApp();
});
afterAll(async () => {
  await t.close();
});

function post(member: Member, url: string, body: unknown, key: string) {
  return inject(t.app, 'POST', url, body, {
    authorization: `Bearer ${member.token}`,
    'idempotency-key': key,
  });
}

/** A connection invitation from `member` to the member with `handle`, under `key`. */
function inviteUnder(member: Member, handle: string, key: string) {
  return post(member, '/api/v1/invitations', { kind: 'connection', to: handle }, key);
}

async function invitationsBetween(sender: Member, recipient: Member): Promise<number> {
  const rows = await t.ctx.database.db
    .selectFrom('invitations')
    .select('id')
    .where('sender_id', '=', await memberId(t, sender))
    .where('recipient_id', '=', await memberId(t, recipient))
    .execute();
  return rows.length;
}

describe('Idempotency-Key on POSTs (R36)', () => {
  it('R36: the same key and body within 24 hours get the first answer again and act once', async () => {
    const [ann, ben] = await Promise.all([t.member('ann'), t.member('ben')]);
    const body = { kind: 'connection', to: ben.handle, note: 'We met at the fair' };
    const first = await post(ann, '/api/v1/invitations', body, 'send-ben-1');
    expect(first.status).toBe(201);
    t.clock.advance(23 * 60 * 60_000);
    const again = await post(ann, '/api/v1/invitations', body, 'send-ben-1');
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(await invitationsBetween(ann, ben)).toBe(1);
    expect((await ben.get('/api/v1/invitations/received/count')).body.total).toBe(1);
  });

  it('R36: a refusal is repeated too, and the key is fresh again after 24 hours', async () => {
    const [cat, dan] = await Promise.all([t.member('cat'), t.member('dan')]);
    const sent = await cat.invite(dan);
    const id: string = sent.body.id;
    expect((await post(cat, `/api/v1/invitations/${id}/withdraw`, {}, 'w-1')).status).toBe(200);
    expect((await post(cat, `/api/v1/invitations/${id}/withdraw`, {}, 'w-1')).status).toBe(200);
    expectProblem(
      await cat.post(`/api/v1/invitations/${id}/withdraw`, {}),
      409,
      'invitation_not_open',
    );

    t.advanceDays(1);
    t.clock.advance(1000);
    expectProblem(
      await post(cat, `/api/v1/invitations/${id}/withdraw`, {}, 'w-1'),
      409,
      'invitation_not_open',
    );
  });

  it('R36: the same body with its fields in another order or spacing is the same request', async () => {
    const [amy, bob, cal] = await Promise.all([t.member('amy'), t.member('bob'), t.member('cal')]);
    const raw = (payload: string, key: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/invitations',
        headers: {
          authorization: `Bearer ${amy.token}`,
          'content-type': 'application/json',
          'idempotency-key': key,
        },
        payload,
      });
    const first = await raw(
      `{"kind":"connection","to":"${bob.handle}","note":"Hello","howKnown":"colleague"}`,
      'order',
    );
    expect(first.statusCode).toBe(201);
    const again = await raw(
      `{ "howKnown": "colleague", "note": "Hello",\n  "to": "${bob.handle}", "kind": "connection" }`,
      'order',
    );
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    expect(await invitationsBetween(amy, bob)).toBe(1);
    // Another value under the same names is still another request.
    const other = await raw(
      `{"note":"Hello","to":"${cal.handle}","kind":"connection","howKnown":"colleague"}`,
      'order',
    );
    expect(other.statusCode).toBe(422);
    expect(await invitationsBetween(amy, cal)).toBe(0);
  });

  it('R36: the same key with another body is refused with 422 idempotency_key_reused, and nothing happens', async () => {
    const [eve, fay, gus] = await Promise.all([t.member('eve'), t.member('fay'), t.member('gus')]);
    expect(
      (await post(eve, '/api/v1/invitations', { kind: 'connection', to: fay.handle }, 'k')).status,
    ).toBe(201);
    const other = await inviteUnder(eve, gus.handle, 'k');
    expectProblem(other, 422, 'idempotency_key_reused');
    expect(await invitationsBetween(eve, gus)).toBe(0);
    const elsewhere = await post(eve, `/api/v1/me/tokens`, { name: 'k' }, 'k');
    expectProblem(elsewhere, 422, 'idempotency_key_reused');
  });

  it('R36: a body refused by its schema is a first answer too: repeated it gets the 400 again, and the key with a corrected body 422', async () => {
    const [tia, uma] = await Promise.all([t.member('tia'), t.member('uma')]);
    const invalid = { kind: 'connection' };
    const first = await post(tia, '/api/v1/invitations', invalid, 'fix-later');
    expectProblem(first, 400, 'validation_failed');
    const again = await post(tia, '/api/v1/invitations', invalid, 'fix-later');
    expectProblem(again, 400, 'validation_failed');
    expect(again.headers['idempotent-replayed']).toBe('true');
    const corrected = await inviteUnder(tia, uma.handle, 'fix-later');
    expectProblem(corrected, 422, 'idempotency_key_reused');
    expect(await invitationsBetween(tia, uma)).toBe(0);
    // Text that cannot be stored is such a refusal as well.
    const nul = await inviteUnder(tia, 'a\u0000', 'nul');
    expectProblem(nul, 400, 'invalid_text');
    expectProblem(await inviteUnder(tia, uma.handle, 'nul'), 422, 'idempotency_key_reused');
  });

  it('R36: while the first request still runs, a repeat gets 409 idempotency_key_in_use, told to retry in a second', async () => {
    const [hal, ida] = await Promise.all([t.member('hal'), t.member('ida')]);
    const body = { kind: 'connection', to: ida.handle };
    // The first request has claimed its key and not answered yet.
    const admitted = await t.ctx.idempotency.admit(
      await memberId(t, hal),
      'slow',
      requestHash('POST', '/api/v1/invitations', body),
    );
    expect(admitted.run).toBe(true);
    const busy = await post(hal, '/api/v1/invitations', body, 'slow');
    expectProblem(busy, 409, 'idempotency_key_in_use');
    expect(busy.headers['retry-after']).toBe('1');
    expect(busy.body.retryAt).toBe(new Date(t.clock.now().getTime() + 1000).toISOString());
    expect(await invitationsBetween(hal, ida)).toBe(0);
  });

  it('R36: a key whose request never answered (its process ended) is free again once the claim has run out', async () => {
    const [jo, kai] = await Promise.all([t.member('jo'), t.member('kai')]);
    const body = { kind: 'connection', to: kai.handle };
    // A process claimed the key and was killed before it answered: the claim stays unanswered.
    const admitted = await t.ctx.idempotency.admit(
      await memberId(t, jo),
      'killed',
      requestHash('POST', '/api/v1/invitations', body),
    );
    expect(admitted.run).toBe(true);
    t.clock.advance(CLAIM_LEASE_MS - 1000);
    expectProblem(
      await post(jo, '/api/v1/invitations', body, 'killed'),
      409,
      'idempotency_key_in_use',
    );
    t.clock.advance(2000);
    const retried = await post(jo, '/api/v1/invitations', body, 'killed');
    expect(retried.status).toBe(201);
    const replayed = await post(jo, '/api/v1/invitations', body, 'killed');
    expect(replayed.headers['idempotent-replayed']).toBe('true');
    expect(replayed.body).toEqual(retried.body);
    expect(await invitationsBetween(jo, kai)).toBe(1);
  });

  it('R36: two identical requests at once act once; each answer is the 201 or a 409', async () => {
    const [jon, kim] = await Promise.all([t.member('jon'), t.member('kim')]);
    const body = { kind: 'connection', to: kim.handle };
    const answers = await Promise.all([
      post(jon, '/api/v1/invitations', body, 'race'),
      post(jon, '/api/v1/invitations', body, 'race'),
    ]);
    expect(await invitationsBetween(jon, kim)).toBe(1);
    const created = answers.filter((a) => a.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(new Set(created.map((a) => a.body.id)).size).toBe(1);
    for (const answer of answers.filter((a) => a.status !== 201)) {
      expectProblem(answer, 409, 'idempotency_key_in_use');
    }
  });

  it('R36: keys belong to one member; another member may use the same key', async () => {
    const [lea, max, ned] = await Promise.all([t.member('lea'), t.member('max'), t.member('ned')]);
    expect(
      (await post(lea, '/api/v1/invitations', { kind: 'connection', to: ned.handle }, 'same'))
        .status,
    ).toBe(201);
    const other = await post(
      max,
      '/api/v1/invitations',
      { kind: 'connection', to: ned.handle },
      'same',
    );
    expect(other.status).toBe(201);
    expect(other.headers['idempotent-replayed']).toBeUndefined();
    expect((await ned.get('/api/v1/invitations/received/count')).body.total).toBe(2);
  });

  it('R36: a key must be 1 to 255 characters', async () => {
    const [ole, pia] = await Promise.all([t.member('ole'), t.member('pia')]);
    const reply = await post(
      ole,
      '/api/v1/invitations',
      { kind: 'connection', to: pia.handle },
      'x'.repeat(256),
    );
    expectProblem(reply, 400, 'validation_failed');
    expect(await invitationsBetween(ole, pia)).toBe(0);
  });

  it('R36: without a signed-in member (sign-up) the key has no effect', async () => {
    const body = {
      email: 'quin@example.test',
      password: 'correct horse battery',
      name: 'Quin',
      handle: 'quin-r36',
    };
    const first = await inject(t.app, 'POST', '/api/v1/members', body, {
      'idempotency-key': 'signup',
    });
    expect(first.status).toBe(201);
    const again = await inject(t.app, 'POST', '/api/v1/members', body, {
      'idempotency-key': 'signup',
    });
    expectProblem(again, 409, 'email_taken');
  });

  it('R36: stored answers are forgotten by the jobs after 24 hours', async () => {
    const [rex, sue] = await Promise.all([t.member('rex'), t.member('sue')]);
    await post(rex, '/api/v1/invitations', { kind: 'connection', to: sue.handle }, 'old');
    const id = await memberId(t, rex);
    const stored = () =>
      t.ctx.database.db
        .selectFrom('idempotency_keys')
        .select('key')
        .where('member_id', '=', id)
        .execute();
    expect(await stored()).toHaveLength(1);
    t.advanceDays(1);
    t.clock.advance(1000);
    expect((await t.runJobs()).status).toBe(200);
    expect(await stored()).toHaveLength(0);
  });

  it('R36 R37: every POST of the API declares the Idempotency-Key header, and each member POST the 422 answer', async () => {
    interface Operation {
      parameters?: { in: string; name: string }[];
      responses: Record<string, unknown>;
    }
    const spec = (await inject(t.app, 'GET', '/api/v1/openapi.json')).body;
    const paths: Record<string, { post?: Operation }> = spec.paths;
    const posts = Object.entries(paths).flatMap(([path, item]) =>
      item.post ? [{ path, op: item.post }] : [],
    );
    expect(posts.length).toBeGreaterThan(10);
    for (const { path, op } of posts) {
      const header = (op.parameters ?? []).find(
        (p) => p.in === 'header' && p.name === 'idempotency-key',
      );
      expect(header, path).toBeDefined();
      // Every POST a member signs in for can answer 422 idempotency_key_reused.
      if (op.responses['401']) expect(op.responses['422'], path).toBeDefined();
    }
  });
});

describe('Idempotency-Key under rate limits (R36)', () => {
  it('R36: a request refused by a rate limit keeps nothing: once the limit allows, the same key runs', async () => {
    const limited = await startApp({ RAPPORT_RATE_LIMITS: 'on' });
    try {
      const vic = await limited.member('vic');
      const resend = (key: string) =>
        inject(limited.app, 'POST', '/api/v1/me/email-verification', undefined, {
          authorization: `Bearer ${vic.token}`,
          'idempotency-key': key,
        });
      // verificationMail: 5 an hour for each member.
      for (let i = 0; i < 5; i++) expect((await resend(`mail-${i}`)).status).not.toBe(429);
      expectProblem(await resend('later'), 429, 'rate_limited');
      limited.clock.advance(60 * 60_000);
      const later = await resend('later');
      expect(later.status).not.toBe(429);
      expect(later.headers['idempotent-replayed']).toBeUndefined();
    } finally {
      await limited.close();
    }
  });
});
