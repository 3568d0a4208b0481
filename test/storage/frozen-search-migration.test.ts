/**
 * R20, R40: blocked invitations frozen before the Sent list's search kept to names had the
 * blocker's headline and company in `frozen_search`; migration 0011 makes it their name and
 * handle again, from the frozen summary, on a database with rows in it.
 */
import { expect, it } from 'vitest';
import { newPendingInvitation } from '../../src/modules/invitations/invitation.js';
import { RULE_DEFAULTS } from '../../src/config.js';
import { earlyMemberRow, migrationDatabase } from '../helpers/migration-database.js';

const database = migrationDatabase();

it('R20 R40: 0011 keeps only the name and handle of a blocker frozen before it', async () => {
  const before = await database.migrator().migrateTo('0010-email-attempts-and-frozen-recipients');
  expect(before.error).toBeUndefined();
  const at = '2026-06-01T00:00:00.000Z';
  const member = (name: string, handle: string) =>
    earlyMemberRow(
      { id: handle, email: `${handle}@example.test`, passwordHash: 'x', name, handle },
      at,
    );
  const [sender, blocker] = [member('Sam Sender', 'sam'), member('Åsa Blocker', 'asa-b')];
  await database.db.insertInto('members').values([sender, blocker]).execute();
  const invitation = {
    ...newPendingInvitation(
      {
        kind: 'connection',
        senderId: sender.id,
        recipientId: blocker.id,
        targetId: '',
        note: null,
        howKnown: null,
        now: new Date(at),
      },
      RULE_DEFAULTS,
    ),
    status: 'blocked' as const,
    frozen_recipient: JSON.stringify({ name: 'Åsa Blocker', handle: 'asa-b', company: 'Oldco' }),
    frozen_search: 'åsa blocker asa-b data engineer oldco',
    // 0015 adds this column later; an undefined value is left out.
    ignored_at: undefined,
  };
  await database.db.insertInto('invitations').values(invitation).execute();

  const after = await database.migrator().migrateToLatest();
  expect(after.error).toBeUndefined();
  const row = await database.db
    .selectFrom('invitations')
    .select('frozen_search')
    .where('id', '=', invitation.id)
    .executeTakeFirstOrThrow();
  expect(row.frozen_search).toBe('åsa blocker asa-b');
});
