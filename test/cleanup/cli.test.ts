import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CleanupFlags, cleanupCommand } from '../../src/cli/cleanup.command.js';
import { startApp, type TestApp } from '../helpers/app.js';
import { signUp } from '../helpers/members.js';
import { connectAll } from '../helpers/network.js';

let t: TestApp;
beforeAll(async () => {
  t = await startApp();
});
afterAll(async () => {
  await t.close();
});

async function run(flags: CleanupFlags, tty = false) {
  let out = '';
  let err = '';
  // A stand-in for stderr with only what cleanup uses: whether it is a terminal, and write.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion
  const errStream = {
    isTTY: tty,
    write: (text: string) => {
      err += text;
      return true;
    },
  } as unknown as NodeJS.WriteStream;
  const code = await cleanupCommand(t.ctx.config, flags, {
    out: { write: (text: string) => (out += text) },
    err: errStream,
    clock: t.clock,
  });
  return { code, out, err };
}

describe('rapport cleanup (R18)', () => {
  it('R18: previews, then withdraws per member, kind or for all, never a kept one, with progress on stderr', async () => {
    const [ann, bob, cat, dan, eve, fay, gil] = await signUp(
      t,
      'ann',
      'bob',
      'cat',
      'dan',
      'eve',
      'fay',
      'gil',
    );
    await connectAll(t, ann, [eve]);
    const page = (await ann.post('/api/v1/pages', { name: 'Acme' })).body;
    await ann.invite(cat);
    await ann.invite(dan);
    const kept = (await ann.invite(gil)).body.id;
    await ann.put(`/api/v1/invitations/${kept}/keep`);
    await ann.post(`/api/v1/pages/${page.id}/invitations`, { to: [eve.handle] });
    await bob.invite(cat);
    await bob.invite(fay);
    t.advanceDays(15);
    await ann.invite(fay);

    const preview = await run({ 'older-than': '14d', all: true, 'dry-run': true });
    expect(preview.code).toBe(0);
    expect(preview.out).toBe(
      'Dry run: would withdraw 5 invitations of 2 members sent at least 14 days ago. 1 kept invitation left alone. Nothing was changed.\n',
    );
    expect(preview.err).toContain('previewing: 100% 6/6');
    expect((await cat.get('/api/v1/invitations/received/count')).body.total).toBe(2);

    const pages = await run({ 'older-than': '14', member: ann.handle, kind: 'page' });
    expect(pages.out).toBe('Withdrew 1 invitation of 1 member sent at least 14 days ago.\n');
    expect((await eve.get('/api/v1/invitations/received/count')).body.total).toBe(0);

    const all = await run({ 'older-than': '14d', all: true }, true);
    expect(all.code).toBe(0);
    expect(all.out).toBe(
      'Withdrew 4 invitations of 2 members sent at least 14 days ago. 1 kept invitation left alone.\n',
    );
    expect(all.err).toContain('\r\x1b[2Kwithdrawing    [' + '#'.repeat(28) + '] 100% 5/5');
    for (const m of [cat, dan])
      expect((await m.get('/api/v1/invitations/received/count')).body.total).toBe(0);
    expect((await gil.get('/api/v1/invitations/received/count')).body.total).toBe(1);
    expect((await fay.get('/api/v1/invitations/received/count')).body.total).toBe(1);
    expect((await bob.invite(cat)).body.code).toBe('resend_cooldown');

    const again = await run({ 'older-than': '14d', all: true });
    expect(again.out).toBe(
      'Withdrew 0 invitations of 0 members sent at least 14 days ago. 1 kept invitation left alone.\n',
    );
  });

  it('R18: refuses unclear orders before touching anything', async () => {
    expect((await run({ 'older-than': '14d' })).code).toBe(2);
    const ageless = await run({ all: true });
    expect(ageless.code).toBe(2);
    expect(ageless.err).toContain('--older-than 14d');
    expect((await run({ 'older-than': '14d', all: true, member: 'x' })).code).toBe(2);
    expect((await run({ 'older-than': 'two weeks', all: true })).err).toContain('--older-than');
    expect((await run({ 'older-than': '14d', all: true, kind: 'group' })).err).toContain('--kind');
    const unknown = await run({ 'older-than': '14d', member: 'nobody-at-all' });
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('nobody-at-all');
  });
});
