import { type Page, presentPage } from '../../db/pagination.js';
import type { ServiceDeps } from '../deps.js';
import { type MemberSummary, toSummary } from '../members/member.presenter.js';
import { findMemberSummaries } from '../members/member.service.js';
import { type InvitationSubject, invitationSubjects } from '../invitations/invitation.queries.js';
import { countUnread, listNotifications, markRead } from './notification.repository.js';

export interface NotificationView {
  id: string;
  type: string;
  actor: MemberSummary | null;
  invitationId: string | null;
  invitation: InvitationSubject | null;
  createdAt: string;
  read: boolean;
}

export class NotificationService {
  constructor(private readonly deps: ServiceDeps) {}

  async list(
    memberId: string,
    options: { cursor?: string; limit: number },
  ): Promise<Page<NotificationView> & { unread: number }> {
    const db = this.deps.database.db;
    const [page, unread] = await Promise.all([
      listNotifications(db, memberId, { cursor: options.cursor, limit: options.limit }),
      countUnread(db, memberId),
    ]);
    const [actors, subjects] = await Promise.all([
      findMemberSummaries(
        db,
        page.items.flatMap((r) => (r.actor_id ? [r.actor_id] : [])),
      ),
      invitationSubjects(
        db,
        page.items.flatMap((r) => (r.invitation_id ? [r.invitation_id] : [])),
      ),
    ]);
    const presented = presentPage(page, (r) => ({
      id: r.id,
      type: r.type,
      actor: r.actor_id ? toSummary(actors.get(r.actor_id)) : null,
      invitationId: r.invitation_id,
      invitation: (r.invitation_id && subjects.get(r.invitation_id)) || null,
      createdAt: r.created_at,
      read: r.read_at !== null,
    }));
    return { ...presented, unread };
  }

  async markRead(memberId: string, ids: string[] | undefined): Promise<void> {
    await markRead(this.deps.database.db, memberId, ids, this.deps.clock.now().toISOString());
  }
}

/** What other modules may use inside their own transactions (CONVENTIONS 19). */
export { deleteNotificationsForInvitation, insertNotification } from './notification.repository.js';
