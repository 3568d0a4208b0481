import type { InvitationMailTemplate, MailTemplate } from '../db/tables/outbox.js';
import type { MailPayload } from '../modules/invitations/invitation.effects.js';
import { KINDS } from '../modules/invitations/invitation.js';
import { isAccountMail } from './preferences.js';
import { type AccountMailView, passwordResetMail, verifyEmailMail } from './templates/account.js';
import { acceptedMail } from './templates/accepted.js';
import { invitationMail } from './templates/invitation.js';
import type { MailContent, MailView } from './templates/layout.js';
import { reminderMail } from './templates/reminder.js';
import { unsubscribeToken } from './unsubscribe-token.js';

const TEMPLATES: Record<InvitationMailTemplate, (view: MailView) => MailContent> = {
  invitation: invitationMail,
  reminder: reminderMail,
  accepted: acceptedMail,
};

/** Each account mail, with the web page its link opens. */
const ACCOUNT_MAILS = {
  verify_email: { render: verifyEmailMail, page: '/verify-email' },
  password_reset: { render: passwordResetMail, page: '/reset-password' },
} satisfies Record<string, { render: (view: AccountMailView) => MailContent; page: string }>;

/**
 * What an account mail's outbox row holds: the token of its link (R25, R26), until the mail is
 * handed over; then it is forgotten, so the database keeps no usable link.
 */
export interface AccountMailPayload {
  token: string | null;
}

export const DELIVERED_ACCOUNT_MAIL: AccountMailPayload = { token: null };

/** The token of the link an account mail's outbox payload holds; null once it is handed over. */
export function accountMailToken(payload: string): string | null {
  return parseAccountPayload(payload).token;
}

function parseAccountPayload(text: string): AccountMailPayload {
  const value: unknown = JSON.parse(text);
  if (
    typeof value !== 'object' ||
    value === null ||
    !('token' in value) ||
    (typeof value.token !== 'string' && value.token !== null)
  ) {
    throw new Error('The outbox payload is not an account mail payload.');
  }
  return { token: value.token };
}

export interface ComposedMail extends MailContent {
  headers: Record<string, string>;
}

interface MailToCompose {
  template: MailTemplate;
  /** The outbox row's JSON payload. */
  payload: string;
}

function isMailPayload(value: unknown): value is MailPayload {
  const stringOrNull = (v: unknown) => v === null || typeof v === 'string';
  return (
    typeof value === 'object' &&
    value !== null &&
    'actorName' in value &&
    typeof value.actorName === 'string' &&
    'actorHeadline' in value &&
    typeof value.actorHeadline === 'string' &&
    'actorHandle' in value &&
    typeof value.actorHandle === 'string' &&
    'note' in value &&
    stringOrNull(value.note) &&
    'kind' in value &&
    KINDS.some((kind) => kind === value.kind) &&
    'targetName' in value &&
    stringOrNull(value.targetName) &&
    (!('targetId' in value) || typeof value.targetId === 'string') &&
    (!('event' in value) || isEventPlace(value.event))
  );
}

function isEventPlace(value: unknown): value is MailPayload['event'] {
  return (
    typeof value === 'object' &&
    value !== null &&
    'startsAt' in value &&
    typeof value.startsAt === 'string' &&
    'location' in value &&
    typeof value.location === 'string'
  );
}

/** The web app's page of the page or event a mail is about. */
function targetLink(publicUrl: string, payload: MailPayload): string | undefined {
  if (payload.targetId === undefined || payload.kind === 'connection') return undefined;
  return `${publicUrl}/${payload.kind === 'page' ? 'pages' : 'events'}/${encodeURIComponent(payload.targetId)}`;
}

/** The outbox row's payload, as payloadOf wrote it. */
function parsePayload(text: string): MailPayload {
  const value: unknown = JSON.parse(text);
  if (!isMailPayload(value)) throw new Error('The outbox payload is not a mail payload.');
  return value;
}

export type MailComposer = (
  mail: MailToCompose,
  recipient: { id: string; name: string },
) => ComposedMail;

/** Renders outbox rows into what is sent: both bodies, the links, and the unsubscribe headers. */
export function mailComposer(publicUrl: string, secret: string): MailComposer {
  return (mail, recipient) => {
    const { template } = mail;
    if (isAccountMail(template)) {
      const { render, page } = ACCOUNT_MAILS[template];
      const { token } = parseAccountPayload(mail.payload);
      const content = render({
        recipientName: recipient.name,
        link: token ? `${publicUrl}${page}?token=${encodeURIComponent(token)}` : publicUrl + page,
      });
      const headers: Record<string, string> = { 'Auto-Submitted': 'auto-generated' };
      return { ...content, headers };
    }
    const payload = parsePayload(mail.payload);
    const unsubscribe = `${publicUrl}/api/v1/unsubscribe?token=${unsubscribeToken(secret, recipient.id, template)}`;
    const content = TEMPLATES[template]({
      recipientName: recipient.name,
      payload,
      links: {
        invitations: `${publicUrl}/mynetwork/invitation-manager/received`,
        profile: `${publicUrl}/in/${encodeURIComponent(payload.actorHandle)}`,
        settings: `${publicUrl}/settings`,
        unsubscribe,
        target: targetLink(publicUrl, payload),
      },
    });
    return {
      ...content,
      // Members can write anything in their names; a subject stays one line.
      subject: content.subject.replace(/\s+/g, ' ').trim(),
      headers: {
        'List-Unsubscribe': `<${unsubscribe}>`,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
        'Auto-Submitted': 'auto-generated',
      },
    };
  };
}
