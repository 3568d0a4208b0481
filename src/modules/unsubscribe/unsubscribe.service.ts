import type { InvitationMailTemplate } from '../../db/tables/outbox.js';
import { newSecret } from '../../lib/ids.js';
import { PREFERENCE_OF } from '../../mail/preferences.js';
import { readUnsubscribeToken } from '../../mail/unsubscribe-token.js';
import type { ServiceDeps } from '../deps.js';
import { updateMember } from '../members/member.service.js';
import { loadOrCreateSecret } from './server-secret.repository.js';

/**
 * The key that signs unsubscribe links: RAPPORT_SECRET when the operator sets it, otherwise one
 * made once and kept in the database, so links in mail already sent keep working across
 * restarts and across every process that shares the database.
 */
export async function mailSecret(deps: ServiceDeps, configured: string | null): Promise<string> {
  if (configured) return configured;
  return loadOrCreateSecret(deps.database.db, 'mail', newSecret(), deps.clock.now().toISOString());
}

/** RFC 8058 one-click unsubscribe: a signed link turns one email preference off without sign-in. */
export class UnsubscribeService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly secret: string,
  ) {}

  /** The kind of mail a link stops, or null when the link is not one of ours. */
  read(token: string): InvitationMailTemplate | null {
    return readUnsubscribeToken(this.secret, token)?.template ?? null;
  }

  /** Turns the preference off; doing it again changes nothing. Null when the link is not valid. */
  async unsubscribe(token: string): Promise<InvitationMailTemplate | null> {
    const found = readUnsubscribeToken(this.secret, token);
    if (!found) return null;
    await updateMember(this.deps.database.db, found.memberId, {
      [PREFERENCE_OF[found.template]]: 0,
      updated_at: this.deps.clock.now().toISOString(),
    });
    return found.template;
  }
}
