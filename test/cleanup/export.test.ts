import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

/** RFC 4180: fields may be quoted, with "" for a quote and line breaks inside quotes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}

describe('export of withdrawn invitations (R18)', () => {
  it('R18: lists the caller’s withdrawals by themselves, by clean-up and automatic — never a block’s — as CSV', async () => {
    const [ann, ben, eve, zed, gus, hal] = await signUp(
      t,
      'ann',
      'ben',
      'eve',
      'zed',
      'gus',
      'hal',
    );
    await zed.patch('/api/v1/me', { name: '=Zed, "the" one' });
    await connectAll(t, ann, [eve]);
    const page = (await ann.post('/api/v1/pages', { name: 'Acme, "Robots" Ltd' })).body;
    const sentAt = t.clock.now().toISOString();
    const id: Record<string, string> = {};
    for (const m of [ben, zed, gus, hal]) id[m.handle] = (await ann.invite(m)).body.id;
    id[eve.handle] = (
      await ann.post(`/api/v1/pages/${page.id}/invitations`, { to: [eve.handle] })
    ).body.results[0].invitationId;

    await ann.post(`/api/v1/invitations/${id[ben.handle]}/withdraw`);
    await ann.post(`/api/v1/invitations/${id[zed.handle]}/withdraw`);
    const byHand = t.clock.now().toISOString();
    expect((await ann.put(`/api/v1/blocks/${hal.handle}`)).status).toBeLessThan(300);
    t.advanceDays(15);
    await ann.post('/api/v1/invitations/withdraw', { kind: 'page' });
    const byCleanup = t.clock.now().toISOString();
    await ann.patch('/api/v1/settings', { autoWithdrawAfterDays: 20 });
    t.advanceDays(5);
    await t.runJobs();
    const automatic = t.clock.now().toISOString();

    const csv = await ann.get('/api/v1/invitations/withdrawn.csv');
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toBe(
      `attachment; filename="rapport-withdrawn-invitations-${automatic.slice(0, 10)}.csv"`,
    );
    const [header, ...rows] = parseCsv(csv.body);
    expect(header).toEqual([
      'withdrawnAt',
      'kind',
      'recipientName',
      'recipientHandle',
      'target',
      'sentAt',
      'cause',
    ]);
    const expected = [
      [automatic, 'connection', 'Gus', gus.handle, '', sentAt, 'automatic'],
      [byCleanup, 'page', 'Eve', eve.handle, 'Acme, "Robots" Ltd', sentAt, 'cleanup'],
      [byHand, 'connection', `'=Zed, "the" one`, zed.handle, '', sentAt, 'sender'],
      [byHand, 'connection', 'Ben', ben.handle, '', sentAt, 'sender'],
    ];
    expect(rows.slice(0, 1)).toEqual(expected.slice(0, 1));
    expect(rows[1]).toEqual(expected[1]);
    expect(rows.slice(2).sort()).toEqual(expected.slice(2).sort());
    expect(rows.map((r) => r[3])).not.toContain(hal.handle);
    expect(csv.body).toContain(`"Acme, ""Robots"" Ltd"`);

    const other = await ben.get('/api/v1/invitations/withdrawn.csv');
    expect(parseCsv(other.body)).toEqual([header]);
  });
});
