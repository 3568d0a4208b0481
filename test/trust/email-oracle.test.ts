import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API, type Member, startApp, type TestApp } from '../helpers/app.js';
import { expectProblem, expectStatus } from '../helpers/expect.js';
import { signUp } from '../helpers/members.js';

const DAY_MS = 86_400_000;

let t: TestApp;
beforeAll(async () => {
  t = await startApp({ RAPPORT_WEEKLY_INVITATION_LIMIT: '3', RAPPORT_MAX_OPEN_SENT: '2' });
});
afterAll(async () => {
  await t.close();
});

async function guarded(name: string): Promise<Member> {
  const member = await t.member(name);
  expectStatus(
    await member.patch(`${API}/settings`, { invitationPolicy: 'email_or_contacts' }),
    200,
  );
  return member;
}

const WRONG = 'a-guess@example.test';

/** The answers to a right and a wrong address, which must be the same answer. */
async function bothAddresses(sender: Member, recipient: Member) {
  const right = await sender.invite(recipient, { email: recipient.email });
  const wrong = await sender.invite(recipient, { email: WRONG });
  expect(wrong.status).toBe(right.status);
  expect(wrong.body).toEqual(right.body);
  return right;
}

describe('the recipient’s address is never an oracle (R8)', () => {
  it('R8: the address is the last check: a cooldown, the weekly limit and the open cap answer a wrong address as they answer the right one', async () => {
    const [sender, guard, x, y, z] = await Promise.all([
      t.member('sender'),
      guarded('guard'),
      t.member('x'),
      t.member('y'),
      t.member('z'),
    ]);
    // R16: a cooldown after withdrawing.
    const first = await sender.invite(guard, { email: guard.email });
    expectStatus(first, 201);
    expectStatus(await sender.post(`${API}/invitations/${first.body.id}/withdraw`), 200);
    expectProblem(await bothAddresses(sender, guard), 403, 'resend_cooldown');
    t.advanceDays(21);

    // R6: two open invitations are the cap in this app.
    const open = [await sender.invite(x), await sender.invite(y)];
    expectProblem(await bothAddresses(sender, guard), 403, 'too_many_open_invitations');
    for (const sent of open) {
      expectStatus(await sender.post(`${API}/invitations/${sent.body.id}/withdraw`), 200);
    }
    // R5: three in the rolling week are the limit in this app (guard's counts too).
    expectStatus(await sender.invite(z), 201);
    expectProblem(await bothAddresses(sender, guard), 429, 'weekly_invitation_limit');

    // None of those wrong addresses was weighed, so none counts towards the cap.
    t.advanceDays(7);
    for (let i = 0; i < 2; i++) {
      expectProblem(await sender.invite(guard, { email: WRONG }), 403, 'email_required');
    }
    expectStatus(await sender.invite(guard, { email: guard.email }), 201);
  });

  it('R8: after 3 wrong addresses within 30 days every attempt for that recipient, right or wrong, answers 429 email_attempts_exhausted with retryAt', async () => {
    const [sender, other, guard, second] = await Promise.all([
      t.member('sender'),
      t.member('other'),
      guarded('guard'),
      guarded('second'),
    ]);
    const firstWrongAt = t.clock.now().getTime();
    for (let i = 0; i < 3; i++) {
      const refused = expectProblem(
        await sender.invite(guard, { email: `guess-${i}@example.test` }),
        403,
        'email_required',
      );
      expect(refused.reason).toBe('recipient_policy');
      t.clock.advance(DAY_MS);
    }
    const retryAt = new Date(firstWrongAt + 30 * DAY_MS).toISOString();
    for (const email of [guard.email, WRONG, undefined]) {
      const exhausted = expectProblem(
        await sender.invite(guard, email === undefined ? {} : { email }),
        429,
        'email_attempts_exhausted',
      );
      expect(exhausted.retryAt).toBe(retryAt);
    }
    expect((await sender.get(`${API}/members/${guard.handle}`)).body.canInvite).toEqual({
      ok: false,
      code: 'email_attempts_exhausted',
      retryAt,
    });
    // The cap is this sender's for this recipient: others are not held back.
    expectStatus(await other.invite(guard, { email: guard.email }), 201);
    expectStatus(await sender.invite(second, { email: second.email }), 201);

    t.clock.set(new Date(firstWrongAt + 30 * DAY_MS - 1000));
    expectProblem(
      await sender.invite(guard, { email: guard.email }),
      429,
      'email_attempts_exhausted',
    );
    t.clock.set(new Date(firstWrongAt + 30 * DAY_MS));
    expectStatus(await sender.invite(guard, { email: guard.email }), 201);
  });

  it('R8, R9: a restricted sender’s wrong addresses count towards the same cap', async () => {
    const [sender, target, ...answerers] = await signUp(t, 'sender', 'target', 'a', 'b', 'c');
    await t.ctx.database.db
      .updateTable('members')
      .set({ restricted_until: new Date(t.clock.now().getTime() + 30 * DAY_MS).toISOString() })
      .where('handle', '=', sender.handle)
      .execute();
    for (let i = 0; i < 3; i++) {
      const refused = expectProblem(
        await sender.invite(target, { email: WRONG }),
        403,
        'email_required',
      );
      expect(refused.reason).toBe('sender_restricted');
    }
    expectProblem(
      await sender.invite(target, { email: target.email }),
      429,
      'email_attempts_exhausted',
    );
    expectStatus(await sender.invite(answerers[0], { email: answerers[0].email }), 201);
  });

  it('R8, R31: GET /instance publishes the cap and its window', async () => {
    const instance = await t.app.inject({ method: 'GET', url: `${API}/instance` });
    expect(instance.json().rules).toMatchObject({
      emailAttemptsLimit: 3,
      emailAttemptsWindowDays: 30,
    });
  });
});
