import { decodeCursor, type Page, toPage } from '../../db/pagination.js';
import type { ServiceDeps } from '../deps.js';
import { type MemberSummary, toSummary } from '../members/member.presenter.js';
import { findMembersByIds } from '../members/member.repository.js';
import { countUnread, listNotifications, markRead } from './notification.repository.js';

export interface NotificationView {
  id: string;
  type: string;
  actor: MemberSummary | null;
  invitationId: string | null;
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
    const [rows, unread] = await Promise.all([
      listNotifications(db, memberId, decodeCursor(options.cursor), options.limit),
      countUnread(db, memberId),
    ]);
    const actors = await findMembersByIds(
      db,
      rows.flatMap((r) => (r.actor_id ? [r.actor_id] : [])),
    );
    const page = toPage(
      rows,
      options.limit,
      (r) => ({ key: r.created_at, id: r.id }),
      (r) => {
        const actor = r.actor_id ? actors.get(r.actor_id) : undefined;
        return {
          id: r.id,
          type: r.type,
          actor: actor ? toSummary(actor) : null,
          invitationId: r.invitation_id,
          createdAt: r.created_at,
          read: r.read_at !== null,
        };
      },
    );
    return { ...page, unread };
  }

  async markRead(memberId: string, ids: string[] | undefined): Promise<void> {
    await markRead(this.deps.database.db, memberId, ids, this.deps.clock.now().toISOString());
  }
}
