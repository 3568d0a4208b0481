import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { startApp, type TestApp } from '../helpers/app.js';

const TOKEN = 'metrics-token-0123456789';
let t: TestApp | undefined;

afterEach(async () => {
  await t?.close();
  t = undefined;
});

const get = (url: string, headers: Record<string, string> = {}, remoteAddress = '127.0.0.1') =>
  t!.app.inject({ method: 'GET', url, headers, remoteAddress });

describe('R34 private operations endpoints', () => {
  it('R34: /metrics is not served (404) without RAPPORT_METRICS_TOKEN', async () => {
    t = await startApp();
    const reply = await get('/metrics');
    expect(reply.statusCode).toBe(404);
    expect(reply.json().code).toBe('not_found');
  });

  it('R34: /metrics answers 401 without the token or with a wrong one, 200 with it', async () => {
    t = await startApp({ RAPPORT_METRICS_TOKEN: TOKEN });
    const ann = await t.member('ann');
    const ben = await t.member('ben');
    await ann.invite(ben);

    const none = await get('/metrics');
    expect(none.statusCode).toBe(401);
    expect(none.headers['www-authenticate']).toBe('Bearer');
    expect(none.json().code).toBe('unauthenticated');
    expect(none.body).not.toContain('rapport_http_requests_total');
    const wrong = await get('/metrics', { authorization: `Bearer ${TOKEN}x` });
    expect(wrong.statusCode).toBe(401);
    const member = await get('/metrics', { authorization: `Bearer ${TOKEN.slice(1)}` });
    expect(member.statusCode).toBe(401);

    const ok = await get('/metrics', { authorization: `Bearer ${TOKEN}` });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain(
      'rapport_http_requests_total{method="POST",route="/api/v1/invitations",status="201"} 1',
    );
  });

  it('R34: the development mailbox is served only with RAPPORT_DEV_MAILBOX=1', async () => {
    t = await startApp();
    expect((await get('/dev/mailbox')).statusCode).toBe(404);
    await t.close();
    t = await startApp({ RAPPORT_DEV_MAILBOX: '1' });
    expect((await get('/dev/mailbox')).statusCode).toBe(200);
  });

  it('R34: behind a trusted same-host reverse proxy the mailbox sees the outside client', async () => {
    t = await startApp({ RAPPORT_DEV_MAILBOX: '1', RAPPORT_TRUST_PROXY: '1' });
    const proxied = await get('/dev/mailbox', { 'x-forwarded-for': '203.0.113.7' });
    expect(proxied.statusCode).toBe(404);
    const local = await get('/dev/mailbox', { 'x-forwarded-for': '127.0.0.1' });
    expect(local.statusCode).toBe(200);
  });

  it('R34: HSTS is sent only when RAPPORT_PUBLIC_URL is https', async () => {
    t = await startApp();
    expect((await get('/healthz')).headers['strict-transport-security']).toBeUndefined();
    await t.close();
    t = await startApp({ RAPPORT_PUBLIC_URL: 'https://rapport.example.org' });
    expect((await get('/api/v1/me')).headers['strict-transport-security']).toBe(
      'max-age=31536000; includeSubDomains',
    );
  });

  it('R34 §6: the variables are checked at start, rule numbers against what their rule can take', () => {
    const problems = (env: Record<string, string>) => {
      try {
        loadConfig(env);
        return '';
      } catch (error) {
        return error instanceof Error ? error.message : String(error);
      }
    };
    expect(problems({ RAPPORT_METRICS_TOKEN: 'short' })).toContain('RAPPORT_METRICS_TOKEN');
    expect(problems({ RAPPORT_DATABASE_URL: 'sqlite:' })).toContain(
      'RAPPORT_DATABASE_URL names no file',
    );
    expect(loadConfig({ RAPPORT_DATABASE_URL: 'sqlite::memory:' }).databaseUrl).toBe(
      'sqlite::memory:',
    );
    expect(problems({ RAPPORT_TRUST_PROXY: 'everyone' })).toContain('RAPPORT_TRUST_PROXY');
    expect(problems({ RAPPORT_TRUST_PROXY: '10.0.0.0/33' })).toContain('RAPPORT_TRUST_PROXY');
    expect(problems({ RAPPORT_DEV_MAILBOX: 'maybe' })).toContain('RAPPORT_DEV_MAILBOX');
    expect(problems({ RAPPORT_REGISTRATION: 'sometimes' })).toContain('RAPPORT_REGISTRATION');
    expect(problems({ RAPPORT_ALLOWED_EMAIL_DOMAINS: 'a.com,not a domain' })).toContain(
      'RAPPORT_ALLOWED_EMAIL_DOMAINS',
    );
    // A rule number that would wreck its rule rather than turn it off is refused.
    expect(problems({ RAPPORT_EXPIRY_DAYS: '0' })).toContain(
      'RAPPORT_EXPIRY_DAYS must be a whole number from 1',
    );
    expect(problems({ RAPPORT_DONT_KNOW_THRESHOLD: '0' })).toContain('RAPPORT_DONT_KNOW_THRESHOLD');
    expect(problems({ RAPPORT_REMINDER_DAYS: '3,3' })).toContain('RAPPORT_REMINDER_DAYS');
    expect(loadConfig({ RAPPORT_RESEND_COOLDOWN_DAYS: '0' }).rules.resendCooldownDays).toBe(0);
    expect(loadConfig({ RAPPORT_REMINDER_DAYS: '10,3' }).rules.reminderDays).toEqual([3, 10]);
    expect(loadConfig({ RAPPORT_TRUST_PROXY: '10.0.0.1, 192.168.0.0/16' }).trustProxy).toEqual([
      '10.0.0.1',
      '192.168.0.0/16',
    ]);
    expect(loadConfig({ RAPPORT_TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(
      loadConfig({ RAPPORT_ALLOWED_EMAIL_DOMAINS: 'A.com, b.org' }).allowedEmailDomains,
    ).toEqual(['a.com', 'b.org']);
  });
});
