import type { AccessTokenTable } from './tables/access-token.js';
import type { AccountTokenTable } from './tables/account-token.js';
import type { BlockLiftTable, BlockTable } from './tables/block.js';
import type { ConnectionTable } from './tables/connection.js';
import type { ContactTable } from './tables/contact.js';
import type { EmailAttemptTable } from './tables/email-attempt.js';
import type { EventAttendeeTable, EventOrganizerTable, EventTable } from './tables/event.js';
import type { FollowTable } from './tables/follow.js';
import type { IdempotencyKeyTable } from './tables/idempotency-key.js';
import type { InvitationTable } from './tables/invitation.js';
import type { JobLeaseTable } from './tables/job-lease.js';
import type { MemberTable } from './tables/member.js';
import type { NotificationTable } from './tables/notification.js';
import type { AdminAuditTable, InviteCodeTable } from './tables/operations.js';
import type { OutboxTable } from './tables/outbox.js';
import type {
  PageAdminTable,
  PageCreditTable,
  PageFollowerTable,
  PageTable,
} from './tables/page.js';
import type { ServerSecretTable } from './tables/server-secret.js';
import type { SessionTable } from './tables/session.js';
import type { SuspendedConnectionTable, SuspendedFollowTable } from './tables/suspended-graph.js';
import type { WebhookAttemptTable, WebhookDeliveryTable, WebhookTable } from './tables/webhook.js';

export interface Schema {
  members: MemberTable;
  sessions: SessionTable;
  access_tokens: AccessTokenTable;
  account_tokens: AccountTokenTable;
  invitations: InvitationTable;
  connections: ConnectionTable;
  follows: FollowTable;
  blocks: BlockTable;
  block_lifts: BlockLiftTable;
  contacts: ContactTable;
  notifications: NotificationTable;
  outbox: OutboxTable;
  pages: PageTable;
  page_admins: PageAdminTable;
  page_followers: PageFollowerTable;
  page_credits: PageCreditTable;
  events: EventTable;
  event_organizers: EventOrganizerTable;
  event_attendees: EventAttendeeTable;
  job_leases: JobLeaseTable;
  server_secrets: ServerSecretTable;
  idempotency_keys: IdempotencyKeyTable;
  webhooks: WebhookTable;
  webhook_deliveries: WebhookDeliveryTable;
  webhook_attempts: WebhookAttemptTable;
  invite_codes: InviteCodeTable;
  admin_audit: AdminAuditTable;
  email_attempts: EmailAttemptTable;
  suspended_connections: SuspendedConnectionTable;
  suspended_follows: SuspendedFollowTable;
}
