import type { MailPayload } from '../../modules/invitations/invitation.effects.js';
import { html, type SafeHtml } from '../html.js';

interface MailLinks {
  /** The recipient's Received tab. */
  invitations: string;
  /** The profile of the member the mail is about. */
  profile: string;
  settings: string;
  /** RFC 8058 one-click unsubscribe for this kind of mail. */
  unsubscribe: string;
  /** The page or event the mail is about, if it is about one. */
  target?: string;
}

export interface MailView {
  recipientName: string;
  payload: MailPayload;
  links: MailLinks;
}

export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

export interface MailParts {
  subject: string;
  lines: string[];
  note: string | null;
  action: { label: string; url: string };
  /** A link to what the mail is about (a page or event), below its lines. */
  about?: { label: string; url: string };
  /** Why the recipient gets this mail, ending the sentence "You get this email because …". */
  because: string;
}

/** Text on one line, whatever line breaks or runs of spaces it was written with. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Member-written text (a name, a headline, a page's or event's name) inside the service's own
 * words (SPEC §7 Text): on one line and between quotes it cannot close, so it never reads as
 * the service speaking.
 */
export function quoted(text: string): string {
  return `“${oneLine(text).replace(/[“”]/g, '"')}”`;
}

/** `text` quoted, or the service's own `fallback` words when there is none. */
export function quotedOr(text: string | null, fallback: string): string {
  return text === null ? fallback : quoted(text);
}

/** “Ann Smith” (“Engineer at Acme”), or just the name without a headline. */
export function actorLine(payload: MailPayload): string {
  const name = quoted(payload.actorName);
  return payload.actorHeadline ? `${name} (${quoted(payload.actorHeadline)})` : name;
}

/** A note keeps its line breaks; each line is escaped on its own. */
function noteLines(note: string) {
  return note.split(/\r?\n/).map((line, i) => html`${i > 0 ? html`<br />` : ''}${line}`);
}

/** Both bodies from one description, so the plain text and HTML say the same thing. No tracking pixels. */
export function layout(parts: MailParts, view: MailView): MailContent {
  const { links } = view;
  const greeting = `Hi ${oneLine(view.recipientName)},`;
  const footer = `You get this email because ${parts.because}.`;
  const text = [
    greeting,
    '',
    ...parts.lines.flatMap((line) => [line, '']),
    ...(parts.about ? [`${parts.about.label}: ${parts.about.url}`, ''] : []),
    ...(parts.note ? [...parts.note.split(/\r?\n/).map((line) => `> ${line}`), ''] : []),
    `${parts.action.label}: ${parts.action.url}`,
    '',
    '-- ',
    footer,
    `Email settings: ${links.settings}`,
    `Unsubscribe from these emails: ${links.unsubscribe}`,
    '',
  ].join('\n');

  const body = mailDocument(
    parts.subject,
    html`<p>${greeting}</p>
      ${parts.lines.map((line) => html`<p>${line}</p>`)}
      ${parts.about ? html`<p><a href="${parts.about.url}">${parts.about.label}</a></p>` : ''}
      ${
        parts.note
          ? html`<blockquote style="margin:1rem 0;padding:.5rem 1rem;border-left:3px solid #0a66c2">
              ${noteLines(parts.note)}
            </blockquote>`
          : ''
      }
      ${actionButton(parts.action.url, parts.action.label)}
      <hr style="border:0;border-top:1px solid #ddd" />
      <p style="font-size:12px;color:#666">
        ${footer} <a href="${links.settings}">Email settings</a> ·
        <a href="${links.unsubscribe}">Unsubscribe</a>
      </p>`,
  );
  return { subject: parts.subject, text, html: body };
}

/** The HTML frame every mail shares, around its `content`. */
export function mailDocument(subject: string, content: SafeHtml): string {
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <title>${subject}</title>
      </head>
      <body
        style="font:16px/1.5 system-ui,sans-serif;color:#1d2226;max-width:36rem;margin:0 auto;padding:1rem"
      >
        ${content}
      </body>
    </html> `.value;
}

/** The one button of a mail. */
export function actionButton(url: string, label: string): SafeHtml {
  return html`<p>
    <a
      href="${url}"
      style="display:inline-block;padding:.5rem 1rem;background:#0a66c2;color:#fff;text-decoration:none;border-radius:1rem"
      >${label}</a
    >
  </p>`;
}
