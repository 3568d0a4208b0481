/** A browser-like client in tests: a session cookie and its CSRF token. */
import { API, inject, PASSWORD, type Reply } from './app.js';
import type { App } from '../../src/http/types.js';

export interface CookieSession {
  cookie: string;
  csrfToken: string;
  request(method: string, url: string, payload?: unknown): Promise<Reply>;
}

/** The `name=value` of the session cookie a reply sets. */
export function sessionCookieOf(reply: Reply): string {
  const raw = reply.headers['set-cookie'];
  const first = Array.isArray(raw) ? raw[0] : raw;
  const cookie = String(first ?? '').split(';')[0] ?? '';
  if (!cookie.startsWith('rapport_session=')) throw new Error('the reply set no session cookie');
  return cookie;
}

/** Signs in with a password; the reply when it fails, a session when it works. */
export async function signIn(
  app: App,
  email: string,
  password = PASSWORD,
): Promise<{ reply: Reply; session: CookieSession | null }> {
  const reply = await inject(app, 'POST', `${API}/session`, { email, password });
  if (reply.status !== 200) return { reply, session: null };
  const cookie = sessionCookieOf(reply);
  const csrfToken = String(reply.body.csrfToken);
  return {
    reply,
    session: {
      cookie,
      csrfToken,
      request: (method, url, payload) =>
        inject(app, method, url, payload, { cookie, 'x-csrf-token': csrfToken }),
    },
  };
}

/** A new session for a member who knows their password; fails the test otherwise. */
export async function newSession(app: App, email: string, password = PASSWORD) {
  const { reply, session } = await signIn(app, email, password);
  if (!session) throw new Error(`sign-in failed: ${JSON.stringify(reply.body)}`);
  return session;
}
