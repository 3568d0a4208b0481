import type { MailTemplate, OutboxStatus } from '../../db/tables/outbox.js';
import type { ComposedMail, MailComposer } from '../../mail/compose.js';
import type { ServiceDeps } from '../deps.js';
import { findMemberSummaries } from '../members/member.service.js';
import { findMail, listRecentMail, type OutboxRow } from './outbox.repository.js';

export interface MailSummary {
  id: string;
  to: string;
  template: MailTemplate;
  status: OutboxStatus;
  subject: string;
  attempts: number;
  createdAt: string;
  sentAt: string | null;
  lastError: string | null;
}

export type MailView = MailSummary & ComposedMail;

/** Reads the outbox as mail: for the development mailbox and `rapport mail list`. */
export class MailboxService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly compose: MailComposer,
  ) {}

  async recent(limit: number): Promise<MailSummary[]> {
    const rows = await listRecentMail(this.deps.database.db, limit);
    const views = await this.render(rows);
    return views.map(({ text: _text, html: _html, headers: _headers, ...summary }) => summary);
  }

  async show(id: string): Promise<MailView | null> {
    const row = await findMail(this.deps.database.db, id);
    if (!row) return null;
    const [view] = await this.render([row]);
    return view ?? null;
  }

  private async render(rows: OutboxRow[]): Promise<MailView[]> {
    const members = await findMemberSummaries(
      this.deps.database.db,
      rows.map((r) => r.recipient_id),
    );
    return rows.map((row) => {
      const mail = this.compose(row, {
        id: row.recipient_id,
        name: members.get(row.recipient_id).name,
      });
      return {
        id: row.id,
        to: row.to_email,
        template: row.template,
        status: row.status,
        attempts: row.attempts,
        createdAt: row.created_at,
        sentAt: row.sent_at,
        lastError: row.last_error,
        ...mail,
      };
    });
  }
}

/** What other modules may use inside their own transactions (CONVENTIONS 19). */
export { cancelMailForInvitations, enqueueMail, pendingMail } from './outbox.repository.js';
