/**
 * R30: everything Rapport holds about a member, as they may see it, written as one JSON document
 * a piece at a time: every list is read a page at a time, so a member with thousands of
 * invitations costs many small queries and never one giant one, nor the whole document in memory.
 */
import type { Page, PageRequest } from '../../db/pagination.js';
import type { BlockService } from '../blocks/block.service.js';
import type { ConnectionService } from '../connections/connection.service.js';
import type { ContactService } from '../contacts/contact.service.js';
import type { EventService } from '../events/event.service.js';
import type { FollowService } from '../follows/follow.service.js';
import type { InvitationQueries } from '../invitations/invitation.queries.js';
import type { MemberService } from '../members/member.service.js';
import type { NotificationService } from '../notifications/notification.service.js';
import type { PageService } from '../pages/page.service.js';
import type { SettingsService } from '../settings/settings.service.js';

/** The services an export reads, as the app context holds them. */
export interface ExportSources {
  members: MemberService;
  settings: SettingsService;
  connections: ConnectionService;
  follows: FollowService;
  invitationQueries: InvitationQueries;
  blocks: BlockService;
  contacts: ContactService;
  pages: PageService;
  events: EventService;
  notifications: NotificationService;
}

/** Each list is read in pages of this many. */
const PAGE = 200;

type Lister = (page: PageRequest) => Promise<Page<unknown>>;

/**
 * The sections, in the order the document lists them. A suspended member's connections and
 * follows wait outside the graph (R32); theirs are still in their export, with the rest.
 */
function lists(s: ExportSources, id: string, withWaiting: boolean): [string, Lister][] {
  return [
    ['connections', (p) => s.connections.list(id, { q: '', ...p }, withWaiting)],
    ['following', (p) => s.follows.list(id, 'following', p, withWaiting)],
    ['followers', (p) => s.follows.list(id, 'followers', p, withWaiting)],
    ['invitationsSent', (p) => s.invitationQueries.everyOf(id, 'sender', p)],
    ['invitationsReceived', (p) => s.invitationQueries.everyOf(id, 'recipient', p)],
    ['blocks', (p) => s.blocks.list(id, p)],
    ['contacts', (p) => s.contacts.list(id, p)],
    ['pages', (p) => s.pages.list(id, p)],
    ['events', (p) => s.events.list(id, p)],
    ['notifications', (p) => s.notifications.list(id, p)],
  ];
}

async function* listJson(list: Lister): AsyncGenerator<string> {
  yield '[';
  let cursor: string | undefined;
  let first = true;
  do {
    const page = await list({ cursor, limit: PAGE });
    for (const item of page.items) {
      yield `${first ? '' : ','}${JSON.stringify(item)}`;
      first = false;
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  yield ']';
}

/**
 * The member's export as pieces of JSON text that, joined, make one object. Only the command
 * line exports a member who is `suspended`: a suspended member cannot sign in to ask.
 */
export async function* exportAccount(
  sources: ExportSources,
  memberId: string,
  now: Date,
  suspended = false,
): AsyncGenerator<string> {
  const profile = await sources.members.me(memberId);
  const settings = await sources.settings.get(memberId);
  yield `{"exportedAt":${JSON.stringify(now.toISOString())}`;
  yield `,"profile":${JSON.stringify(profile)}`;
  yield `,"settings":${JSON.stringify(settings)}`;
  for (const [name, list] of lists(sources, memberId, suspended)) {
    yield `,${JSON.stringify(name)}:`;
    yield* listJson(list);
  }
  yield '}\n';
}
