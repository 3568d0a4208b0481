/** Helpers for the trust and safety tests: members connected through the API, problems, outbox rows. */
import { expect } from 'vitest';
import type { Member, Reply, TestApp } from '../helpers/app.js';

export const API = '/api/v1';

/** Asserts an RFC 9457 problem with this status and code, and returns its body. */
export function expectProblem(reply: Reply, status: number, code: string) {
  expect({ status: reply.status, code: reply.body?.code }, JSON.stringify(reply.body)).toEqual({
    status,
    code,
  });
  expect(String(reply.headers['content-type'])).toMatch(/^application\/problem\+json/);
  return reply.body;
}

export function expectStatus(reply: Reply, status: number): void {
  expect(reply.status, JSON.stringify(reply.body)).toBe(status);
}

/** `a` invites, `b` accepts. */
export async function connect(a: Member, b: Member): Promise<void> {
  const sent = await a.invite(b);
  expectStatus(sent, 201);
  expectStatus(await b.post(`${API}/invitations/${sent.body.id}/accept`), 200);
}

/** Handles of every item of a paginated member list (`item.member.handle`). */
export async function handles(member: Member, url: string): Promise<string[]> {
  const reply = await member.get(`${url}${url.includes('?') ? '&' : '?'}limit=100`);
  expectStatus(reply, 200);
  return reply.body.items.map((item: { member: { handle: string } }) => item.member.handle);
}

/** Mail rows about one invitation, by status; there is no API for the outbox. */
export async function mailStatuses(t: TestApp, invitationId: string): Promise<string[]> {
  const rows = await t.ctx.database.db
    .selectFrom('outbox')
    .select('status')
    .where('invitation_id', '=', invitationId)
    .execute();
  return rows.map((r) => r.status);
}
