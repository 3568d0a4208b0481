import type { MailTemplate } from '../db/tables/outbox.js';
import type { MailPayload } from '../modules/invitations/invitation.effects.js';
import { acceptedMail } from './templates/accepted.js';
import { invitationMail } from './templates/invitation.js';
import type { MailContent, MailView } from './templates/layout.js';
import { reminderMail } from './templates/reminder.js';
import { unsubscribeToken } from './unsubscribe-token.js';

const TEMPLATES: Record<MailTemplate, (view: MailView) => MailContent> = {
  invitation: invitationMail,
  reminder: reminderMail,
  accepted: acceptedMail,
};

export interface ComposedMail extends MailContent {
  headers: Record<string, string>;
}

interface MailToCompose {
  template: MailTemplate;
  /** The outbox row's JSON payload. */
  payload: string;
}

export type MailComposer = (
  mail: MailToCompose,
  recipient: { id: string; name: string },
) => ComposedMail;

/** Renders outbox rows into what is sent: both bodies, the links, and the unsubscribe headers. */
export function mailComposer(publicUrl: string, secret: string): MailComposer {
  return (mail, recipient) => {
    const payload = JSON.parse(mail.payload) as MailPayload;
    const unsubscribe = `${publicUrl}/api/v1/unsubscribe?token=${unsubscribeToken(secret, recipient.id, mail.template)}`;
    const content = TEMPLATES[mail.template]({
      recipientName: recipient.name,
      payload,
      links: {
        invitations: `${publicUrl}/mynetwork/invitation-manager/received`,
        profile: `${publicUrl}/in/${encodeURIComponent(payload.actorHandle)}`,
        settings: `${publicUrl}/settings`,
        unsubscribe,
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
