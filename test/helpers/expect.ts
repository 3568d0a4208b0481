/** Assertions about API replies that many tests make. */
import { expect } from 'vitest';
import type { Reply } from './app.js';

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
