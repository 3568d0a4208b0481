import type { Db } from '../../db/types.js';
import { type Page, presentPage, type SearchRequest } from '../../db/pagination.js';
import { DomainError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { memberText } from '../../lib/text.js';
import { areConnected } from '../connections/connection.service.js';
import type { ServiceDeps } from '../deps.js';
import {
  type Invitee,
  listInvitees,
  type RecipientResult,
  sendTargetInvitations,
  type TargetInvite,
} from '../invitations/invitation.targets.js';
import { type MemberSummary, toSummary } from '../members/member.presenter.js';
import type { MemberService } from '../members/member.service.js';
import { ensureCreditLeft, takeCredit } from './page.credits.js';
import { creditMonth, type PageCredits, pageCredits } from './page.js';
import {
  countPageFollowers,
  countMemberPages,
  creditsUsed,
  findPage,
  followPage,
  insertPage,
  insertPageAdmin,
  isPageAdmin,
  listMemberPages,
  listPageAdmins,
  memberRoles,
  pageFollowersAmong,
  type PageRow,
  unfollowPage,
} from './page.repository.js';

/** How many pages the member admins or follows: the length of their list of pages. */
export function countPagesOf(db: Db, memberId: string): Promise<number> {
  return countMemberPages(db, memberId);
}

export interface PageSummary {
  id: string;
  name: string;
  description: string;
  createdAt: string;
  followerCount: number;
  isAdmin: boolean;
  following: boolean;
}

export interface PageView extends PageSummary {
  admins: MemberSummary[];
  /** Only admins see the credits. */
  credits: PageCredits | null;
}

export class PageService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly members: MemberService,
  ) {}

  /** The creator becomes the page's first admin and follows it. */
  async create(memberId: string, input: { name: string; description?: string }): Promise<PageView> {
    const now = this.deps.clock.now();
    const at = now.toISOString();
    const id = newId(now);
    await this.deps.database.transaction(async (db) => {
      await insertPage(db, {
        id,
        name: memberText('name', input.name).trim(),
        description: memberText('description', input.description ?? '', { multiline: true }).trim(),
        created_by: memberId,
        created_at: at,
      });
      await insertPageAdmin(db, id, memberId);
      await followPage(db, id, memberId, at);
    });
    return this.get(memberId, id);
  }

  async get(viewerId: string, id: string): Promise<PageView> {
    const db = this.deps.database.db;
    const page = await this.requirePage(db, id);
    const now = this.deps.clock.now();
    const [admins, followers, roles, used] = await Promise.all([
      listPageAdmins(db, id, viewerId),
      countPageFollowers(db, [id], viewerId),
      memberRoles(db, viewerId, [id]),
      creditsUsed(db, id, creditMonth(now)),
    ]);
    const isAdmin = roles.admin.has(id);
    return {
      ...summary(page, followers, roles),
      admins: admins.map(toSummary),
      credits: isAdmin ? pageCredits(used, this.deps.rules.pageCreditsPerMonth, now) : null,
    };
  }

  /** Pages the member admins or follows, newest first. */
  async list(
    viewerId: string,
    options: { cursor?: string; limit: number },
  ): Promise<Page<PageSummary>> {
    const db = this.deps.database.db;
    const page = await listMemberPages(db, viewerId, {
      cursor: options.cursor,
      limit: options.limit,
    });
    const ids = page.items.map((r) => r.id);
    const [followers, roles] = await Promise.all([
      countPageFollowers(db, ids, viewerId),
      memberRoles(db, viewerId, ids),
    ]);
    return presentPage(page, (r) => summary(r, followers, roles));
  }

  /** An admin makes one of their connections an admin too; they follow the page from then on. */
  async addAdmin(viewerId: string, id: string, handle: string): Promise<PageView> {
    const other = await this.members.visibleMember(viewerId, handle);
    await this.deps.database.transaction(async (db) => {
      await this.requireAdmin(db, id, viewerId);
      if (other.id !== viewerId && !(await areConnected(db, viewerId, other.id))) {
        throw new DomainError('member_not_found', 'None of your connections has that handle.');
      }
      await insertPageAdmin(db, id, other.id);
      await followPage(db, id, other.id, this.deps.clock.now().toISOString());
    });
    return this.get(viewerId, id);
  }

  async follow(viewerId: string, id: string): Promise<PageView> {
    const db = this.deps.database.db;
    await this.requirePage(db, id);
    await followPage(db, id, viewerId, this.deps.clock.now().toISOString());
    return this.get(viewerId, id);
  }

  async unfollow(viewerId: string, id: string): Promise<PageView> {
    const db = this.deps.database.db;
    await this.requirePage(db, id);
    await unfollowPage(db, id, viewerId);
    return this.get(viewerId, id);
  }

  /** R21: an admin invites their connections, one credit each; per-recipient results. */
  async invite(
    viewerId: string,
    id: string,
    to: string[],
  ): Promise<{ results: RecipientResult[]; credits: PageCredits }> {
    const db = this.deps.database.db;
    const page = await this.requireAdmin(db, id, viewerId);
    const results = await sendTargetInvitations(this.deps, viewerId, to, this.invitationSpec(page));
    const now = this.deps.clock.now();
    const used = await creditsUsed(db, id, creditMonth(now));
    return { results, credits: pageCredits(used, this.deps.rules.pageCreditsPerMonth, now) };
  }

  /** R21: the admin's connections, each with what inviting them to the page now would meet. */
  async invitees(viewerId: string, id: string, options: SearchRequest): Promise<Page<Invitee>> {
    const page = await this.requireAdmin(this.deps.database.db, id, viewerId);
    return listInvitees(this.deps, viewerId, this.invitationSpec(page), options);
  }

  private invitationSpec(page: PageRow): TargetInvite {
    const limit = this.deps.rules.pageCreditsPerMonth;
    return {
      kind: 'page',
      target: { id: page.id, name: page.name },
      joinedAmong: (db, ids) => pageFollowersAmong(db, page.id, ids),
      refusal(recipient, following) {
        if (following) {
          return new DomainError(
            'already_following',
            `${recipient.name} already follows ${page.name}.`,
          );
        }
        if (recipient.page_invitations !== 1) {
          return new DomainError(
            'page_invitations_forbidden',
            `${recipient.name} does not accept page invitations.`,
          );
        }
        return undefined;
      },
      quota: {
        code: 'page_credits_exhausted',
        ensureAvailable: (db, now) => ensureCreditLeft(db, page, limit, now),
        take: (tx, now) => takeCredit(tx, page, limit, now),
      },
    };
  }

  private async requirePage(db: Db, id: string): Promise<PageRow> {
    const page = await findPage(db, id);
    if (!page) throw new DomainError('page_not_found', 'There is no such page.');
    return page;
  }

  private async requireAdmin(db: Db, id: string, memberId: string): Promise<PageRow> {
    const page = await this.requirePage(db, id);
    if (!(await isPageAdmin(db, id, memberId))) {
      throw new DomainError('forbidden', `Only the admins of ${page.name} can do that.`);
    }
    return page;
  }
}

function summary(
  page: PageRow,
  followers: Map<string, number>,
  roles: { admin: Set<string>; following: Set<string> },
): PageSummary {
  return {
    id: page.id,
    name: page.name,
    description: page.description,
    createdAt: page.created_at,
    followerCount: followers.get(page.id) ?? 0,
    isAdmin: roles.admin.has(page.id),
    following: roles.following.has(page.id),
  };
}
