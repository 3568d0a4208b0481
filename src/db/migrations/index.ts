import type { Migration } from 'kysely';
import * as initial from './0001-initial.js';
import * as serverSecrets from './0002-server-secrets.js';
import * as eventOrganizersMember from './0003-event-organizers-member.js';
import * as leanerInvitationIndexes from './0004-leaner-invitation-indexes.js';
import * as operations from './0005-operations.js';
import * as integrations from './0006-integrations.js';
import * as listOrders from './0007-list-orders.js';
import * as accountRecovery from './0008-account-recovery.js';
import * as emailAttemptsAndFrozenRecipients from './0010-email-attempts-and-frozen-recipients.js';
import * as sessionsAndLeaving from './0009-sessions-and-leaving.js';
import * as frozenSearchByName from './0011-frozen-search-by-name.js';
import * as webhookInvitationsAndLastFailure from './0012-webhook-invitations-and-last-failure.js';
import * as unverifiedMembers from './0013-unverified-members.js';
import * as sessionAndTokenListOrder from './0014-session-and-token-list-order.js';
import * as invitationIgnoredAt from './0015-invitation-ignored-at.js';
import * as memberActiveWebhooks from './0016-member-active-webhooks.js';
import * as suspendedGraph from './0017-suspended-graph.js';
import * as receivedListCoveringIndex from './0018-received-list-covering-index.js';
import * as sentListCoveringIndex from './0019-sent-list-covering-index.js';
import * as sentKindFromListedIndex from './0020-sent-kind-from-listed-index.js';

/** Every migration in order; names are frozen once landed. */
export const migrations: Record<string, Migration> = {
  '0001-initial': initial,
  '0002-server-secrets': serverSecrets,
  '0003-event-organizers-member': eventOrganizersMember,
  '0004-leaner-invitation-indexes': leanerInvitationIndexes,
  '0005-operations': operations,
  '0006-integrations': integrations,
  '0007-list-orders': listOrders,
  '0008-account-recovery': accountRecovery,
  '0010-email-attempts-and-frozen-recipients': emailAttemptsAndFrozenRecipients,
  '0009-sessions-and-leaving': sessionsAndLeaving,
  '0011-frozen-search-by-name': frozenSearchByName,
  '0012-webhook-invitations-and-last-failure': webhookInvitationsAndLastFailure,
  '0013-unverified-members': unverifiedMembers,
  '0014-session-and-token-list-order': sessionAndTokenListOrder,
  '0015-invitation-ignored-at': invitationIgnoredAt,
  '0016-member-active-webhooks': memberActiveWebhooks,
  '0017-suspended-graph': suspendedGraph,
  '0018-received-list-covering-index': receivedListCoveringIndex,
  '0019-sent-list-covering-index': sentListCoveringIndex,
  '0020-sent-kind-from-listed-index': sentKindFromListedIndex,
};
