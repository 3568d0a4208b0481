/** Pages (R21) and events (R22) set up through the HTTP API. */
import type { Api, Member } from './api.js';

export interface PageView {
  id: string;
  name: string;
  followerCount: number;
  following: boolean;
  credits: { remaining: number; limit: number; renewsAt: string } | null;
}

export interface EventView {
  id: string;
  name: string;
  startsAt: string;
}

interface InviteResult {
  results: { to: string; status: string; invitationId?: string }[];
}

interface ReceivedTarget {
  id: string;
  target: { name: string } | null;
}

const DAY_MS = 86_400_000;

export class Targets {
  constructor(private readonly api: Api) {}

  createPage(admin: Member, name: string, description?: string): Promise<PageView> {
    return this.api.call('POST', '/pages', { name, description }, admin.token);
  }

  getPage(viewer: Member, id: string): Promise<PageView> {
    return this.api.call('GET', `/pages/${id}`, undefined, viewer.token);
  }

  invitePage(admin: Member, id: string, to: Member[]): Promise<InviteResult> {
    const handles = to.map((member) => member.handle);
    return this.api.call('POST', `/pages/${id}/invitations`, { to: handles }, admin.token);
  }

  /** An event `daysAhead` days after the server's now, at 23:30 UTC. */
  async createEvent(
    organizer: Member,
    name: string,
    daysAhead: number,
    location?: string,
  ): Promise<EventView> {
    const startsAt = new Date((await this.api.serverNow()).getTime() + daysAhead * DAY_MS);
    startsAt.setUTCHours(23, 30, 0, 0);
    const body = { name, startsAt: startsAt.toISOString(), location };
    return this.api.call('POST', '/events', body, organizer.token);
  }

  getEvent(viewer: Member, id: string): Promise<EventView> {
    return this.api.call('GET', `/events/${id}`, undefined, viewer.token);
  }

  inviteEvent(organizer: Member, id: string, to: Member[]): Promise<InviteResult> {
    const handles = to.map((member) => member.handle);
    return this.api.call('POST', `/events/${id}/invitations`, { to: handles }, organizer.token);
  }

  async received(member: Member, kind: 'page' | 'event'): Promise<ReceivedTarget[]> {
    const path = `/invitations/received?kind=${kind}`;
    const { items } = await this.api.call<{ items: ReceivedTarget[] }>(
      'GET',
      path,
      undefined,
      member.token,
    );
    return items;
  }
}
