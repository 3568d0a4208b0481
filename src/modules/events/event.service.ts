import type { Db } from '../../db/types.js';
import { type Page, presentPage, type SearchRequest } from '../../db/pagination.js';
import { DomainError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { memberText } from '../../lib/text.js';
import type { ServiceDeps } from '../deps.js';
import { countTargetSentSince } from '../invitations/invitation.queries.js';
import {
  type Invitee,
  listInvitees,
  type RecipientResult,
  sendTargetInvitations,
  type TargetInvite,
} from '../invitations/invitation.targets.js';
import { type MemberSummary, toSummary } from '../members/member.presenter.js';
import {
  type EventInvitationQuota,
  eventLimitRetryAt,
  eventQuota,
  eventWindowStart,
} from './event.js';
import {
  attendEvent,
  attendeesAmong,
  countAttendees,
  countUpcomingMemberEvents,
  type EventRow,
  findEvent,
  insertEvent,
  insertOrganizer,
  isOrganizer,
  listAttendees,
  listMemberEvents,
  type EventsSide,
  listOrganizers,
  lockEvent,
  memberRoles,
} from './event.repository.js';

/** How many attendees an event's view lists; attendeeCount gives them all. */
const ATTENDEES_SHOWN = 50;

/** How many events the member organizes or attends that have yet to start at `now`. */
export function countUpcomingEventsOf(db: Db, memberId: string, now: Date): Promise<number> {
  return countUpcomingMemberEvents(db, memberId, now.toISOString());
}

export interface EventSummary {
  id: string;
  name: string;
  description: string;
  location: string;
  startsAt: string;
  createdAt: string;
  attendeeCount: number;
  isOrganizer: boolean;
  attending: boolean;
}

export interface EventView extends EventSummary {
  organizers: MemberSummary[];
  attendees: MemberSummary[];
  /** Only organizers see what is left of R22's weekly allowance. */
  invitations: EventInvitationQuota | null;
}

export interface EventInput {
  name: string;
  startsAt: string;
  description?: string;
  location?: string;
}

export class EventService {
  constructor(private readonly deps: ServiceDeps) {}

  /** The creator organizes the event and attends it. */
  async create(memberId: string, input: EventInput): Promise<EventView> {
    const now = this.deps.clock.now();
    const startsAt = new Date(input.startsAt);
    if (!(startsAt > now)) {
      throw new DomainError('validation_failed', 'An event must start in the future.', {
        errors: [{ path: '/body/startsAt', message: 'must be in the future' }],
      });
    }
    const at = now.toISOString();
    const id = newId(now);
    await this.deps.database.transaction(async (db) => {
      await insertEvent(db, {
        id,
        name: memberText('name', input.name).trim(),
        description: memberText('description', input.description ?? '', { multiline: true }).trim(),
        location: memberText('location', input.location ?? '').trim(),
        starts_at: startsAt.toISOString(),
        created_by: memberId,
        created_at: at,
      });
      await insertOrganizer(db, id, memberId);
      await attendEvent(db, id, memberId, at);
    });
    return this.get(memberId, id);
  }

  async get(viewerId: string, id: string): Promise<EventView> {
    const db = this.deps.database.db;
    const event = await this.requireEvent(db, id);
    const [organizers, attendees, counts, roles] = await Promise.all([
      listOrganizers(db, id, viewerId),
      listAttendees(db, id, viewerId, { limit: ATTENDEES_SHOWN }),
      countAttendees(db, [id], viewerId),
      memberRoles(db, viewerId, [id]),
    ]);
    return {
      ...summary(event, counts, roles),
      organizers: organizers.map(toSummary),
      attendees: attendees.items.map(toSummary),
      invitations: roles.organizer.has(id) ? await this.quota(db, id) : null,
    };
  }

  /** The attendees of an event the viewer may see, newest first (R20, R40). */
  async attendees(
    viewerId: string,
    id: string,
    options: { cursor?: string; limit: number },
  ): Promise<Page<MemberSummary>> {
    const db = this.deps.database.db;
    await this.requireEvent(db, id);
    return presentPage(await listAttendees(db, id, viewerId, options), toSummary);
  }

  /**
   * Events the member organizes or attends: all, or those yet to start, soonest first; or those
   * that have started, the latest first.
   */
  async list(
    viewerId: string,
    options: { cursor?: string; limit: number; when?: EventsSide },
  ): Promise<Page<EventSummary>> {
    const db = this.deps.database.db;
    const { cursor, limit, when } = options;
    const page = await listMemberEvents(
      db,
      viewerId,
      { cursor, limit },
      when && { side: when, now: this.deps.clock.now().toISOString() },
    );
    const ids = page.items.map((r) => r.id);
    const [counts, roles] = await Promise.all([
      countAttendees(db, ids, viewerId),
      memberRoles(db, viewerId, ids),
    ]);
    return presentPage(page, (r) => summary(r, counts, roles));
  }

  /** R22: an organizer invites their connections; per-recipient results. */
  async invite(
    viewerId: string,
    id: string,
    to: string[],
  ): Promise<{ results: RecipientResult[]; invitations: EventInvitationQuota }> {
    const db = this.deps.database.db;
    const event = await this.requireOrganizer(db, id, viewerId);
    const results = await sendTargetInvitations(
      this.deps,
      viewerId,
      to,
      this.invitationSpec(event),
    );
    return { results, invitations: await this.quota(db, id) };
  }

  /** R22: the organizer's connections, each with what inviting them to the event now would meet. */
  async invitees(viewerId: string, id: string, options: SearchRequest): Promise<Page<Invitee>> {
    const event = await this.requireOrganizer(this.deps.database.db, id, viewerId);
    return listInvitees(this.deps, viewerId, this.invitationSpec(event), options);
  }

  private async requireOrganizer(db: Db, id: string, viewerId: string): Promise<EventRow> {
    const event = await this.requireEvent(db, id);
    if (!(await isOrganizer(db, id, viewerId))) {
      throw new DomainError('forbidden', `Only the organizers of ${event.name} can invite to it.`);
    }
    return event;
  }

  private async quota(db: Db, id: string): Promise<EventInvitationQuota> {
    const since = eventWindowStart(this.deps.clock.now()).toISOString();
    const window = await countTargetSentSince(db, 'event', id, since);
    return eventQuota(window, this.deps.rules.eventWeeklyInvitationLimit);
  }

  private invitationSpec(event: EventRow): TargetInvite {
    const limit = this.deps.rules.eventWeeklyInvitationLimit;
    const ensure = async (db: Db, now: Date) => {
      const since = eventWindowStart(now).toISOString();
      const window = await countTargetSentSince(db, 'event', event.id, since);
      if (window.count >= limit) {
        throw new DomainError(
          'event_invitation_limit',
          `${event.name} has had ${limit} invitations in the last 7 days.`,
          { retryAt: eventLimitRetryAt(window.oldest, now) },
        );
      }
    };
    return {
      kind: 'event',
      target: {
        id: event.id,
        name: event.name,
        event: { startsAt: event.starts_at, location: event.location },
      },
      joinedAmong: (db, ids) => attendeesAmong(db, event.id, ids),
      refusal: (recipient, attending) =>
        attending
          ? new DomainError('already_attending', `${recipient.name} already attends ${event.name}.`)
          : undefined,
      quota: {
        code: 'event_invitation_limit',
        ensureAvailable: ensure,
        async take(tx, now) {
          await lockEvent(tx, event.id);
          await ensure(tx, now);
        },
      },
    };
  }

  private async requireEvent(db: Db, id: string): Promise<EventRow> {
    const event = await findEvent(db, id);
    if (!event) throw new DomainError('event_not_found', 'There is no such event.');
    return event;
  }
}

function summary(
  event: EventRow,
  counts: Map<string, number>,
  roles: { organizer: Set<string>; attending: Set<string> },
): EventSummary {
  return {
    id: event.id,
    name: event.name,
    description: event.description,
    location: event.location,
    startsAt: event.starts_at,
    createdAt: event.created_at,
    attendeeCount: counts.get(event.id) ?? 0,
    isOrganizer: roles.organizer.has(event.id),
    attending: roles.attending.has(event.id),
  };
}
