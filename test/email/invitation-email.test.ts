import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TestApp } from '../helpers/app.js';
import { connectAll } from '../helpers/network.js';
import type { SmtpSink } from './smtp-sink.js';
import { mailAbout, oneClick, PUBLIC_URL, startWithSink, unsubscribeUrl } from '../helpers/mail.js';

let t: TestApp;
let sink: SmtpSink;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ t, sink, close } = await startWithSink());
});
afterAll(async () => {
  await close();
});
beforeEach(() => {
  sink.clear();
});

describe('invitation and accepted emails over SMTP (§5)', () => {
  it('§5: the invitation email arrives once, with sender, headline, note, links and one-click unsubscribe headers', async () => {
    const ann = await t.member('ann', { headline: 'Engineer <Acme> & "Co"' });
    const ben = await t.member('ben');
    const sent = await ann.invite(ben, {
      note: 'Hi <b>Ben</b> & co,\nmet at the <script>conf</script>',
    });
    expect(sent.status).toBe(201);

    const run = await t.runJobs();
    expect(run.body.results.delivery).toMatchObject({ sent: 1 });
    await t.runJobs();

    const mails = sink.to(ben.email);
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.subject).toBe('“Ann” wants to connect with you');
    expect(mail.from).toBe('no-reply@rapport.example.org');
    expect(mail.text).toContain('Hi Ben,');
    expect(mail.text).toContain(
      '“Ann” (“Engineer <Acme> & "Co"”) wants to connect with you on Rapport.',
    );
    expect(mail.text).toContain('> Hi <b>Ben</b> & co,\n> met at the <script>conf</script>');
    expect(mail.text).toContain(`${PUBLIC_URL}/mynetwork/invitation-manager/received`);
    expect(mail.text).toContain(`Email settings: ${PUBLIC_URL}/settings`);

    expect(mail.html).toContain('Engineer &lt;Acme&gt; &amp; &quot;Co&quot;');
    expect(mail.html).toContain(
      'Hi &lt;b&gt;Ben&lt;/b&gt; &amp; co,<br />met at the &lt;script&gt;conf&lt;/script&gt;',
    );
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).not.toContain('<b>Ben');
    expect(mail.html).not.toMatch(/<img/i);
    expect(mail.html).toContain(`href="${PUBLIC_URL}/mynetwork/invitation-manager/received"`);
    expect(mail.html).toContain(`href="${PUBLIC_URL}/settings"`);

    const unsubscribe = unsubscribeUrl(mail.headers['list-unsubscribe']);
    expect(unsubscribe).toMatch(new RegExp(`^${PUBLIC_URL}/api/v1/unsubscribe\\?token=[\\w.-]+$`));
    expect(mail.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    expect(mail.html).toContain(`href="${unsubscribe}"`);

    const [row] = await mailAbout(t, sent.body.id);
    expect(row).toMatchObject({
      template: 'invitation',
      status: 'sent',
      attempts: 1,
      last_error: null,
    });
    expect(row!.sent_at).toBe(t.clock.now().toISOString());
    // With a mail server configured there is no development mailbox.
    expect((await t.app.inject({ method: 'GET', url: '/dev/mailbox' })).body).not.toContain(
      'Development mailbox',
    );
  });

  it('R10: accepting sends the sender an accepted email; with emailOnAccept off, none', async () => {
    const [cat, dan, eve] = await Promise.all([t.member('cat'), t.member('dan'), t.member('eve')]);
    expect((await eve.patch('/api/v1/settings', { emailOnAccept: false })).status).toBe(200);
    const toDan = await cat.invite(dan);
    const toEve = await eve.invite(dan);
    expect((await dan.post(`/api/v1/invitations/${toDan.body.id}/accept`)).status).toBe(200);
    expect((await dan.post(`/api/v1/invitations/${toEve.body.id}/accept`)).status).toBe(200);
    await t.runJobs();

    const accepted = sink.to(cat.email);
    expect(accepted).toHaveLength(1);
    expect(accepted[0]!.subject).toBe('“Dan” accepted your invitation to connect');
    expect(accepted[0]!.text).toContain(`${PUBLIC_URL}/in/${dan.handle}`);
    expect(sink.to(eve.email)).toEqual([]);
    // The invitation mails to Dan were not delivered before he answered: they are moot now.
    expect(sink.to(dan.email)).toEqual([]);
    const rows = await mailAbout(t, toDan.body.id);
    expect(rows.map((m) => `${m.template} ${m.status}`).sort()).toEqual([
      'accepted sent',
      'invitation cancelled',
    ]);
  });

  it('R20: a block cancels the accepted email not yet handed to the mail server, so the sender never learns of it', async () => {
    const [pat, rae] = await Promise.all([t.member('pat'), t.member('rae')]);
    const sent = await pat.invite(rae);
    await t.runJobs();
    sink.clear();
    expect((await rae.post(`/api/v1/invitations/${sent.body.id}/accept`)).status).toBe(200);
    expect((await rae.put(`/api/v1/blocks/${pat.handle}`)).status).toBe(204);
    await t.runJobs();

    expect(sink.to(pat.email)).toEqual([]);
    const rows = await mailAbout(t, sent.body.id);
    expect(rows.map((m) => `${m.template} ${m.status}`).sort()).toEqual([
      'accepted cancelled',
      'invitation sent',
    ]);
  });

  it('R21 R22: a page or event invitation email links to the page or event; an event one says when and where it is', async () => {
    const [ivy, jay] = await Promise.all([t.member('ivy'), t.member('jay')]);
    await connectAll(t, ivy, [jay]);
    const page = (await ivy.post('/api/v1/pages', { name: 'Acme Robotics' })).body;
    const event = (
      await ivy.post('/api/v1/events', {
        name: 'Summer Meetup',
        startsAt: '2027-08-14T17:30:00.000Z',
        location: 'Berlin, Kulturbrauerei',
      })
    ).body;
    await ivy.post(`/api/v1/pages/${page.id}/invitations`, { to: [jay.handle] });
    await ivy.post(`/api/v1/events/${event.id}/invitations`, { to: [jay.handle] });
    await t.runJobs();

    const mails = sink.to(jay.email);
    const toPage = mails.find((m) => m.subject === '“Ivy” invited you to follow “Acme Robotics”');
    const toEvent = mails.find((m) => m.subject === '“Ivy” invited you to “Summer Meetup”');
    expect(toPage?.text).toContain(`About the page: ${PUBLIC_URL}/pages/${page.id}`);
    expect(toPage?.html).toContain(`<a href="${PUBLIC_URL}/pages/${page.id}">About the page</a>`);
    expect(toPage?.text).not.toContain('When:');
    expect(toEvent?.text).toContain('When: Saturday, 14 August 2027 at 17:30 UTC');
    expect(toEvent?.text).toContain('Where: “Berlin, Kulturbrauerei”');
    expect(toEvent?.text).toContain(`About the event: ${PUBLIC_URL}/events/${event.id}`);
    expect(toEvent?.html).toContain('When: Saturday, 14 August 2027 at 17:30 UTC');
    expect(toEvent?.html).toContain(
      `<a href="${PUBLIC_URL}/events/${event.id}">About the event</a>`,
    );
  });

  it('settings: with emailOnInvitation off no invitation email is queued', async () => {
    const [fay, gus] = await Promise.all([t.member('fay'), t.member('gus')]);
    await gus.patch('/api/v1/settings', { emailOnInvitation: false });
    const sent = await fay.invite(gus);
    await t.runJobs();
    expect(sink.to(gus.email)).toEqual([]);
    expect(await mailAbout(t, sent.body.id)).toEqual([]);
  });
});

describe('one-click unsubscribe (RFC 8058)', () => {
  it('GET shows a confirmation page and changes nothing; POST turns that one preference off without sign-in', async () => {
    const [hal, ivy] = await Promise.all([t.member('hal'), t.member('ivy')]);
    await hal.invite(ivy);
    await t.runJobs();
    const url = unsubscribeUrl(sink.to(ivy.email)[0]!.headers['list-unsubscribe']);

    const page = await t.app.inject({ method: 'GET', url: url.replace(PUBLIC_URL, '') });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain('Stop emails about new invitations?');
    expect(page.body).toContain('<button type="submit">Unsubscribe</button>');
    expect((await ivy.get('/api/v1/settings')).body.emailOnInvitation).toBe(true);

    const done = await oneClick(t, url);
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain('You will no longer get emails about new invitations');
    expect((await ivy.get('/api/v1/settings')).body).toMatchObject({
      emailOnInvitation: false,
      emailReminders: true,
      emailOnAccept: true,
    });
    expect((await oneClick(t, url)).statusCode).toBe(200);
  });

  it('a token that does not verify changes nothing and answers 400', async () => {
    const jo = await t.member('jo');
    const kim = await t.member('kim');
    await jo.invite(kim);
    await t.runJobs();
    const url = unsubscribeUrl(sink.to(kim.email)[0]!.headers['list-unsubscribe']);
    const forged = url.replace('.invitation.', '.reminder.');
    expect((await oneClick(t, forged)).statusCode).toBe(400);
    const otherMember = url.replace(/token=[^.]+/, `token=${'0'.repeat(26)}`);
    expect((await oneClick(t, otherMember)).statusCode).toBe(400);
    expect(
      (await t.app.inject({ method: 'GET', url: forged.replace(PUBLIC_URL, '') })).statusCode,
    ).toBe(400);
    expect((await kim.get('/api/v1/settings')).body).toMatchObject({
      emailOnInvitation: true,
      emailReminders: true,
    });
    // A program that asks for JSON gets problem details, as from the rest of the API.
    for (const method of ['GET', 'POST'] as const) {
      const refused = await t.app.inject({
        method,
        url: forged.replace(PUBLIC_URL, ''),
        headers: { accept: 'application/problem+json' },
      });
      expect(refused.statusCode).toBe(400);
      expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(refused.json()).toMatchObject({ status: 400, code: 'invalid_token' });
    }
  });

  it('mail still in the outbox when its kind is turned off is cancelled, not sent', async () => {
    const [lea, max, ned] = await Promise.all([t.member('lea'), t.member('max'), t.member('ned')]);
    await lea.invite(ned);
    await t.runJobs();
    const url = unsubscribeUrl(sink.to(ned.email)[0]!.headers['list-unsubscribe']);
    const queued = await max.invite(ned);
    expect((await oneClick(t, url)).statusCode).toBe(200);
    await t.runJobs();
    expect(sink.to(ned.email)).toHaveLength(1);
    const [row] = await mailAbout(t, queued.body.id);
    expect(row).toMatchObject({
      status: 'cancelled',
      last_error: 'the recipient turned this email off',
    });
  });
});
