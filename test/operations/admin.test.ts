import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject, type Member, PASSWORD, startApp, type TestApp } from '../helpers/app.js';
import { runCli } from '../jobs/child.js';
import { grantAdmin } from '../helpers/admin.js';
import { expectProblem } from '../helpers/expect.js';
import { DAY_MS } from '../../src/lib/time.js';
import { memberId } from '../helpers/members.js';
import { connect } from '../helpers/network.js';

const API = '/api/v1';
let t: TestApp;
let admin: Member;

beforeAll(async () => {
  t = await startApp({ RAPPORT_DONT_KNOW_THRESHOLD: '1' });
  admin = await t.member('admin');
  await grantAdmin(t, admin);
});
afterAll(async () => {
  await t.close();
});

async function outboxStatuses(invitationIds: string[]): Promise<string[]> {
  const rows = await t.ctx.database.db
    .selectFrom('outbox')
    .select('status')
    .where('invitation_id', 'in', invitationIds)
    .execute();
  return rows.map((r) => r.status);
}

describe('R32 admins and moderation', () => {
  it('R32: a suspended member cannot sign in or use a token, answers 404 to others, and their open invitations vanish with every R15 effect', async () => {
    const [spam, ann, ben, cat] = await Promise.all([
      t.member('spam'),
      t.member('ann'),
      t.member('ben'),
      t.member('cat'),
    ]);
    await connect(cat, spam);
    const toAnn = (await spam.invite(ann, { note: 'Buy now' })).body.id;
    const toBen = (await spam.invite(ben)).body.id;
    expect((await spam.put(`${API}/invitations/${toBen}/keep`)).status).toBeLessThan(300);
    expect((await ann.get(`${API}/notifications`)).body.items).toHaveLength(1);
    expect(await outboxStatuses([toAnn, toBen])).toEqual(['pending', 'pending']);

    const listed = await admin.get(`${API}/admin/members?q=${spam.handle}`);
    expect(listed.status).toBe(200);
    expect(listed.body.items).toEqual([
      expect.objectContaining({ handle: spam.handle, status: 'unverified', openSent: 2 }),
    ]);

    t.clock.advance(1000);
    const suspended = await admin.post(`${API}/admin/members/${spam.handle}/suspend`, {
      reason: 'Sends advertising',
    });
    expect(suspended.status).toBe(204);

    // The suspended member: no token, no sign-in.
    expectProblem(await spam.get(`${API}/me`), 403, 'account_suspended');
    const signIn = await inject(t.app, 'POST', `${API}/session`, {
      email: spam.email,
      password: 'correct horse battery',
    });
    expectProblem(signIn, 403, 'account_suspended');
    const wrongPassword = await inject(t.app, 'POST', `${API}/session`, {
      email: spam.email,
      password: 'not the password',
    });
    expectProblem(wrongPassword, 401, 'unauthenticated');

    // Everyone else: as if the member did not exist.
    for (const viewer of [ann, cat]) {
      expectProblem(await viewer.get(`${API}/members/${spam.handle}`), 404, 'member_not_found');
      expectProblem(await viewer.put(`${API}/follows/${spam.handle}`), 404, 'member_not_found');
      expectProblem(await viewer.invite(spam), 404, 'member_not_found');
      const search = await viewer.get(`${API}/members?q=${spam.handle}`);
      expect(search.body.items).toEqual([]);
    }

    // R15 on both invitations, the kept one too.
    for (const [recipient, id] of [
      [ann, toAnn],
      [ben, toBen],
    ] as const) {
      expect((await recipient.get(`${API}/invitations/received`)).body.items).toEqual([]);
      expect((await recipient.get(`${API}/invitations/received/count`)).body.total).toBe(0);
      expect((await recipient.get(`${API}/notifications`)).body.items).toEqual([]);
      expectProblem(await recipient.get(`${API}/invitations/${id}`), 404, 'invitation_not_found');
    }
    expect(await outboxStatuses([toAnn, toBen])).toEqual(['cancelled', 'cancelled']);

    const bySuspension = await admin.get(`${API}/admin/members?status=suspended`);
    expect(bySuspension.body.items).toEqual([
      expect.objectContaining({
        handle: spam.handle,
        status: 'suspended',
        suspensionReason: 'Sends advertising',
        openSent: 0,
      }),
    ]);
    expectProblem(
      await admin.post(`${API}/admin/members/${spam.handle}/suspend`, { reason: 'again' }),
      409,
      'already_suspended',
    );

    // Unsuspended: back, the withdrawn invitations stay withdrawn and leave no cooldown.
    t.clock.advance(1000);
    const unsuspend = `${API}/admin/members/${spam.handle}/unsuspend`;
    expectProblem(await admin.post(unsuspend, { reason: '  ' }), 400, 'validation_failed');
    expect((await admin.post(unsuspend, { reason: ' Promised to stop ' })).status).toBe(204);
    expect((await spam.get(`${API}/me`)).status).toBe(200);
    expect((await ann.get(`${API}/members/${spam.handle}`)).status).toBe(200);
    expect((await ann.get(`${API}/invitations/received`)).body.items).toEqual([]);
    expect((await spam.invite(ann)).status).toBe(201);
    expectProblem(
      await admin.post(`${API}/admin/members/${spam.handle}/unsuspend`),
      409,
      'not_suspended',
    );
  });

  it('R32: each member of a page of the list carries their own open sent invitations and "I don\'t know" answers', async () => {
    const [two, one, none, hal, ida] = await Promise.all([
      t.member('Wrentwo'),
      t.member('Wrenone'),
      t.member('Wrennone'),
      t.member('Hal'),
      t.member('Ida'),
    ]);
    expect((await two.invite(hal)).status).toBe(201);
    expect((await two.invite(ida)).status).toBe(201);
    const ignored = await one.invite(hal);
    expect(
      (await hal.post(`${API}/invitations/${ignored.body.id}/ignore`, { reason: 'dont_know' }))
        .status,
    ).toBeLessThan(300);

    const listed = await admin.get<{
      items: { handle: string; openSent: number; dontKnowRecent: number }[];
    }>(`${API}/admin/members?q=wren`);
    expect(listed.status).toBe(200);
    const signals = Object.fromEntries(
      listed.body.items.map((m) => [m.handle, [m.openSent, m.dontKnowRecent]]),
    );
    // The ignored invitation is still open as its sender sees it (R11).
    expect(signals).toEqual({
      [two.handle]: [2, 0],
      [one.handle]: [1, 1],
      [none.handle]: [0, 0],
    });
  });

  it('R32: lifting an R9 restriction lets the member invite anyone again', async () => {
    const [eve, fay, gus] = await Promise.all([t.member('eve'), t.member('fay'), t.member('gus')]);
    const sent = await eve.invite(fay);
    expect(
      (await fay.post(`${API}/invitations/${sent.body.id}/ignore`, { reason: 'dont_know' })).status,
    ).toBeLessThan(300);
    expect((await eve.invite(gus)).body.reason).toBe('sender_restricted');
    const listed = await admin.get(`${API}/admin/members?status=restricted&q=${eve.handle}`);
    expect(listed.body.items).toEqual([
      expect.objectContaining({ handle: eve.handle, status: 'restricted', dontKnowRecent: 1 }),
    ]);

    t.clock.advance(1000);
    expect((await admin.post(`${API}/admin/members/${eve.handle}/lift-restriction`)).status).toBe(
      204,
    );
    expect((await eve.invite(gus)).status).toBe(201);
    expectProblem(
      await admin.post(`${API}/admin/members/${eve.handle}/lift-restriction`),
      409,
      'not_restricted',
    );
    expectProblem(
      await admin.post(`${API}/admin/members/nobody-here/suspend`, { reason: 'x' }),
      404,
      'member_not_found',
    );
  });

  it('R32: status=unverified lists, page by page, the members in good standing who have not verified their email', async () => {
    const [una, vic, wes, xan, yan] = await Promise.all([
      t.member('una'),
      t.member('vic'),
      t.member('wes'),
      t.member('xan'),
      t.member('yan'),
    ]);
    // Set straight in the database, so the audit log of the test below keeps its own actions.
    const at = t.clock.now().toISOString();
    const set = (
      handle: string,
      columns: { email_verified_at?: string; suspended_at?: string; restricted_until?: string },
    ) =>
      t.ctx.database.db.updateTable('members').set(columns).where('handle', '=', handle).execute();
    await set(vic.handle, { email_verified_at: at });
    await set(wes.handle, { suspended_at: at });
    await set(yan.handle, {
      restricted_until: new Date(t.clock.now().getTime() + DAY_MS).toISOString(),
    });
    expect((await xan.request('DELETE', `${API}/me`, { password: PASSWORD })).status).toBe(204);

    const handles = async (status: string) => {
      const seen: { handle: string; status: string }[] = [];
      let cursor = '';
      do {
        const page = await admin.get(`${API}/admin/members?status=${status}&limit=2${cursor}`);
        expect(page.status).toBe(200);
        seen.push(...page.body.items.map((m: { handle: string; status: string }) => m));
        cursor = page.body.nextCursor ? `&cursor=${encodeURIComponent(page.body.nextCursor)}` : '';
      } while (cursor);
      expect(new Set(seen.map((m) => m.status))).toEqual(new Set([status]));
      return seen.map((m) => m.handle);
    };
    const unverified = await handles('unverified');
    expect(unverified).toContain(una.handle);
    expect(unverified).not.toContain(vic.handle);
    expect(unverified).not.toContain(wes.handle);
    expect(unverified).not.toContain(xan.handle);
    expect(new Set(unverified).size).toBe(unverified.length);
    const active = await handles('active');
    expect(active).toContain(vic.handle);
    expect(active).not.toContain(una.handle);
    const suspended = await handles('suspended');
    expect(suspended).toContain(wes.handle);
    const restricted = await handles('restricted');
    expect(restricted).toContain(yan.handle);

    // The count lists the same members in all, for each status and for everyone.
    const count = async (query: string) => {
      const reply = await admin.get(`${API}/admin/members/count${query}`);
      expect(reply.status).toBe(200);
      return reply.body.count;
    };
    expect(await count('?status=unverified')).toBe(unverified.length);
    expect(await count('?status=active')).toBe(active.length);
    expect(await count('?status=suspended')).toBe(suspended.length);
    expect(await count('')).toBe(
      unverified.length + active.length + suspended.length + restricted.length,
    );
    expectProblem(await una.get(`${API}/admin/members/count`), 403, 'forbidden');
  });

  it('R32: the members list q= takes "_", "%" and "\\" in emails and names as themselves', async () => {
    const [john, lookAlike, percent, slash] = await Promise.all([
      t.member('john', { email: 'john_doe_x@corp.test' }),
      t.member('johnny', { email: 'johnqdoe-x@corp.test' }),
      t.member('pct', { email: 'pct%mail@corp.test' }),
      t.member('slash', { name: 'Back\\slash' }),
    ]);
    const search = async (q: string) => {
      const page = await admin.get(`${API}/admin/members?q=${encodeURIComponent(q)}`);
      expect(page.status).toBe(200);
      return page.body.items.map((m: { handle: string }) => m.handle).sort();
    };
    expect(await search('john_doe_x@corp.test')).toEqual([john.handle]);
    expect(await search('JOHN')).toEqual([john.handle, lookAlike.handle].sort());
    expect(await search('_')).toEqual([john.handle]);
    expect(await search('%')).toEqual([percent.handle]);
    expect(await search('%mail@')).toEqual([percent.handle]);
    expect(await search('\\')).toEqual([slash.handle]);
    const counted = await admin.get(`${API}/admin/members/count?q=JOHN`);
    expect(counted.body).toEqual({ count: 2 });
  });

  it('R32: admins make invite codes; a member who is not an admin gets 403 forbidden', async () => {
    const hal = await t.member('hal');
    t.clock.advance(1000);
    const code = await admin.post(`${API}/admin/invite-codes`, { uses: 3, expiresInDays: 2 });
    expect(code.status).toBe(201);
    expect(code.body).toMatchObject({ maxUses: 3, uses: 0, code: expect.any(String) });
    expectProblem(await hal.get(`${API}/admin/members`), 403, 'forbidden');
    expectProblem(await hal.post(`${API}/admin/invite-codes`, {}), 403, 'forbidden');
  });

  it('R32: the audit log records every admin action, who, what, whom, when and why (given on ending a suspension too), newest first; a revoke that changes nothing is not one', async () => {
    const audit = await admin.get(`${API}/admin/audit?limit=100`);
    expect(audit.status).toBe(200);
    const entries = audit.body.items.map(
      (e: {
        action: string;
        admin: { handle: string } | null;
        member: { handle: string } | null;
        reason: string | null;
      }) => [e.action, e.admin?.handle ?? null, e.member?.handle ?? null, e.reason],
    );
    const spam = entries.find((e: unknown[]) => e[0] === 'suspend')[2];
    const eve = entries.find((e: unknown[]) => e[0] === 'lift_restriction')[2];
    expect(entries).toEqual([
      ['create_invite_code', admin.handle, null, null],
      ['lift_restriction', admin.handle, eve, null],
      ['unsuspend', admin.handle, spam, 'Promised to stop'],
      ['suspend', admin.handle, spam, 'Sends advertising'],
      ['grant_admin', null, admin.handle, null],
    ]);
    const times = audit.body.items.map((e: { at: string }) => e.at);
    expect([...times].sort().reverse()).toEqual(times);

    const page = await admin.get(`${API}/admin/audit?limit=2`);
    const next = await admin.get(`${API}/admin/audit?limit=2&cursor=${page.body.nextCursor}`);
    expect(next.body.items.map((e: { action: string }) => e.action)).toEqual([
      'unsuspend',
      'suspend',
    ]);

    // Revoking on the command line is recorded too, and the role is gone at once.
    const revoke = runCli(['admin', 'revoke', admin.handle], {
      RAPPORT_DATABASE_URL: t.ctx.config.databaseUrl,
    });
    expect((await revoke.exited).code, revoke.output()).toBe(0);
    expectProblem(await admin.get(`${API}/admin/audit`), 403, 'forbidden');
    const row = await t.ctx.database.db
      .selectFrom('admin_audit')
      .selectAll()
      .where('action', '=', 'revoke_admin')
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ admin_id: null, member_id: await memberId(t, admin) });

    // Revoking a member who is not an admin changes nothing, and says so.
    const again = runCli(['admin', 'revoke', admin.handle], {
      RAPPORT_DATABASE_URL: t.ctx.config.databaseUrl,
    });
    expect((await again.exited).code, again.output()).toBe(0);
    expect(again.output()).toContain(`${admin.handle} is not an admin; nothing changed.`);
    const revocations = await t.ctx.database.db
      .selectFrom('admin_audit')
      .select('id')
      .where('action', '=', 'revoke_admin')
      .execute();
    expect(revocations).toHaveLength(1);
  });

  it('R32: admin actions taken in one instant list newest first in the audit log', async () => {
    const [moderator, spam] = await Promise.all([t.member('moderator'), t.member('spam')]);
    // Made an admin straight in the database: the admin of the tests above has been revoked.
    await t.ctx.database.db
      .updateTable('members')
      .set({ role: 'admin' })
      .where('handle', '=', moderator.handle)
      .execute();
    t.clock.advance(1000);
    const suspend = `${API}/admin/members/${spam.handle}/suspend`;
    expect((await moderator.post(suspend, { reason: 'Spam' })).status).toBe(204);
    expect((await moderator.post(`${API}/admin/members/${spam.handle}/unsuspend`)).status).toBe(
      204,
    );
    expect((await moderator.post(`${API}/admin/invite-codes`, { uses: 1 })).status).toBe(201);

    const audit = await moderator.get(`${API}/admin/audit?limit=3`);
    expect(audit.status).toBe(200);
    const entries = audit.body.items.map((e: { action: string; at: string }) => [e.action, e.at]);
    const at = t.clock.now().toISOString();
    expect(entries).toEqual([
      ['create_invite_code', at],
      ['unsuspend', at],
      ['suspend', at],
    ]);
  });

  it('R32 (§7 Text): a reason with a control or invisible character is refused with invalid_text, and nothing is done', async () => {
    const [moderator, quinn] = await Promise.all([t.member('moderator2'), t.member('quinn')]);
    await grantAdmin(t, moderator);
    for (const reason of ['spam\u202E', 'spam\u200B', 'a\u0007b']) {
      expectProblem(
        await moderator.post(`${API}/admin/members/${quinn.handle}/suspend`, { reason }),
        400,
        'invalid_text',
      );
    }
    expect((await quinn.get(`${API}/me`)).status).toBe(200);
    const kept = await moderator.post(`${API}/admin/members/${quinn.handle}/suspend`, {
      reason: 'Spam\nreported twice',
    });
    expect(kept.status).toBe(204);
    expectProblem(
      await moderator.post(`${API}/admin/members/${quinn.handle}/unsuspend`, {
        reason: 'ok\u202E',
      }),
      400,
      'invalid_text',
    );
  });
});
