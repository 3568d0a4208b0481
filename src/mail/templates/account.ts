import { html } from '../html.js';
import { actionButton, mailDocument, type MailContent } from './layout.js';

/** What an account mail needs: whom it greets and the single-use link it carries. */
export interface AccountMailView {
  recipientName: string;
  link: string;
}

interface AccountMailParts {
  subject: string;
  lines: string[];
  action: string;
  /** Said last, for the reader who did not ask for this mail. */
  notYou: string;
}

/**
 * Both bodies of an account mail. No unsubscribe link: the member asked for this mail, and it is
 * the only way to the account. The greeting quotes the name, which its member wrote.
 */
function accountLayout(parts: AccountMailParts, view: AccountMailView): MailContent {
  const greeting = `Hi “${view.recipientName}”,`;
  const text = [
    greeting,
    '',
    ...parts.lines.flatMap((line) => [line, '']),
    `${parts.action}: ${view.link}`,
    '',
    '-- ',
    parts.notYou,
    '',
  ].join('\n');
  const body = mailDocument(
    parts.subject,
    html`<p>${greeting}</p>
      ${parts.lines.map((line) => html`<p>${line}</p>`)} ${actionButton(view.link, parts.action)}
      <p style="font-size:14px;color:#444">Or open this address: ${view.link}</p>
      <hr style="border:0;border-top:1px solid #ddd" />
      <p style="font-size:12px;color:#666">${parts.notYou}</p>`,
  );
  return { subject: parts.subject, text, html: body };
}

/** R25: the link that verifies the address it was sent to. */
export function verifyEmailMail(view: AccountMailView): MailContent {
  return accountLayout(
    {
      subject: 'Verify your email address for Rapport',
      lines: [
        'Please confirm that this is your email address. Until you do, you cannot send invitations and Rapport sends you no other email.',
        'The link works once, for 24 hours.',
      ],
      action: 'Verify my email address',
      notYou:
        'You get this email because this address was given for a Rapport account. If that was not you, ignore it: nothing happens without the link.',
    },
    view,
  );
}

/** R26: the link that sets a new password. */
export function passwordResetMail(view: AccountMailView): MailContent {
  return accountLayout(
    {
      subject: 'Reset your Rapport password',
      lines: [
        'Someone asked to reset the password of the Rapport account with this email address.',
        'The link works once, for 60 minutes. Setting a new password signs you out everywhere.',
      ],
      action: 'Choose a new password',
      notYou: 'If you did not ask for this, ignore this email: your password stays as it is.',
    },
    view,
  );
}
