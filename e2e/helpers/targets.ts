/** Pages (R21) and events (R22) set up through the HTTP API. */
import { type Api, type Member, ok } from './api.js';

const DAY_MS = 86_400_000;

export class Targets {
  constructor(private readonly api: Api) {}

  createPage(admin: Member, name: string, description?: string) {
    return ok(this.api.as(admin).POST('/api/v1/pages', { body: { name, description } }));
  }

  getPage(viewer: Member, id: string) {
    return ok(this.api.as(viewer).GET('/api/v1/pages/{id}', { params: { path: { id } } }));
  }

  invitePage(admin: Member, id: string, to: Member[]) {
    const body = { to: to.map((member) => member.handle) };
    const params = { path: { id } };
    return ok(this.api.as(admin).POST('/api/v1/pages/{id}/invitations', { params, body }));
  }

  /** An event `daysAhead` days after the server's now, at 23:30 UTC. */
  async createEvent(organizer: Member, name: string, daysAhead: number, location?: string) {
    const startsAt = new Date((await this.api.serverNow()).getTime() + daysAhead * DAY_MS);
    startsAt.setUTCHours(23, 30, 0, 0);
    const body = { name, startsAt: startsAt.toISOString(), location };
    return ok(this.api.as(organizer).POST('/api/v1/events', { body }));
  }

  getEvent(viewer: Member, id: string) {
    return ok(this.api.as(viewer).GET('/api/v1/events/{id}', { params: { path: { id } } }));
  }

  inviteEvent(organizer: Member, id: string, to: Member[]) {
    const body = { to: to.map((member) => member.handle) };
    const params = { path: { id } };
    return ok(this.api.as(organizer).POST('/api/v1/events/{id}/invitations', { params, body }));
  }

  async received(member: Member, kind: 'page' | 'event') {
    const params = { query: { kind } };
    const { items } = await ok(this.api.as(member).GET('/api/v1/invitations/received', { params }));
    return items;
  }
}
