import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API, inject, PASSWORD, type TestApp } from '../helpers/app.js';
import { expectProblem, expectStatus } from '../helpers/expect.js';
import { startWithSink } from '../helpers/mail.js';
import type { SmtpSink } from '../email/smtp-sink.js';

let t: TestApp;
let sink: SmtpSink;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ t, sink, close } = await startWithSink());
});
afterAll(async () => {
  await close();
});

const RLO = '\u202e';
const ZWSP = '\u200b';

function expectInvalidText(reply: Awaited<ReturnType<typeof inject>>, field: string) {
  const problem = expectProblem(reply, 400, 'invalid_text');
  expect(problem.errors).toEqual([{ path: `/body/${field}`, message: expect.any(String) }]);
}

describe('member-written text (SPEC §7 Text)', () => {
  it('Text: sign-up refuses a disguised name or profile field with 400 invalid_text naming it, and creates nothing', async () => {
    const cases: [string, string][] = [
      ['name', `Ann${RLO}gnp.exe`],
      ['headline', `Engineer${ZWSP}`],
      ['company', 'Acme\u0007'],
      ['location', 'Paris\nLyon'],
      ['industry', `q\u0301\u0302\u0303\u0304`],
    ];
    for (const [field, value] of cases) {
      const email = `text-${field}@example.test`;
      const reply = await inject(t.app, 'POST', `${API}/members`, {
        email,
        password: PASSWORD,
        name: 'Ann',
        [field]: value,
      });
      expectInvalidText(reply, field);
      const signIn = await inject(t.app, 'POST', `${API}/session`, { email, password: PASSWORD });
      expect(signIn.status).not.toBe(200);
    }
  });

  it('Text: names are stored in NFC; a profile change with a hidden character is refused and changes nothing', async () => {
    const zoe = await t.member('zoe', { name: 'Zoe\u0301', headline: 'Cafe\u0301 owner' });
    const me = (await zoe.get(`${API}/me`)).body;
    expect([me.name, me.headline]).toEqual(['Zoé', 'Café owner']);

    expectInvalidText(await zoe.patch(`${API}/me`, { headline: `Chief${RLO}` }), 'headline');
    expectInvalidText(
      await zoe.patch(`${API}/me`, { name: 'Zoé', company: `Ac${ZWSP}me` }),
      'company',
    );
    expect((await zoe.get(`${API}/me`)).body).toMatchObject({
      name: 'Zoé',
      headline: 'Café owner',
      company: '',
    });
  });

  it('Text: a note keeps its line breaks but no other control character; page and event names are checked too', async () => {
    const [ann, ben] = await Promise.all([t.member('ann'), t.member('ben')]);
    expectInvalidText(await ann.invite(ben, { note: 'Hi\u0007there' }), 'note');
    expectInvalidText(await ann.invite(ben, { note: `Hi ${RLO}there` }), 'note');
    expect((await ann.get(`${API}/invitations/sent`)).body.items).toEqual([]);
    const sent = await ann.invite(ben, { note: 'Hi Ben,\r\nmet at the conf' });
    expectStatus(sent, 201);
    expect(sent.body.note).toBe('Hi Ben,\nmet at the conf');

    expectInvalidText(await ann.post(`${API}/pages`, { name: `Acme${RLO}` }), 'name');
    const startsAt = new Date(t.clock.now().getTime() + 86_400_000).toISOString();
    expectInvalidText(await ann.post(`${API}/events`, { name: `Summit\u2066`, startsAt }), 'name');
    expectInvalidText(
      await ann.post(`${API}/events`, { name: 'Summit', startsAt, location: `Lis${ZWSP}bon` }),
      'location',
    );
    expect((await ann.get(`${API}/pages`)).body.items).toEqual([]);
    expect((await ann.get(`${API}/events`)).body.items).toEqual([]);
  });

  it('Text: invisible characters are refused with 400 invalid_text in every field, a leading U+FEFF in a note as in a headline, and nothing is stored', async () => {
    const [ann, ben] = await Promise.all([t.member('ann'), t.member('ben')]);
    const signUp = await inject(t.app, 'POST', `${API}/members`, {
      email: 'shy@example.test',
      password: PASSWORD,
      name: 'Ann\u00adLee',
    });
    expectInvalidText(signUp, 'name');
    expectInvalidText(await ann.patch(`${API}/me`, { name: '\u3164' }), 'name');
    expectInvalidText(await ann.patch(`${API}/me`, { headline: '\ufeffEngineer' }), 'headline');
    expectInvalidText(
      await ann.patch(`${API}/me`, { company: `Acme\u{e0041}\u{e0042}` }),
      'company',
    );
    expectInvalidText(await ann.invite(ben, { note: '\ufeffHi Ben' }), 'note');
    expectInvalidText(await ann.invite(ben, { note: '\ufeff' }), 'note');
    expectInvalidText(await ann.invite(ben, { note: 'Hi\u2800Ben' }), 'note');
    expectInvalidText(await ann.post(`${API}/pages`, { name: 'Acme\u180e' }), 'name');
    const startsAt = new Date(t.clock.now().getTime() + 86_400_000).toISOString();
    expectInvalidText(await ann.post(`${API}/events`, { name: '\u115f\u1160', startsAt }), 'name');

    expect(
      (
        await inject(t.app, 'POST', `${API}/session`, {
          email: 'shy@example.test',
          password: PASSWORD,
        })
      ).status,
    ).not.toBe(200);
    expect((await ann.get(`${API}/me`)).body).toMatchObject({
      name: 'Ann',
      headline: '',
      company: '',
    });
    expect((await ann.get(`${API}/invitations/sent`)).body.items).toEqual([]);
    expect((await ann.get(`${API}/pages`)).body.items).toEqual([]);
    expect((await ann.get(`${API}/events`)).body.items).toEqual([]);

    // A variation selector after its character and a subdivision flag's tags are part of what is shown.
    expectStatus(await ann.patch(`${API}/me`, { headline: 'Cardiff ❤️ 🏴󠁧󠁢󠁷󠁬󠁳󠁿' }), 200);
    expect((await ann.get(`${API}/me`)).body.headline).toBe('Cardiff ❤️ 🏴󠁧󠁢󠁷󠁬󠁳󠁿');
  });

  it('Text: half of a character (a lone UTF-16 surrogate) is refused with 400 invalid_text in any field, search words too, and nothing is stored', async () => {
    const [ann, ben] = await Promise.all([t.member('ann'), t.member('ben')]);
    for (const half of ['\ud800', '\udfff', 'x\udc00\ud800']) {
      expectInvalidText(await ann.patch(`${API}/me`, { headline: `Chief ${half}` }), 'headline');
      expectInvalidText(await ann.patch(`${API}/me`, { name: half }), 'name');
      expectInvalidText(await ann.invite(ben, { note: `Hi${half}` }), 'note');
      expectInvalidText(await ann.post(`${API}/pages`, { name: half }), 'name');
      const bulk = await ann.post(`${API}/invitations/withdraw`, { q: half, dryRun: true });
      expectInvalidText(bulk, 'q');
    }
    // A whole character from beyond the first plane is two halves together, and is text.
    expectStatus(await ann.patch(`${API}/me`, { headline: 'Chief \ud83d\ude80' }), 200);
    expect((await ann.get(`${API}/me`)).body).toMatchObject({ name: 'Ann', headline: 'Chief 🚀' });
    expect((await ann.get(`${API}/invitations/sent`)).body.items).toEqual([]);
    expect((await ann.get(`${API}/pages`)).body.items).toEqual([]);
  });

  it('Text: mails quote member-written names, so a name that pretends to be a sentence or holds line breaks cannot pass for the service', async () => {
    const posing =
      'Rapport Security. Your account will be closed; confirm your password at evil.example';
    const [mallory, ben] = await Promise.all([
      t.member('mallory', { name: posing, headline: 'Trust & Safety' }),
      t.member('ben'),
    ]);
    const [eve, cy] = await Promise.all([t.member('eve'), t.member('cy')]);
    // A name stored before names were checked may still hold line breaks.
    await t.ctx.database.db
      .updateTable('members')
      .set({ name: 'Eve\n\nYour account is suspended.\nSign in at evil.example' })
      .where('handle', '=', eve.handle)
      .execute();
    sink.clear();
    expectStatus(await mallory.invite(ben), 201);
    expectStatus(await eve.invite(cy), 201);
    await t.runJobs();

    const [toBen] = sink.to(ben.email);
    expect(toBen?.subject).toBe(`“${posing}” wants to connect with you`);
    expect(toBen?.text).toContain(
      `“${posing}” (“Trust & Safety”) wants to connect with you on Rapport.`,
    );

    const [toCy] = sink.to(cy.email);
    const quotedEve = '“Eve Your account is suspended. Sign in at evil.example”';
    expect(toCy?.subject).toBe(`${quotedEve} wants to connect with you`);
    expect(toCy?.text).toContain(`${quotedEve} wants to connect with you on Rapport.`);
    const lines = toCy?.text.split('\n') ?? [];
    expect(lines.filter((line) => /^(Your account|Sign in)/.test(line))).toEqual([]);
    expect(toCy?.html).toContain(quotedEve);
  });
});
