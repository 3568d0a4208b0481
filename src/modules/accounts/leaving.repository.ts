/**
 * R29: what goes when a member leaves. Every statement runs inside the leaving transaction,
 * after the invitation transitions have done their part, so nothing here touches invitations.
 */
import type { Tx } from '../../db/types.js';
import { endEveryConnection } from '../connections/connection.service.js';
import { deleteDeliveries } from '../webhooks/webhook.emit.js';

export interface RunAlone {
  pages: string[];
  events: string[];
}

/** The pages and events the member runs with no other admin or organizer. */
export async function runAlone(tx: Tx, memberId: string): Promise<RunAlone> {
  const pages = await tx
    .selectFrom('page_admins as mine')
    .select('mine.page_id as id')
    .where('mine.member_id', '=', memberId)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('page_admins as other')
            .select('other.member_id')
            .whereRef('other.page_id', '=', 'mine.page_id')
            .where('other.member_id', '!=', memberId),
        ),
      ),
    )
    .execute();
  const events = await tx
    .selectFrom('event_organizers as mine')
    .select('mine.event_id as id')
    .where('mine.member_id', '=', memberId)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('event_organizers as other')
            .select('other.member_id')
            .whereRef('other.event_id', '=', 'mine.event_id')
            .where('other.member_id', '!=', memberId),
        ),
      ),
    )
    .execute();
  return { pages: pages.map((p) => p.id), events: events.map((e) => e.id) };
}

async function deleteGraph(tx: Tx, memberId: string): Promise<void> {
  await endEveryConnection(tx, memberId);
  for (const table of ['follows', 'suspended_follows'] as const) {
    await tx
      .deleteFrom(table)
      .where((eb) => eb.or([eb('follower_id', '=', memberId), eb('followee_id', '=', memberId)]))
      .execute();
  }
  // What waits for a suspended member (R32) to come back does not wait for one who left.
  await tx.deleteFrom('suspended_connections').where('peer_id', '=', memberId).execute();
  for (const table of ['blocks', 'block_lifts'] as const) {
    await tx
      .deleteFrom(table)
      .where((eb) => eb.or([eb('blocker_id', '=', memberId), eb('blocked_id', '=', memberId)]))
      .execute();
  }
  await tx.deleteFrom('contacts').where('member_id', '=', memberId).execute();
}

/**
 * The member's notifications, and every other member's that names them; mail to them, and mail
 * to anyone about an invitation of theirs, whatever its state, so no outbox keeps their name.
 */
async function deleteNewsAndMail(tx: Tx, memberId: string): Promise<void> {
  await tx
    .deleteFrom('notifications')
    .where((eb) => eb.or([eb('member_id', '=', memberId), eb('actor_id', '=', memberId)]))
    .execute();
  await tx
    .deleteFrom('outbox')
    .where((eb) =>
      eb.or([
        eb('recipient_id', '=', memberId),
        eb(
          'invitation_id',
          'in',
          eb
            .selectFrom('invitations')
            .select('id')
            .where((i) => i.or([i('sender_id', '=', memberId), i('recipient_id', '=', memberId)])),
        ),
      ]),
    )
    .execute();
}

/**
 * The member's webhooks with their deliveries, and the deliveries to anyone else's webhooks that
 * tell of them, sent or not, so no delivery log keeps their name (each names its member by
 * handle, which `-` and lower-case letters make safe inside LIKE). This reads every delivery
 * row once; leaving is rare enough for that.
 */
async function deleteWebhooks(tx: Tx, memberId: string, handle: string): Promise<void> {
  const about = `%"member":{"handle":"${handle}"%`;
  const deliveries = tx
    .selectFrom('webhook_deliveries')
    .select('id')
    .where((eb) =>
      eb.or([
        eb(
          'webhook_id',
          'in',
          eb.selectFrom('webhooks').select('id').where('member_id', '=', memberId),
        ),
        eb('payload', 'like', about),
      ]),
    );
  await deleteDeliveries(
    tx,
    (await deliveries.execute()).map((d) => d.id),
  );
  await tx.deleteFrom('webhooks').where('member_id', '=', memberId).execute();
}

async function deletePagesAndEvents(tx: Tx, memberId: string, alone: RunAlone): Promise<void> {
  await tx.deleteFrom('page_followers').where('member_id', '=', memberId).execute();
  await tx.deleteFrom('page_admins').where('member_id', '=', memberId).execute();
  await tx.deleteFrom('event_attendees').where('member_id', '=', memberId).execute();
  await tx.deleteFrom('event_organizers').where('member_id', '=', memberId).execute();
  if (alone.pages.length > 0) {
    for (const table of ['page_followers', 'page_credits', 'page_admins'] as const) {
      await tx.deleteFrom(table).where('page_id', 'in', alone.pages).execute();
    }
    await tx.deleteFrom('pages').where('id', 'in', alone.pages).execute();
  }
  if (alone.events.length > 0) {
    for (const table of ['event_attendees', 'event_organizers'] as const) {
      await tx.deleteFrom(table).where('event_id', 'in', alone.events).execute();
    }
    await tx.deleteFrom('events').where('id', 'in', alone.events).execute();
  }
}

/**
 * Everything of the member but the row itself, which stays with nothing personal in it: the
 * invitations and counts of others point at it, and its handle and email stay taken for 30
 * days (the sign-up frees them after that).
 */
export async function eraseMember(
  tx: Tx,
  member: { id: string; handle: string },
  alone: RunAlone,
  at: string,
): Promise<void> {
  const memberId = member.id;
  await deleteGraph(tx, memberId);
  await deleteNewsAndMail(tx, memberId);
  await deleteWebhooks(tx, memberId, member.handle);
  await deletePagesAndEvents(tx, memberId, alone);
  for (const table of [
    'sessions',
    'access_tokens',
    'account_tokens',
    'idempotency_keys',
  ] as const) {
    await tx.deleteFrom(table).where('member_id', '=', memberId).execute();
  }
  await tx
    .deleteFrom('email_attempts')
    .where((eb) => eb.or([eb('sender_id', '=', memberId), eb('recipient_id', '=', memberId)]))
    .execute();
  // R20's snapshot of the member, kept on invitations a block froze, is personal too.
  await tx
    .updateTable('invitations')
    .set({ frozen_recipient: null, frozen_search: null })
    .where('recipient_id', '=', memberId)
    .where('frozen_recipient', 'is not', null)
    .execute();
  await tx
    .updateTable('members')
    .set({
      name: '',
      headline: '',
      company: '',
      industry: '',
      location: '',
      search_text: '',
      password_hash: '',
      email_verified_at: null,
      active_webhooks: 0,
      invitation_policy: 'everyone',
      auto_withdraw_after_days: null,
      restricted_until: null,
      role: 'member',
      suspension_reason: null,
      updated_at: at,
      deleted_at: at,
    })
    .where('id', '=', memberId)
    .execute();
}
