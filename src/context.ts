import pino, { type Logger } from 'pino';
import type { Config } from './config.js';
import { migrateToLatest, openDatabase } from './db/database.js';
import type { Database, Db } from './db/types.js';
import { autoWithdrawJob } from './jobs/auto-withdraw.job.js';
import { deliveryJob } from './jobs/delivery.job.js';
import { expiryJob } from './jobs/expiry.job.js';
import { idempotencyJob } from './jobs/idempotency.job.js';
import { reminderJob } from './jobs/reminder.job.js';
import { JobRunner } from './jobs/runner.js';
import { webhookJob } from './jobs/webhook.job.js';
import { type Clock, ManualClock, systemClock } from './lib/clock.js';
import { mailComposer } from './mail/compose.js';
import { smtpMailer } from './mail/mailer.js';
import { AccountService } from './modules/accounts/account.service.js';
import { CredentialService } from './modules/accounts/credential.service.js';
import { LeavingService } from './modules/accounts/leaving.service.js';
import { STANDARD_COST, TEST_COST } from './modules/accounts/password.js';
import { AdminService } from './modules/admin/admin.service.js';
import { BlockService } from './modules/blocks/block.service.js';
import { ConnectionService } from './modules/connections/connection.service.js';
import { ContactService } from './modules/contacts/contact.service.js';
import { EventService } from './modules/events/event.service.js';
import type { ServiceDeps } from './modules/deps.js';
import { FollowService } from './modules/follows/follow.service.js';
import { IdempotencyService } from './modules/idempotency/idempotency.service.js';
import { InsightService } from './modules/insights/insight.service.js';
import { InvitationCommands } from './modules/invitations/invitation.commands.js';
import { InvitationQueries } from './modules/invitations/invitation.queries.js';
import { MemberService } from './modules/members/member.service.js';
import { NotificationService } from './modules/notifications/notification.service.js';
import { MailboxService } from './modules/outbox/outbox.service.js';
import { PageService } from './modules/pages/page.service.js';
import { Registration } from './modules/registration/registration.service.js';
import { SettingsService } from './modules/settings/settings.service.js';
import { mailSecret, UnsubscribeService } from './modules/unsubscribe/unsubscribe.service.js';
import { WebhookService } from './modules/webhooks/webhook.service.js';

/** Everything the app needs, built once at start and passed down. */
export interface AppContext {
  config: Config;
  log: Logger;
  database: Database;
  clock: Clock;
  /** The migrations this start applied; empty when the schema was already current. */
  migrated: string[];
  /** Present only in test-clock mode (RAPPORT_TEST_CLOCK=1). */
  manualClock: ManualClock | null;
  accounts: AccountService;
  credentials: CredentialService;
  leaving: LeavingService;
  admin: AdminService;
  members: MemberService;
  invitations: InvitationCommands;
  invitationQueries: InvitationQueries;
  connections: ConnectionService;
  follows: FollowService;
  notifications: NotificationService;
  settings: SettingsService;
  blocks: BlockService;
  contacts: ContactService;
  pages: PageService;
  events: EventService;
  insights: InsightService;
  mailbox: MailboxService;
  unsubscribe: UnsubscribeService;
  idempotency: IdempotencyService;
  webhooks: WebhookService;
  jobs: JobRunner;
  close(): Promise<void>;
}

export async function createContext(
  config: Config,
  options: {
    log?: Logger;
    clock?: Clock;
    /** Runs on the database once opened, before it is migrated; what it throws closes it. */
    beforeMigrating?: (db: Db) => Promise<void>;
  } = {},
): Promise<AppContext> {
  const log = options.log ?? pino({ level: config.logLevel });
  const database = openDatabase(config.databaseUrl, {
    sqliteSynchronous: config.sqliteSynchronous,
    poolSize: config.databasePoolSize ?? undefined,
  });
  try {
    await options.beforeMigrating?.(database.db);
  } catch (error) {
    await database.close();
    throw error;
  }
  const migrated = await migrateToLatest(database.db);
  const manualClock = config.testClock ? new ManualClock() : null;
  const clock = options.clock ?? manualClock ?? systemClock;
  const deps: ServiceDeps = { database, clock, rules: config.rules };

  const invitations = new InvitationCommands(deps, config.requireVerifiedEmail);
  const invitationQueries = new InvitationQueries(deps, config.requireVerifiedEmail);
  const members = new MemberService(deps, invitationQueries);
  const idempotency = new IdempotencyService(deps);
  const registration = new Registration(config);
  const passwordCost = config.testFastPasswords ? TEST_COST : STANDARD_COST;
  const credentials = new CredentialService(
    deps,
    registration,
    config.requireVerifiedEmail,
    passwordCost,
  );
  const secret = await mailSecret(deps, config.secret);
  const compose = mailComposer(config.publicUrl, secret);
  // Without a mail server, mail stays in the outbox (the development mailbox shows it).
  const mailer = config.smtpUrl ? smtpMailer(config.smtpUrl, config.mailFrom) : null;
  // Delivery runs last, so mail the other jobs queue goes out in the same run.
  const delivery = mailer
    ? [
        deliveryJob({
          database,
          clock,
          mailer,
          compose,
          log,
          requireVerifiedEmail: config.requireVerifiedEmail,
        }),
      ]
    : [];
  const jobs = new JobRunner(
    [
      expiryJob(database, clock, config.rules),
      reminderJob(database, clock, config.rules),
      autoWithdrawJob(database, clock, config.rules),
      idempotencyJob(idempotency),
      webhookJob({
        database,
        clock,
        wallClock: systemClock,
        allowPrivate: config.webhooksAllowPrivate,
        log,
      }),
      ...delivery,
    ],
    log,
  );

  return {
    config,
    log,
    database,
    clock,
    migrated,
    manualClock,
    accounts: new AccountService(deps, registration, credentials, passwordCost),
    credentials,
    leaving: new LeavingService(deps),
    admin: new AdminService(deps),
    members,
    invitations,
    invitationQueries,
    connections: new ConnectionService(deps, members),
    follows: new FollowService(deps, members),
    notifications: new NotificationService(deps),
    settings: new SettingsService(deps, members),
    blocks: new BlockService(deps, invitations),
    contacts: new ContactService(deps),
    pages: new PageService(deps, members),
    events: new EventService(deps),
    insights: new InsightService(deps),
    mailbox: new MailboxService(deps, compose),
    unsubscribe: new UnsubscribeService(deps, secret),
    idempotency,
    webhooks: new WebhookService(deps, config.webhooksAllowPrivate),
    jobs,
    async close() {
      await jobs.stop();
      mailer?.close();
      await database.close();
    },
  };
}
