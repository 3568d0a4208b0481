/** Sets state up through the HTTP API so the browser only drives the behaviour under test. */
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

const PASSWORD = 'correct horse battery';

/** A string field of a JSON reply; setup cannot go on without it. */
function stringField(reply: unknown, name: string): string {
  const value: unknown =
    typeof reply === 'object' && reply !== null ? Reflect.get(reply, name) : undefined;
  if (typeof value !== 'string') throw new Error(`the reply has no ${name}`);
  return value;
}

export class Api {
  constructor(readonly baseUrl: string) {}

  async call<T>(method: string, path: string, body?: unknown, token?: string): Promise<T> {
    const response = await fetch(`${this.baseUrl}/api/v1${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${text}`);
    const reply: unknown = text ? JSON.parse(text) : undefined;
    // The caller names the reply's type from the API description; a setup call cannot check it.
    // eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion
    return reply as T;
  }

  /** Signs a member up and gives them a personal access token for the setup calls. */
  async member(name: string, extra: { headline?: string; company?: string } = {}): Promise<Member> {
    const handle = name.toLowerCase().replace(/[^a-z]+/g, '-');
    const email = `${handle}@example.test`;
    const response = await fetch(`${this.baseUrl}/api/v1/members`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: PASSWORD, name, handle, ...extra }),
    });
    if (response.status !== 201) throw new Error(`sign-up ${name}: ${await response.text()}`);
    const csrfToken = stringField(await response.json(), 'csrfToken');
    const cookie = response.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const tokenResponse = await fetch(`${this.baseUrl}/api/v1/me/tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
      body: JSON.stringify({ name: 'e2e setup' }),
    });
    if (tokenResponse.status !== 201)
      throw new Error(`token ${name}: ${await tokenResponse.text()}`);
    const token = stringField(await tokenResponse.json(), 'token');
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
