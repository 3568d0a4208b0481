import { expect } from 'vitest';
import { runCli } from '../jobs/child.js';
import type { Member, TestApp } from './app.js';

/**
 * Makes `member` an admin as an operator does, with `rapport admin grant` (R32), then moves the
 * test's clock past the real time the command recorded its audit entry at.
 */
export async function grantAdmin(t: TestApp, member: Member): Promise<void> {
  const grant = runCli(['admin', 'grant', member.handle], {
    RAPPORT_DATABASE_URL: t.ctx.config.databaseUrl,
  });
  expect((await grant.exited).code, grant.output()).toBe(0);
  t.clock.set(new Date(Date.now() + 60_000));
}
