/**
 * R30, R38: migration 0015 keeps when a recipient ignored an invitation apart from its accept.
 * On a database with rows in it, every invitation still holding its ignore in `responded_at` gets
 * it as `ignored_at`; an accepted one (whose ignore, if any, its accept wrote over) and an
 * unanswered one get none. It goes back down and up again cleanly.
 */
import { expect, it } from 'vitest';
import { RULE_DEFAULTS } from '../../src/config.js';
import type { InvitationStatus } from '../../src/db/tables/invitation.js';
import { newPendingInvitation } from '../../src/modules/invitations/invitation.js';
import { earlyMemberRow, migrationDatabase } from '../helpers/migration-database.js';

const database = migrationDatabase();

const BEFORE = '0014-session-and-token-list-order';
const SENT = '2026-06-01T00:00:00.000Z';
const ANSWERED = '2026-06-03T00:00:00.000Z';

async function ignoredAtById(): Promise<Record<string, string | null>> {
  const rows = await database.db
    .selectFrom('invitations')
    .select(['id', 'ignored_at'])
    .orderBy('id')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.id, r.ignored_at]));
}

it('R30 R38: 0015 keeps the ignore of every invitation whose ignore was still stored', async () => {
  expect((await database.migrator().migrateTo(BEFORE)).error).toBeUndefined();
  const member = (handle: string) =>
    earlyMemberRow(
      { id: handle, email: `${handle}@example.test`, passwordHash: 'x', name: handle, handle },
      SENT,
    );
  const recipients = ['pending', 'ignored', 'accepted', 'blocked', 'withdrawn'] as const;
  await database.db
    .insertInto('members')
    .values([member('sender'), ...recipients.map(member)])
    .execute();
  const invitation = (status: InvitationStatus, respondedAt: string | null) => ({
    ...newPendingInvitation(
      {
        kind: 'connection',
        senderId: 'sender',
        recipientId: status,
        targetId: '',
        note: null,
        howKnown: null,
        now: new Date(SENT),
      },
      RULE_DEFAULTS,
    ),
    id: status,
    status,
    responded_at: respondedAt,
    // The column this migration adds is not there yet; an undefined value is left out.
    ignored_at: undefined,
  });
  await database.db
    .insertInto('invitations')
    .values([
      invitation('pending', null),
      invitation('ignored', ANSWERED),
      invitation('accepted', ANSWERED),
      invitation('blocked', ANSWERED),
      invitation('withdrawn', null),
    ])
    .execute();

  const expected = {
    accepted: null,
    blocked: ANSWERED,
    ignored: ANSWERED,
    pending: null,
    withdrawn: null,
  };
  expect((await database.migrator().migrateToLatest()).error).toBeUndefined();
  expect(await ignoredAtById()).toEqual(expected);

  expect((await database.migrator().migrateTo(BEFORE)).error).toBeUndefined();
  expect((await database.migrator().migrateToLatest()).error).toBeUndefined();
  expect(await ignoredAtById()).toEqual(expected);
});
