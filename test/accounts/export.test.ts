import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportCommand } from '../../src/cli/export.command.js';
import { API, type Member, startApp, type TestApp } from '../helpers/app.js';
import { grantAdmin } from '../helpers/admin.js';
import { expectStatus } from '../helpers/expect.js';
import { memberRow, seedMembers } from '../helpers/members.js';
import { connect, seedInvitationsBulk } from '../helpers/network.js';

let t: TestApp;
beforeAll(async () => {
  t = await startApp();
});
afterAll(async () => {
  await t.close();
});

async function exported(member: Member) {
  const reply = await member.get(`${API}/me/export`);
  expectStatus(reply, 200);
  expect(String(reply.headers['content-type'])).toMatch(/^application\/json/);
  expect(String(reply.headers['content-disposition'])).toBe(
    `attachment; filename="rapport-${member.handle}.json"`,
  );
  return reply.body;
}

async function cli(handle: string | undefined) {
  let out = '';
  let err = '';
  const code = await exportCommand(t.ctx.config, handle, {
    out: { write: (text: string) => (out += text) },
    err: { write: (text: string) => (err += text) },
    clock: t.clock,
  });
  return { code, out, err };
}

describe('R30 taking your data', () => {
  it('R30: the export holds the profile, settings and every list, each as the member sees it', async () => {
    const [ann, bob, cat, dan, eve] = await Promise.all([
      t.member('ann', { headline: 'Builder' }),
      t.member('bob'),
      t.member('cat'),
      t.member('dan'),
      t.member('eve'),
    ]);
    await connect(ann, bob);
    expectStatus(await ann.put(`${API}/follows/${cat.handle}`), 204);
    expectStatus(await ann.patch(`${API}/settings`, { emailReminders: false }), 200);
    const ignored = await ann.invite(cat, { note: 'Hi Cat' });
    expectStatus(await cat.post(`${API}/invitations/${String(ignored.body.id)}/ignore`), 204);
    const blockedByDan = await ann.invite(dan);
    expectStatus(await dan.put(`${API}/blocks/${ann.handle}`), 204);
    const fromEve = await eve.invite(ann);
    expectStatus(await ann.put(`${API}/blocks/${eve.handle}`), 204);
    const withdrawn = await ann.invite(eve.handle);
    expect(withdrawn.status).toBe(404);
    expectStatus(await ann.post(`${API}/contacts/import`, { emails: ['x@example.test'] }), 200);
    const page = await ann.post(`${API}/pages`, { name: 'Ann Works' });
    expectStatus(page, 201);

    const body = await exported(ann);
    expect(body.profile).toMatchObject({ handle: ann.handle, headline: 'Builder' });
    expect(body.settings).toMatchObject({ emailReminders: false });
    expect(body.connections.map((c: { member: { handle: string } }) => c.member.handle)).toEqual([
      bob.handle,
    ]);
    expect(
      body.following.map((f: { member: { handle: string } }) => f.member.handle).sort(),
    ).toEqual([bob.handle, cat.handle].sort());
    expect(body.followers.map((f: { member: { handle: string } }) => f.member.handle)).toEqual([
      bob.handle,
    ]);
    const sent = new Map(
      body.invitationsSent.map((i: { id: string; status: string }) => [i.id, i.status]),
    );
    // The ignore reads as pending; the invitation Dan blocked is not there at all.
    expect(sent.get(ignored.body.id)).toBe('pending');
    expect(sent.has(blockedByDan.body.id)).toBe(false);
    expect(sent.size).toBe(2);
    expect(JSON.stringify(body.invitationsSent)).not.toContain('ignored');
    expect(body.invitationsReceived.map((i: { id: string }) => i.id)).toEqual([]);
    expect(JSON.stringify(body)).not.toContain(fromEve.body.id);
    expect(body.blocks.map((b: { member: { handle: string } }) => b.member.handle)).toEqual([
      eve.handle,
    ]);
    expect(body.contacts).toEqual([expect.objectContaining({ email: 'x@example.test' })]);
    expect(body.pages.map((p: { id: string }) => p.id)).toEqual([page.body.id]);
    expect(body.events).toEqual([]);
    expect(body.notifications.length).toBeGreaterThan(0);

    // The recipient's side: Cat sees the invitation she ignored as ignored, with its history.
    const cats = await exported(cat);
    expect(cats.invitationsReceived).toEqual([
      expect.objectContaining({
        id: ignored.body.id,
        status: 'ignored',
        note: 'Hi Cat',
        history: [
          expect.objectContaining({ type: 'sent' }),
          expect.objectContaining({ type: 'ignored' }),
        ],
      }),
    ]);
    // Dan blocked Ann: her invitation to him is absent from his export too.
    expect(JSON.stringify(await exported(dan))).not.toContain(blockedByDan.body.id);
  });

  it("R30 R38: an ignore then an accept is in its recipient's history, never in its sender's", async () => {
    const [ann, cat, dan] = await Promise.all([t.member('ann'), t.member('cat'), t.member('dan')]);
    const sentAt = t.clock.now().toISOString();
    const accepted = String((await ann.invite(cat)).body.id);
    const withdrawn = String((await dan.invite(cat)).body.id);
    t.advanceDays(1);
    const ignoredAt = t.clock.now().toISOString();
    for (const id of [accepted, withdrawn]) {
      expectStatus(await cat.post(`${API}/invitations/${id}/ignore`), 204);
    }
    t.advanceDays(1);
    const acceptedAt = t.clock.now().toISOString();
    expectStatus(await cat.post(`${API}/invitations/${accepted}/accept`), 200);
    expectStatus(await dan.post(`${API}/invitations/${withdrawn}/withdraw`), 200);

    // The withdrawal left nothing with Cat (R15).
    expect((await exported(cat)).invitationsReceived).toEqual([
      expect.objectContaining({
        id: accepted,
        status: 'accepted',
        history: [
          { type: 'sent', at: sentAt },
          { type: 'ignored', at: ignoredAt },
          { type: 'accepted', at: acceptedAt },
        ],
      }),
    ]);
    expect((await exported(ann)).invitationsSent).toEqual([
      expect.objectContaining({
        id: accepted,
        status: 'accepted',
        history: [
          { type: 'sent', at: sentAt },
          { type: 'accepted', at: acceptedAt },
        ],
      }),
    ]);
    expect((await exported(dan)).invitationsSent).toEqual([
      expect.objectContaining({
        id: withdrawn,
        status: 'withdrawn',
        history: [
          expect.objectContaining({ type: 'sent' }),
          expect.objectContaining({ type: 'withdrawn' }),
        ],
      }),
    ]);
  });

  it("R30 R13: an ignored invitation past its expiry leaves its recipient's export, before the expiry job runs too", async () => {
    const [ann, cat] = await Promise.all([t.member('ann'), t.member('cat')]);
    const id = String((await ann.invite(cat)).body.id);
    expectStatus(await cat.post(`${API}/invitations/${id}/ignore`), 204);
    t.advanceDays(t.ctx.config.rules.expiryDays + 1);

    expect((await exported(cat)).invitationsReceived).toEqual([]);
    expect((await exported(ann)).invitationsSent).toEqual([
      expect.objectContaining({
        id,
        status: 'expired',
        history: [
          expect.objectContaining({ type: 'sent' }),
          expect.objectContaining({ type: 'expired' }),
        ],
      }),
    ]);
  });

  it('R30: every page of a long list is in the export, once', async () => {
    const ann = await t.member('ann');
    const recipients = await seedMembers(t, 450);
    await seedInvitationsBulk(t, await memberRow(t, ann), recipients);
    const body = await exported(ann);
    const ids = body.invitationsSent.map((i: { id: string }) => i.id);
    expect(ids).toHaveLength(450);
    expect(new Set(ids).size).toBe(450);
  });

  it('R30: rapport export --member HANDLE writes the same JSON to stdout', async () => {
    const [ann, bob] = await Promise.all([t.member('ann'), t.member('bob')]);
    await connect(ann, bob);
    const fromApi = await exported(ann);
    const run = await cli(ann.handle);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.out)).toEqual(fromApi);

    const unknown = await cli('nobody-here');
    expect(unknown.code).toBe(1);
    expect(unknown.out).toBe('');
    expect(unknown.err).toContain('nobody-here');
    expect((await cli(undefined)).code).toBe(2);
  });

  it('R30 R32: rapport export --member reaches a suspended member, with the connections and follows their suspension holds', async () => {
    const admin = await t.member('xadmin');
    await grantAdmin(t, admin);
    const [held, bob, fan, idol] = await Promise.all([
      t.member('xheld'),
      t.member('xbob'),
      t.member('xfan'),
      t.member('xidol'),
    ]);
    await connect(held, bob);
    expectStatus(await fan.put(`${API}/follows/${held.handle}`), 204);
    expectStatus(await held.put(`${API}/follows/${idol.handle}`), 204);
    const before = JSON.parse((await cli(held.handle)).out);
    const handles = (items: { member: { handle: string } }[]) => items.map((i) => i.member.handle);
    expect(handles(before.connections)).toEqual([bob.handle]);
    expect(handles(before.followers)).toEqual(expect.arrayContaining([fan.handle, bob.handle]));
    expect(handles(before.following)).toEqual(expect.arrayContaining([idol.handle, bob.handle]));

    const suspended = await admin.post(`${API}/admin/members/${held.handle}/suspend`, {
      reason: 'Held for review',
    });
    expectStatus(suspended, 204);
    const run = await cli(held.handle);
    expect(run.code).toBe(0);
    const during = JSON.parse(run.out);
    for (const list of ['connections', 'followers', 'following'] as const) {
      expect(during[list], list).toEqual(before[list]);
    }
  });
});
