import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API, type Member, startApp, type TestApp } from '../helpers/app.js';
import { expectProblem, expectStatus } from '../helpers/expect.js';

const DAY_MS = 86_400_000;

describe('weekly limit (R5) with RAPPORT_WEEKLY_INVITATION_LIMIT=3', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp({ RAPPORT_WEEKLY_INVITATION_LIMIT: '3' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('R5: the 4th invitation within 7 days → 429 with retryAt = oldest + 7 days; allowed once the clock passes it', async () => {
    const sender = await t.member('sender');
    const others = await Promise.all(['a', 'b', 'c', 'd', 'e'].map((n) => t.member(n)));
    const t0 = t.clock.now().getTime();
    for (const other of others.slice(0, 3)) {
      expectStatus(await sender.invite(other), 201);
      t.advanceDays(1);
    }
    // Withdrawing does not give a weekly invitation back: the limit counts what was sent.
    const first = (await sender.get(`${API}/invitations/sent`)).body.items.at(-1);
    expectStatus(await sender.post(`${API}/invitations/${first.id}/withdraw`), 200);

    const refused = await sender.invite(others[3]!);
    const retryAt = new Date(t0 + 7 * DAY_MS).toISOString();
    expect(expectProblem(refused, 429, 'weekly_invitation_limit').retryAt).toBe(retryAt);
    expect(Number(refused.headers['retry-after'])).toBe(4 * 86_400);
    expect((await sender.get(`${API}/me/quotas`)).body.weekly).toEqual({
      limit: 3,
      used: 3,
      remaining: 0,
      renewsAt: retryAt,
    });
    expect((await sender.get(`${API}/members/${others[3]!.handle}`)).body.canInvite).toEqual({
      ok: false,
      code: 'weekly_invitation_limit',
      retryAt,
    });

    t.clock.set(new Date(t0 + 7 * DAY_MS - 1000));
    expectProblem(await sender.invite(others[3]!), 429, 'weekly_invitation_limit');
    t.clock.set(new Date(t0 + 7 * DAY_MS));
    expectStatus(await sender.invite(others[3]!), 201);
    expect((await sender.get(`${API}/me/quotas`)).body.weekly).toEqual({
      limit: 3,
      used: 3,
      remaining: 0,
      renewsAt: new Date(t0 + 8 * DAY_MS).toISOString(),
    });
    expectProblem(await sender.invite(others[4]!), 429, 'weekly_invitation_limit');
  });

  it('R5: quotas show what is used and left, and when the window renews; a fresh member has all of it', async () => {
    const [sender, other] = await Promise.all([t.member('sender'), t.member('other')]);
    expect((await sender.get(`${API}/me/quotas`)).body.weekly).toEqual({
      limit: 3,
      used: 0,
      remaining: 3,
      renewsAt: null,
    });
    const sentAt = t.clock.now().getTime();
    expectStatus(await sender.invite(other), 201);
    expect((await sender.get(`${API}/me/quotas`)).body.weekly).toEqual({
      limit: 3,
      used: 1,
      remaining: 2,
      renewsAt: new Date(sentAt + 7 * DAY_MS).toISOString(),
    });
    // The limit is the sender's: the recipient's own quota is untouched.
    expect((await other.get(`${API}/me/quotas`)).body.weekly.used).toBe(0);
  });
});

describe('open invitations cap (R6) with RAPPORT_MAX_OPEN_SENT=2', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp({ RAPPORT_MAX_OPEN_SENT: '2' });
  });
  afterAll(async () => {
    await t.close();
  });

  async function sendTwo(): Promise<{ sender: Member; others: Member[]; ids: string[] }> {
    const sender = await t.member('sender');
    const others = await Promise.all(['a', 'b', 'c', 'd'].map((n) => t.member(n)));
    const ids = [];
    for (const other of others.slice(0, 2)) {
      const sent = await sender.invite(other);
      expectStatus(sent, 201);
      ids.push(String(sent.body.id));
    }
    return { sender, others, ids };
  }

  it('R6: the 3rd open invitation → 403 too_many_open_invitations pointing to the clean-up; withdrawing frees a slot', async () => {
    const { sender, others, ids } = await sendTwo();
    const refused = expectProblem(
      await sender.invite(others[2]!),
      403,
      'too_many_open_invitations',
    );
    expect(refused.detail).toMatch(/\/api\/v1\/invitations\/withdraw/);
    expect(refused.detail).toMatch(/older than two weeks/);
    expect((await sender.get(`${API}/me/quotas`)).body.open).toEqual({
      limit: 2,
      used: 2,
      remaining: 0,
    });

    expectStatus(await sender.post(`${API}/invitations/${ids[0]}/withdraw`), 200);
    expect((await sender.get(`${API}/me/quotas`)).body.open).toEqual({
      limit: 2,
      used: 1,
      remaining: 1,
    });
    expectStatus(await sender.invite(others[2]!), 201);
    expectProblem(await sender.invite(others[3]!), 403, 'too_many_open_invitations');
  });

  it('R6: an ignored invitation still takes a slot (the sender cannot tell); accepted and expired ones free theirs', async () => {
    const { sender, others, ids } = await sendTwo();
    expectStatus(await others[0]!.post(`${API}/invitations/${ids[0]}/ignore`), 204);
    expectProblem(await sender.invite(others[2]!), 403, 'too_many_open_invitations');

    expectStatus(await others[1]!.post(`${API}/invitations/${ids[1]}/accept`), 200);
    expect((await sender.get(`${API}/me/quotas`)).body.open.used).toBe(1);
    expectStatus(await sender.invite(others[2]!), 201);
    expectProblem(await sender.invite(others[3]!), 403, 'too_many_open_invitations');

    t.advanceDays(180);
    await t.runJobs();
    expect((await sender.get(`${API}/me/quotas`)).body.open.used).toBe(0);
    expectStatus(await sender.invite(others[3]!), 201);
  });
});
