import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type TestApp } from '../helpers/app.js';
import { runCli } from '../jobs/child.js';

let t: TestApp;
beforeAll(async () => {
  t = await startApp({ RAPPORT_DEV_MAILBOX: '1' });
});
afterAll(async () => {
  await t.close();
});

const get = (url: string, remoteAddress = '127.0.0.1') =>
  t.app.inject({ method: 'GET', url, remoteAddress });

describe('without RAPPORT_SMTP_URL mail stays in the outbox (§5)', () => {
  it('§5: nothing is delivered, and /dev/mailbox lists and shows the mail, escaped', async () => {
    const ann = await t.member('ann', { name: 'Ann <i>Lee</i>' });
    const ben = await t.member('ben');
    const sent = await ann.invite(ben, { note: '<script>alert(1)</script>' });
    const run = await t.runJobs();
    expect(run.body.results).not.toHaveProperty('delivery');
    const [row] = await t.ctx.database.db
      .selectFrom('outbox')
      .selectAll()
      .where('invitation_id', '=', sent.body.id)
      .execute();
    expect(row).toMatchObject({ status: 'pending', attempts: 0 });

    const list = await get('/dev/mailbox');
    expect(list.statusCode).toBe(200);
    expect(list.headers['content-type']).toMatch(/^text\/html/);
    expect(list.body).toContain('“Ann &lt;i&gt;Lee&lt;/i&gt;” wants to connect with you');
    expect(list.body).not.toContain('<i>Lee');
    expect(list.body).toContain(`href="/dev/mailbox/${row!.id}"`);
    expect(list.body).toContain(ben.email);

    const one = await get(`/dev/mailbox/${row!.id}`);
    expect(one.statusCode).toBe(200);
    expect(one.body).toContain('&gt; &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(one.body).not.toContain('<script>');
    expect(one.body).toContain('List-Unsubscribe-Post');

    const body = await get(`/dev/mailbox/${row!.id}/html`);
    expect(body.statusCode).toBe(200);
    expect(body.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(body.body).not.toContain('<script>');

    expect((await get('/dev/mailbox/nothing-here')).statusCode).toBe(404);
  });

  it('§5: the mailbox answers only requests from this machine', async () => {
    expect((await get('/dev/mailbox', '203.0.113.7')).statusCode).toBe(404);
    expect((await get('/dev/mailbox', '::1')).statusCode).toBe(200);
  });

  it('§5: rapport mail list and mail show read the outbox from a terminal', async () => {
    const [cat, dan] = await Promise.all([t.member('cat'), t.member('dan')]);
    t.clock.advance(60_000);
    await cat.invite(dan);
    const env = { RAPPORT_DATABASE_URL: t.ctx.config.databaseUrl };
    const list = runCli(['mail', 'list', '--limit', '1'], env);
    expect((await list.exited).code, list.output()).toBe(0);
    const lines = list.output().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(
      `pending    invitation  ${dan.email}  “Cat” wants to connect with you`,
    );

    const show = runCli(['mail', 'show', lines[0]!.split(' ')[0]!], env);
    expect((await show.exited).code, show.output()).toBe(0);
    expect(show.output()).toContain('Subject: “Cat” wants to connect with you');
    expect(show.output()).toContain('Hi Dan,');
  });
});
