import type { Tx } from '../../db/types.js';
import { giveCreditBack } from './page.credits.js';
import { findPage, followPage } from './page.repository.js';

/**
 * R10, R21: accepting a page invitation makes the recipient follow the page and gives its
 * credit back. Returns the page, which the sender's notification names.
 */
export async function onPageInvitationAccepted(
  tx: Tx,
  invitation: { target_id: string; recipient_id: string; sent_at: string },
  at: string,
): Promise<{ id: string; name: string } | null> {
  await followPage(tx, invitation.target_id, invitation.recipient_id, at);
  await giveCreditBack(tx, invitation.target_id, invitation.sent_at);
  const page = await findPage(tx, invitation.target_id);
  return page ? { id: page.id, name: page.name } : null;
}
