/** Sets state up through the HTTP API so the browser only drives the behaviour under test. */
import createClient, { type Client } from 'openapi-fetch';
import type { components, paths } from '../../web/src/api/schema.js';

export interface Member {
  handle: string;
  name: string;
  email: string;
  password: string;
  token: string;
}

export type SentInvitation = components['schemas']['SentInvitation'];
/** The typed client generated from the API's description, as the web app uses it. */
export type ApiClient = Client<paths>;

const PASSWORD = 'correct horse battery';

interface Outcome<D> {
  data?: D;
  error?: unknown;
  response: Response;
}

/** The data of a successful call; any other answer fails the setup with its problem details. */
export async function ok<D>(pending: Promise<Outcome<D>>): Promise<D> {
  const { data, error, response } = await pending;
  if (!response.ok) {
    throw new Error(`${response.url} → ${response.status} ${JSON.stringify(error)}`);
  }
  // openapi-fetch types data as optional for every answer; a successful one carries D.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion
  return data as D;
}

export class Api {
  readonly client: ApiClient;

  constructor(readonly baseUrl: string) {
    this.client = createClient<paths>({ baseUrl });
  }

  /** The client acting as `member`, with their personal access token. */
  as(member: Member): ApiClient {
    return createClient<paths>({
      baseUrl: this.baseUrl,
      headers: { authorization: `Bearer ${member.token}` },
    });
  }

  /** Signs a member up and gives them a personal access token for the setup calls. */
  async member(name: string, extra: { headline?: string; company?: string } = {}): Promise<Member> {
    const handle = name.toLowerCase().replace(/[^a-z]+/g, '-');
    const email = `${handle}@example.test`;
    const signUp = this.client.POST('/api/v1/members', {
      body: { email, password: PASSWORD, name, handle, ...extra },
    });
    const { csrfToken } = await ok(signUp);
    const cookie = (await signUp).response.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const { token } = await ok(
      this.client.POST('/api/v1/me/tokens', {
        headers: { cookie, 'x-csrf-token': csrfToken },
        body: { name: 'e2e setup' },
      }),
    );
    return { handle, name, email, password: PASSWORD, token };
  }

  async invite(
    from: Member,
    to: Member,
    extra: { note?: string; howKnown?: 'colleague' | 'classmate' | 'friend' | 'other' } = {},
  ): Promise<SentInvitation> {
    const body = { kind: 'connection' as const, to: to.handle, ...extra };
    const result = await ok(this.as(from).POST('/api/v1/invitations', { body }));
    if (!('recipient' in result)) throw new Error(`${from.name} and ${to.name} connected at once`);
    return result;
  }

  async connect(a: Member, b: Member): Promise<void> {
    const invitation = await this.invite(a, b);
    await ok(
      this.as(b).POST('/api/v1/invitations/{id}/accept', {
        params: { path: { id: invitation.id } },
      }),
    );
  }

  sent(member: Member) {
    return ok(this.as(member).GET('/api/v1/invitations/sent'));
  }

  received(member: Member) {
    return ok(this.as(member).GET('/api/v1/invitations/received'));
  }

  /**
   * Moves the server clock and answers the server's new time. The test-clock routes exist only
   * in test-clock mode and stay out of the description, so this one is called by hand.
   */
  async advanceDays(days: number): Promise<Date> {
    const response = await fetch(`${this.baseUrl}/api/v1/test/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ advanceDays: days }),
    });
    if (!response.ok) throw new Error(`test clock → ${response.status} ${await response.text()}`);
    const body: unknown = await response.json();
    const now: unknown =
      typeof body === 'object' && body !== null ? Reflect.get(body, 'now') : null;
    if (typeof now !== 'string') throw new Error(`test clock → no time in ${JSON.stringify(body)}`);
    return new Date(now);
  }

  serverNow(): Promise<Date> {
    return this.advanceDays(0);
  }
}
