/**
 * The one writer of invitation states, run against the real database: from every state, each
 * transition either changes the invitation into its end state or leaves it exactly as it was.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InvitationStatus } from '../../src/db/tables/invitation.js';
import { newPendingInvitation } from '../../src/modules/invitations/invitation.js';
import {
  findInvitation,
  insertInvitation,
} from '../../src/modules/invitations/invitation.repository.js';
import type { InvitationRow } from '../../src/modules/invitations/invitation.repository.js';
import {
  acceptOne,
  type Change,
  type Closing,
  closeOne,
  transition,
  type TransitionEnv,
} from '../../src/modules/invitations/invitation.transitions.js';
import type { Tx } from '../../src/db/types.js';
import { startApp, type TestApp } from '../helpers/app.js';
import { memberId } from '../helpers/members.js';

const STATES: InvitationStatus[] = [
  'pending',
  'ignored',
  'accepted',
  'withdrawn',
  'expired',
  'blocked',
];

const CHANGES: Change[] = [
  { kind: 'accept' },
  { kind: 'ignore', reason: null },
  { kind: 'withdraw', cause: 'sender' },
  { kind: 'expire' },
  { kind: 'block', frozen: { summary: '{}', search: '' } },
  { kind: 'mutual_accept' },
];

/**
 * SPEC §1: pending → accepted | ignored | withdrawn | expired | blocked; ignored → withdrawn |
 * expired | blocked | accepted, by its recipient (R38) or by a mutual invitation. A blocked invitation still reads as pending
 * to its sender (R20), so its sender can withdraw it and it expires (R13), and once the block is
 * lifted the blocker's invitation back accepts it (R3). Nothing else moves.
 */
const ENDS_IN: Record<string, InvitationStatus> = {
  'pending accept': 'accepted',
  'pending ignore': 'ignored',
  'pending withdraw': 'withdrawn',
  'pending expire': 'expired',
  'pending block': 'blocked',
  'pending mutual_accept': 'accepted',
  'ignored accept': 'accepted',
  'ignored withdraw': 'withdrawn',
  'ignored expire': 'expired',
  'ignored block': 'blocked',
  'ignored mutual_accept': 'accepted',
  'blocked withdraw': 'withdrawn',
  'blocked mutual_accept': 'accepted',
  'blocked expire': 'expired',
};

let t: TestApp;

beforeAll(async () => {
  t = await startApp();
});
afterAll(() => t.close());

async function invitationIn(status: InvitationStatus) {
  const [sender, recipient] = [await t.member('sender'), await t.member('recipient')];
  const row = {
    ...newPendingInvitation(
      {
        kind: 'connection',
        senderId: await memberId(t, sender),
        recipientId: await memberId(t, recipient),
        targetId: '',
        note: null,
        howKnown: null,
        now: t.clock.now(),
      },
      t.ctx.config.rules,
    ),
    status,
  };
  await insertInvitation(t.ctx.database.db, row);
  return row;
}

/** The writer of one invitation for `change`; who may make it is the policy's, not tried here. */
function changeOne(tx: Tx, row: InvitationRow, change: Change, env: TransitionEnv) {
  if (isClosing(change)) return closeOne(tx, row.id, change, env, () => undefined);
  return acceptOne(tx, row.id, change.kind, env);
}

function isClosing(change: Change): change is Closing {
  return change.kind !== 'accept' && change.kind !== 'mutual_accept';
}

describe('the transition writer (SPEC §1, R17)', () => {
  for (const from of STATES) {
    for (const change of CHANGES) {
      const end = ENDS_IN[`${from} ${change.kind}`];
      it(`${change.kind} from ${from}: ${end ?? 'refused, unchanged'}`, async () => {
        const row = await invitationIn(from);
        const env = { now: t.clock.now(), rules: t.ctx.config.rules };
        const changed = await t.ctx.database.transaction((tx) => changeOne(tx, row, change, env));
        const stored = await findInvitation(t.ctx.database.db, row.id);
        if (end) {
          expect(changed.row).toEqual(stored);
          expect(stored?.status).toBe(end);
        } else {
          expect(changed.row).toBeNull();
          expect(stored).toEqual(row);
        }
      });
    }
  }

  it('R18: clean-up and automatic withdrawal leave a kept invitation open; its sender may withdraw it', async () => {
    const env = { now: t.clock.now(), rules: t.ctx.config.rules };
    const kept = { ...(await invitationIn('pending')), kept: 1 };
    await t.ctx.database.db
      .updateTable('invitations')
      .set({ kept: 1 })
      .where('id', '=', kept.id)
      .execute();
    for (const cause of ['cleanup', 'automatic'] as const) {
      const changed = await t.ctx.database.transaction((tx) =>
        transition(tx, [kept], { kind: 'withdraw', cause }, env),
      );
      expect(changed).toEqual([]);
    }
    const changed = await t.ctx.database.transaction((tx) =>
      transition(tx, [kept], { kind: 'withdraw', cause: 'sender' }, env),
    );
    expect(changed.map((r) => r.id)).toEqual([kept.id]);
    expect((await findInvitation(t.ctx.database.db, kept.id))?.status).toBe('withdrawn');
  });

  it('a batch changes only those still in a starting state, in one call', async () => {
    const env = { now: t.clock.now(), rules: t.ctx.config.rules };
    const batch = [
      await invitationIn('pending'),
      await invitationIn('accepted'),
      await invitationIn('ignored'),
    ];
    const changed = await t.ctx.database.transaction((tx) =>
      transition(tx, batch, { kind: 'expire' }, env),
    );
    expect(changed.map((r) => r.id).sort()).toEqual([batch[0]!.id, batch[2]!.id].sort());
  });
});
