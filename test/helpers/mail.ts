/** Mail in tests: the app with a local SMTP sink, and what the outbox holds. */
import type { OutboxRow } from '../../src/modules/outbox/outbox.repository.js';
import { SmtpSink } from '../email/smtp-sink.js';
import { startApp, type TestApp } from './app.js';
import { elementAt } from '../../src/lib/arrays.js';

export const PUBLIC_URL = 'https://rapport.example.org';

/** The app with its mail going to a fresh SMTP sink on loopback. */
export async function startWithSink(
  env: Record<string, string> = {},
): Promise<{ t: TestApp; sink: SmtpSink; close: () => Promise<void> }> {
  const sink = await new SmtpSink().start();
  const t = await startApp({ RAPPORT_SMTP_URL: sink.url, RAPPORT_PUBLIC_URL: PUBLIC_URL, ...env });
  return {
    t,
    sink,
    close: async () => {
      await t.close();
      await sink.stop();
    },
  };
}

/** The outbox rows about one invitation, oldest first. */
export function mailAbout(t: TestApp, invitationId: string): Promise<OutboxRow[]> {
  return t.ctx.database.db
    .selectFrom('outbox')
    .selectAll()
    .where('invitation_id', '=', invitationId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** The statuses of the outbox rows about one invitation, oldest first; there is no API for the outbox. */
export async function mailStatuses(t: TestApp, invitationId: string): Promise<string[]> {
  return (await mailAbout(t, invitationId)).map((row) => row.status);
}

/** POSTs like a mail provider's one-click unsubscribe (RFC 8058). */
export function oneClick(t: TestApp, url: string) {
  return t.app.inject({
    method: 'POST',
    url: url.replace(PUBLIC_URL, ''),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: 'List-Unsubscribe=One-Click',
  });
}

/** The token of the one link to `page` (like '/verify-email') in a mail's text. */
export function linkToken(text: string, page: string): string {
  const links = [...text.matchAll(new RegExp(`${PUBLIC_URL}${page}\\?token=([\\w%-]+)`, 'g'))];
  const token = links[0]?.[1];
  if (!token || links.some((link) => link[1] !== token)) {
    throw new Error(`no single ${page} link in:\n${text}`);
  }
  return decodeURIComponent(token);
}

/** The URL inside `List-Unsubscribe: <…>`. */
export function unsubscribeUrl(header: string | undefined): string {
  const match = /^<([^>]+)>$/.exec(header ?? '');
  if (!match) throw new Error(`not a List-Unsubscribe header: ${header}`);
  return elementAt(match, 1);
}
