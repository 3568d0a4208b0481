/** Sets state up through the HTTP API so the browser only drives the behaviour under test. */
import { API, PASSWORD, type Reply, signUpWithToken } from '../../test/helpers/app.js';

export interface Member {
  handle: string;
  name: string;
  email: string;
  password: string;
  token: string;
}

export interface SentInvitation {
  id: string;
  kind: string;
  sentAt: string;
  resendAvailableAt: string;
  kept: boolean;
  recipient: { handle: string; name: string };
}

export class Api {
  constructor(readonly baseUrl: string) {}

  /** One request to the server, whatever its status. */
  async request(
    method: string,
    url: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Reply> {
    const response = await fetch(`${this.baseUrl}${url}`, {
      method,
      headers: {
        ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: payload === undefined ? undefined : JSON.stringify(payload),
    });
    const text = await response.text();
    return {
      status: response.status,
      body:
        text && /json/.test(String(response.headers.get('content-type'))) ? JSON.parse(text) : text,
      headers: { 'set-cookie': response.headers.getSetCookie() },
    };
  }

  async call<T>(method: string, path: string, body?: unknown, token?: string): Promise<T> {
    const reply = await this.request(
      method,
      `${API}${path}`,
      body,
      token ? { authorization: `Bearer ${token}` } : {},
    );
    if (reply.status >= 300) {
      const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
      throw new Error(`${method} ${path} → ${reply.status} ${text}`);
    }
    return (reply.body === '' ? undefined : reply.body) as T;
  }

  /** Signs a member up and gives them a personal access token for the setup calls. */
  async member(name: string, extra: { headline?: string; company?: string } = {}): Promise<Member> {
    const handle = name.toLowerCase().replace(/[^a-z]+/g, '-');
    const email = `${handle}@example.test`;
    const token = await signUpWithToken(
      (method, url, payload, headers) => this.request(method, url, payload, headers),
      { email, name, handle, ...extra },
      'e2e setup',
    );
    return { handle, name, email, password: PASSWORD, token };
  }

  invite(from: Member, to: Member, extra: { note?: string } = {}): Promise<SentInvitation> {
    return this.call(
      'POST',
      '/invitations',
      { kind: 'connection', to: to.handle, ...extra },
      from.token,
    );
  }

  async connect(a: Member, b: Member): Promise<void> {
    const invitation = await this.invite(a, b);
    await this.call('POST', `/invitations/${invitation.id}/accept`, undefined, b.token);
  }

  sent(member: Member): Promise<{ items: SentInvitation[] }> {
    return this.call('GET', '/invitations/sent', undefined, member.token);
  }

  received(member: Member): Promise<{ items: { id: string; sender: { handle: string } }[] }> {
    return this.call('GET', '/invitations/received', undefined, member.token);
  }

  /** Moves the server clock and answers the server's new time. */
  async advanceDays(days: number): Promise<Date> {
    const { now } = await this.call<{ now: string }>('POST', '/test/clock', { advanceDays: days });
    return new Date(now);
  }

  serverNow(): Promise<Date> {
    return this.advanceDays(0);
  }
}
