import { afterEach, describe, expect, it } from 'vitest';
import { inject, startApp, type TestApp } from '../helpers/app.js';
import { runCli } from '../jobs/child.js';

let t: TestApp | undefined;

afterEach(async () => {
  await t?.close();
  t = undefined;
});

const signUp = (email: string, extra: Record<string, unknown> = {}) =>
  inject(t!.app, 'POST', '/api/v1/members', {
    email,
    password: 'correct horse battery',
    name: 'New Member',
    ...extra,
  });

async function memberCount(): Promise<number> {
  const rows = await t!.ctx.database.db.selectFrom('members').select('id').execute();
  return rows.length;
}

describe('R31 registration and the instance', () => {
  it('R31: GET /instance needs no sign-in and tells the name, version, mode and every rule number', async () => {
    t = await startApp({ RAPPORT_INSTANCE_NAME: 'Acme People', RAPPORT_MAX_OPEN_SENT: '50' });
    const reply = await inject(t.app, 'GET', '/api/v1/instance');
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      name: 'Acme People',
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
      registration: 'open',
    });
    expect(reply.body.rules).toEqual({ ...t.ctx.config.rules, staleAfterDays: 14 });
    expect(reply.body.rules.maxOpenSent).toBe(50);
  });

  it('R31: open registration (the default) lets anyone sign up', async () => {
    t = await startApp();
    expect((await signUp('anyone@example.test')).status).toBe(201);
  });

  it('R31: closed registration refuses every sign-up with 403 registration_closed', async () => {
    t = await startApp({ RAPPORT_REGISTRATION: 'closed' });
    const reply = await signUp('anyone@example.test', { inviteCode: 'ANYTHING' });
    expect(reply.status).toBe(403);
    expect(reply.body.code).toBe('registration_closed');
    expect((await inject(t.app, 'GET', '/api/v1/instance')).body.registration).toBe('closed');
    expect(await memberCount()).toBe(0);
  });

  it('R31: invite registration needs a valid code; a code has a number of uses and an expiry', async () => {
    t = await startApp({ RAPPORT_REGISTRATION: 'invite' });
    const missing = await signUp('one@example.test');
    expect(missing.status).toBe(403);
    expect(missing.body.code).toBe('invite_code_required');
    const unknown = await signUp('one@example.test', { inviteCode: 'NOSUCHCODE' });
    expect(unknown.status).toBe(403);
    expect(unknown.body.code).toBe('invalid_invite_code');

    const code = await t.ctx.admin.createInviteCode(null, { maxUses: 2, expiresInDays: 7 });
    // Typed by hand: lower case, in groups of four, an O for a 0 and an l for a 1.
    const typed = (code.code.toLowerCase().match(/.{4}/g) ?? [])
      .join('-')
      .replace(/0/g, 'O')
      .replace(/1/g, 'l');
    expect((await signUp('one@example.test', { inviteCode: typed })).status).toBe(201);
    // A sign-up refused for another reason gives its use back.
    const taken = await signUp('one@example.test', { inviteCode: code.code });
    expect(taken.body.code).toBe('email_taken');
    expect((await signUp('two@example.test', { inviteCode: code.code })).status).toBe(201);
    const usedUp = await signUp('three@example.test', { inviteCode: code.code });
    expect(usedUp.status).toBe(403);
    expect(usedUp.body.code).toBe('invalid_invite_code');

    const weekly = await t.ctx.admin.createInviteCode(null, { maxUses: 5, expiresInDays: 7 });
    t.advanceDays(7);
    const expired = await signUp('four@example.test', { inviteCode: weekly.code });
    expect(expired.body.code).toBe('invalid_invite_code');
    expect(await memberCount()).toBe(2);
  });

  it('R31: two sign-ups racing for the last use of a code: exactly one gets it', async () => {
    t = await startApp({ RAPPORT_REGISTRATION: 'invite' });
    const code = await t.ctx.admin.createInviteCode(null, { maxUses: 1, expiresInDays: 1 });
    const replies = await Promise.all(
      ['a', 'b', 'c', 'd'].map((n) => signUp(`${n}@example.test`, { inviteCode: code.code })),
    );
    expect(replies.map((r) => r.status).sort()).toEqual([201, 403, 403, 403]);
    expect(await memberCount()).toBe(1);
  });

  it('R31: RAPPORT_ALLOWED_EMAIL_DOMAINS refuses other domains with 403 email_domain_not_allowed', async () => {
    t = await startApp({ RAPPORT_ALLOWED_EMAIL_DOMAINS: 'a.com,b.org' });
    expect((await signUp('one@a.com')).status).toBe(201);
    expect((await signUp('two@B.ORG')).status).toBe(201);
    const other = await signUp('three@c.net');
    expect(other.status).toBe(403);
    expect(other.body.code).toBe('email_domain_not_allowed');
    // A look-alike subdomain is another domain.
    expect((await signUp('four@evil.a.com')).body.code).toBe('email_domain_not_allowed');
    expect(await memberCount()).toBe(2);
  });

  it('R31: rapport invite-codes create makes a code that signs a member up', async () => {
    t = await startApp({ RAPPORT_REGISTRATION: 'invite' });
    const env = { RAPPORT_DATABASE_URL: t.ctx.config.databaseUrl };
    const bad = runCli(['invite-codes', 'create', '--expires', 'soon'], env);
    expect((await bad.exited).code).toBe(2);
    expect(bad.output()).toContain('--expires must be a number of days');
    const cli = runCli(['invite-codes', 'create', '--uses', '3', '--expires', '7d'], env);
    expect((await cli.exited).code, cli.output()).toBe(0);
    // Standard output holds the code alone, for a script to take; what it allows goes to stderr.
    const code = cli.stdout().trim();
    expect(code, cli.output()).toMatch(/^[0-9A-Z]{16}$/);
    expect(cli.output()).toContain('3 uses, expires ');
    expect((await signUp('cli@example.test', { inviteCode: code })).status).toBe(201);
    // Days without their d are days, as cleanup's --older-than 14 is.
    const plain = runCli(['invite-codes', 'create', '--expires', '7'], env);
    expect((await plain.exited).code, plain.output()).toBe(0);
  });
});
