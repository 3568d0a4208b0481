import type { RuleConfig } from '../../config.js';
import { isUniqueViolation } from '../../db/errors.js';
import type { Database, Tx } from '../../db/types.js';
import { DomainError } from '../../lib/errors.js';
import type { MemberRow } from '../members/member.repository.js';
import { announceInvitation, type MailTarget } from './invitation.effects.js';
import { type InvitationKind, newPendingInvitation } from './invitation.js';
import { emitWebhookEvents } from '../webhooks/webhook.emit.js';
import { insertInvitation, type InvitationRow } from './invitation.repository.js';

/** A page or event invited to, with what its invitation's mail says of it. */
export interface InvitationTarget extends MailTarget {
  id: string;
}

export interface NewInvitation {
  kind: InvitationKind;
  sender: MemberRow;
  recipient: MemberRow;
  /** The page or event invited to; null for a connection invitation. */
  target: InvitationTarget | null;
  note: string | null;
  howKnown: string | null;
  now: Date;
}

/**
 * Runs a send's transaction, in which createInvitation writes. R1's unique index has the last
 * word on a race, and its refusal can come from any statement after the insert, up to the
 * COMMIT: on PostgreSQL the insert waits to travel with a later one (db/postgres-write-batch.ts).
 */
export async function sendTransaction<T>(
  database: Database,
  fn: (tx: Tx) => Promise<T>,
): Promise<T> {
  try {
    return await database.transaction(fn);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    throw new DomainError('invitation_already_open', 'You have already invited this member.');
  }
}

/**
 * Writes a new pending invitation of any kind with its notification and mail, inside a send's
 * transaction (sendTransaction), once the send's checks have passed.
 */
export async function createInvitation(
  tx: Tx,
  rules: RuleConfig,
  input: NewInvitation,
): Promise<InvitationRow> {
  const row = newPendingInvitation(
    {
      kind: input.kind,
      senderId: input.sender.id,
      recipientId: input.recipient.id,
      targetId: input.target?.id ?? '',
      note: input.note,
      howKnown: input.howKnown,
      now: input.now,
    },
    rules,
  );
  await insertInvitation(tx, row);
  await announceInvitation(tx, row, input.sender, input.recipient, input.target, input.now);
  await emitWebhookEvents(
    tx,
    [
      { type: 'invitation.sent', invitations: [row] },
      { type: 'invitation.received', invitations: [row] },
    ],
    input.now,
    [input.sender, input.recipient],
  );
  return row;
}
