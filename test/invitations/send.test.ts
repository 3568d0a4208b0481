import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type TestApp } from '../helpers/app.js';
import { expectProblem } from '../helpers/expect.js';
import { connect, invitationStatus, pairState } from '../helpers/network.js';

let t: TestApp;
beforeAll(async () => {
  t = await startApp();
});
afterAll(async () => {
  await t.close();
});

describe('sending a connection invitation (R1–R4)', () => {
  it('R1: a second open invitation to the same member answers 409 invitation_already_open', async () => {
    const [ann, ben] = await Promise.all([t.member('ann'), t.member('ben')]);
    const first = await ann.invite(ben);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      kind: 'connection',
      status: 'pending',
      recipient: { handle: ben.handle },
    });
    expectProblem(await ann.invite(ben), 409, 'invitation_already_open');
    // Still one, also after the recipient ignored it: ignored is open too.
    await ben.post(`/api/v1/invitations/${first.body.id}/ignore`);
    expectProblem(await ann.invite(ben), 409, 'invitation_already_open');
    expect((await ann.get('/api/v1/invitations/sent')).body.items).toHaveLength(1);
  });

  it('R1: the handle is matched without regard to case', async () => {
    const [ann, ben] = await Promise.all([t.member('ann'), t.member('ben')]);
    expect((await ann.invite(ben.handle.toUpperCase())).status).toBe(201);
    expectProblem(await ann.invite(ben), 409, 'invitation_already_open');
  });

  it('R2: inviting oneself answers 400 cannot_invite_self', async () => {
    const ann = await t.member('ann');
    expectProblem(await ann.invite(ann), 400, 'cannot_invite_self');
  });

  it('R2: inviting a connection answers 409 already_connected', async () => {
    const [ann, ben] = await Promise.all([t.member('ann'), t.member('ben')]);
    await connect(ann, ben);
    expectProblem(await ann.invite(ben), 409, 'already_connected');
    expectProblem(await ben.invite(ann), 409, 'already_connected');
  });

  it('R2: an unknown handle answers 404 member_not_found', async () => {
    const ann = await t.member('ann');
    expectProblem(await ann.invite('nobody-by-this-name'), 404, 'member_not_found');
    expectProblem(await ann.invite('ünïcödé-😀'), 404, 'member_not_found');
  });

  it('R3: B inviting A while A’s invitation to B is pending connects them at once', async () => {
    const [ann, ben] = await Promise.all([t.member('ann'), t.member('ben')]);
    const sent = await ann.invite(ben);
    const back = await ben.invite(ann, { note: 'Yes, let us connect' });
    expect(back.status).toBe(200);
    expect(back.body).toEqual({
      status: 'connected',
      member: expect.objectContaining({ handle: ann.handle }),
    });

    expect(await invitationStatus(t, sent.body.id)).toBe('accepted');
    expect((await ann.get(`/api/v1/invitations/${sent.body.id}`)).body.status).toBe('accepted');
    expect(await pairState(t, ann, ben)).toEqual({
      aToB: true,
      bToA: true,
      aFollowsB: true,
      bFollowsA: true,
    });
    // A is told as on an accept; nothing is left open either way.
    const notes = (await ann.get('/api/v1/notifications')).body.items;
    expect(notes).toEqual([
      expect.objectContaining({
        type: 'invitation_accepted',
        invitationId: sent.body.id,
        actor: expect.objectContaining({ handle: ben.handle }),
      }),
    ]);
    expect((await ann.get('/api/v1/invitations/sent/count')).body.total).toBe(0);
    expect((await ben.get('/api/v1/invitations/received/count')).body.total).toBe(0);
    expect((await ben.get('/api/v1/invitations/sent/count')).body.total).toBe(0);
    expect((await ann.get('/api/v1/me')).body.counts.connections).toBe(1);
    expect((await ben.get('/api/v1/me')).body.counts.connections).toBe(1);
  });

  it('R3: also when B had ignored A’s invitation', async () => {
    const [ann, ben] = await Promise.all([t.member('ann'), t.member('ben')]);
    const sent = await ann.invite(ben);
    expect((await ben.post(`/api/v1/invitations/${sent.body.id}/ignore`)).status).toBe(204);
    const back = await ben.invite(ann);
    expect(back.status).toBe(200);
    expect(back.body.status).toBe('connected');
    expect(await invitationStatus(t, sent.body.id)).toBe('accepted');
    expect((await ann.get('/api/v1/notifications')).body.items).toEqual([
      expect.objectContaining({ type: 'invitation_accepted', invitationId: sent.body.id }),
    ]);
    expect((await ann.get(`/api/v1/members/${ben.handle}`)).body.relationship).toBe('connected');
  });

  it('R3: a withdrawn invitation is no intent: B’s invitation to A is a new one', async () => {
    const [ann, ben] = await Promise.all([t.member('ann'), t.member('ben')]);
    const sent = await ann.invite(ben);
    await ann.post(`/api/v1/invitations/${sent.body.id}/withdraw`);
    const back = await ben.invite(ann);
    expect(back.status).toBe(201);
    expect(await invitationStatus(t, sent.body.id)).toBe('withdrawn');
  });

  it('R4: a note of 300 characters is accepted, 301 answers 400 note_too_long', async () => {
    const [ann, ben, cat] = await Promise.all([t.member('ann'), t.member('ben'), t.member('cat')]);
    const ok = await ann.invite(ben, { note: 'n'.repeat(300) });
    expect(ok.status).toBe(201);
    expect(ok.body.note).toBe('n'.repeat(300));
    expectProblem(await ann.invite(cat, { note: 'n'.repeat(301) }), 400, 'note_too_long');
    // Emoji count as the one character a member sees.
    const emoji = await ann.invite(cat, { note: '👍🏽'.repeat(300) });
    expect(emoji.status).toBe(201);
  });

  it('R4: the note is plain text, kept as written and returned verbatim (no markup handling)', async () => {
    const [ann, ben] = await Promise.all([t.member('ann'), t.member('ben')]);
    const note = '<script>alert("x")</script> & <b>bold</b>\nsecond line';
    const sent = await ann.invite(ben, { note: `  ${note}  ` });
    expect(sent.body.note).toBe(note);
    const received = (await ben.get('/api/v1/invitations/received')).body.items[0];
    expect(received.note).toBe(note);
    expect((await ben.get(`/api/v1/invitations/${sent.body.id}`)).body.note).toBe(note);
    // Only white space is no note at all.
    const cat = await t.member('cat');
    expect((await ann.invite(cat, { note: ' \n ' })).body.note).toBeNull();
  });

  it('R4: howKnown takes colleague, classmate, friend or other; anything else is 400', async () => {
    const ann = await t.member('ann');
    for (const howKnown of ['colleague', 'classmate', 'friend', 'other']) {
      const other = await t.member('someone');
      const sent = await ann.invite(other, { howKnown });
      expect(sent.status).toBe(201);
      expect(sent.body.howKnown).toBe(howKnown);
      const seen = (await other.get('/api/v1/invitations/received')).body.items[0];
      expect(seen.howKnown).toBe(howKnown);
    }
    const last = await t.member('last');
    expectProblem(await ann.invite(last, { howKnown: 'enemy' }), 400, 'validation_failed');
    expectProblem(await ann.invite(last, { howKnown: 'COLLEAGUE' }), 400, 'validation_failed');
    expect((await ann.invite(last)).body.howKnown).toBeNull();
  });

  it('only connection invitations go through POST /invitations', async () => {
    const [ann, ben] = await Promise.all([t.member('ann'), t.member('ben')]);
    expectProblem(
      await ann.post('/api/v1/invitations', { kind: 'page', to: ben.handle }),
      400,
      'validation_failed',
    );
    expectProblem(
      await ann.post('/api/v1/invitations', { to: ben.handle }),
      400,
      'validation_failed',
    );
  });
});

describe('R4 with RAPPORT_NOTE_MAX_LENGTH', () => {
  let small: TestApp;
  beforeAll(async () => {
    small = await startApp({ RAPPORT_NOTE_MAX_LENGTH: '10' });
  });
  afterAll(async () => {
    await small.close();
  });

  it('R4: the configured length is the limit', async () => {
    const [ann, ben, cat] = await Promise.all([
      small.member('ann'),
      small.member('ben'),
      small.member('cat'),
    ]);
    expect((await ann.invite(ben, { note: '0123456789' })).status).toBe(201);
    const refused = expectProblem(
      await ann.invite(cat, { note: '0123456789x' }),
      400,
      'note_too_long',
    );
    expect(refused.detail).toContain('10');
  });
});
