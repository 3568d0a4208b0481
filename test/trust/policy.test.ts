import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API, type Member, startApp, type TestApp } from '../helpers/app.js';
import { expectProblem, expectStatus } from '../helpers/expect.js';

let t: TestApp;
beforeAll(async () => {
  t = await startApp();
});
afterAll(async () => {
  await t.close();
});

async function importCsv(member: Member, csv: string) {
  const response = await t.app.inject({
    method: 'POST',
    url: `${API}/contacts/import`,
    headers: { authorization: `Bearer ${member.token}`, 'content-type': 'text/csv; charset=utf-8' },
    payload: csv,
  });
  return { status: response.statusCode, body: response.json() };
}

async function guarded(name: string): Promise<Member> {
  const member = await t.member(name);
  expectStatus(
    await member.patch(`${API}/settings`, { invitationPolicy: 'email_or_contacts' }),
    200,
  );
  return member;
}

describe('invitation policy and contacts (R8)', () => {
  it('R8: under email_or_contacts an invitation needs the recipient’s email, in any letter case', async () => {
    const [ann, ben] = await Promise.all([t.member('ann'), guarded('ben')]);
    const refused = expectProblem(await ann.invite(ben), 403, 'email_required');
    expect(refused.reason).toBe('recipient_policy');
    expectProblem(
      await ann.invite(ben, { email: 'someone-else@example.test' }),
      403,
      'email_required',
    );
    expect((await ann.get(`${API}/members/${ben.handle}`)).body.canInvite).toMatchObject({
      ok: false,
      code: 'email_required',
    });
    expectStatus(await ann.invite(ben, { email: ` ${ben.email.toUpperCase()} ` }), 201);
  });

  it('R8: the default policy, everyone, needs no email', async () => {
    const [ann, ben] = await Promise.all([t.member('ann'), t.member('ben')]);
    expect((await ben.get(`${API}/settings`)).body.invitationPolicy).toBe('everyone');
    expectStatus(await ann.invite(ben), 201);
  });

  it('R8: a sender whose email is in the recipient’s contacts imported as JSON needs none', async () => {
    const [ann, ben, cy] = await Promise.all([t.member('ann'), guarded('ben'), t.member('cy')]);
    const imported = await ben.post(`${API}/contacts/import`, {
      emails: [ann.email.toUpperCase(), ann.email, 'not an address', 'zed@example.test'],
    });
    expect(imported).toMatchObject({ status: 200, body: { imported: 2, skipped: 2, total: 4 } });
    expect((await ann.get(`${API}/members/${ben.handle}`)).body.canInvite).toEqual({ ok: true });
    expectStatus(await ann.invite(ben), 201);
    // Contacts are the recipient's own: ann's address in cy's contacts does nothing for ben.
    expectProblem(await cy.invite(ben), 403, 'email_required');
  });

  it('R8: a CSV address book with a header, quoted fields and repeats works the same way', async () => {
    const [ann, ben, cy] = await Promise.all([t.member('ann'), guarded('ben'), t.member('cy')]);
    const csv = [
      'Name,"E-mail Address",Phone',
      `"Ann, from work","${ann.email.toUpperCase()}",1`,
      `Ann again,${ann.email},2`,
      'Broken,not-an-address,3',
      '',
    ].join('\r\n');
    const imported = await importCsv(ben, csv);
    expect(imported).toEqual({ status: 200, body: { imported: 1, skipped: 2, total: 3 } });
    expectStatus(await ann.invite(ben), 201);
    expectProblem(await cy.invite(ben), 403, 'email_required');

    const noColumn = await importCsv(ben, 'Name,Phone\nAnn,1\n');
    expect(noColumn.status).toBe(400);
    expect(noColumn.body.code).toBe('validation_failed');
  });

  it('R8: contacts are listed in pages and can all be deleted, after which the policy applies again', async () => {
    const [ann, ben] = await Promise.all([t.member('ann'), guarded('ben')]);
    const emails = ['zzc@x.io', 'zza@x.io', ann.email, 'zzb@x.io'];
    expectStatus(await ben.post(`${API}/contacts/import`, { emails }), 200);
    const first = await ben.get(`${API}/contacts?limit=3`);
    expect(first.body.items.map((c: { email: string }) => c.email)).toEqual([
      ann.email,
      'zza@x.io',
      'zzb@x.io',
    ]);
    expect(first.body.items[0].importedAt).toBe(t.clock.now().toISOString());
    const second = await ben.get(`${API}/contacts?limit=3&cursor=${first.body.nextCursor}`);
    expect(second.body).toEqual({
      items: [expect.objectContaining({ email: 'zzc@x.io' })],
      nextCursor: null,
    });
    expect((await ann.get(`${API}/contacts`)).body.items).toEqual([]);

    // Importing the same addresses again adds nothing.
    expect((await ben.post(`${API}/contacts/import`, { emails })).body).toEqual({
      imported: 4,
      skipped: 0,
      total: 4,
    });
    expect((await ben.get(`${API}/contacts`)).body.items).toHaveLength(4);

    expectStatus(await ben.delete(`${API}/contacts`), 204);
    expect((await ben.get(`${API}/contacts`)).body).toEqual({ items: [], nextCursor: null });
    expectProblem(await ann.invite(ben), 403, 'email_required');
  });

  it('R8: an import that is neither a list of addresses nor CSV is refused and stores nothing', async () => {
    const ben = await t.member('ben');
    expectProblem(
      await ben.post(`${API}/contacts/import`, { emails: 'a@x.io,b@x.io', extra: 1 }),
      400,
      'validation_failed',
    );
    expectProblem(
      await ben.post(`${API}/contacts/import`, { emails: ['x'.repeat(400)] }),
      400,
      'validation_failed',
    );
    expect((await ben.get(`${API}/contacts`)).body.items).toEqual([]);
  });
});
