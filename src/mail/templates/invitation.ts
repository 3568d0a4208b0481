import { actorLine, layout, quoted, quotedOr, type MailContent, type MailView } from './layout.js';

/** A new invitation, to its recipient. */
export function invitationMail(view: MailView): MailContent {
  const { payload } = view;
  const what =
    payload.kind === 'page'
      ? `invited you to follow ${quotedOr(payload.targetName, 'a page')}`
      : payload.kind === 'event'
        ? `invited you to ${quotedOr(payload.targetName, 'an event')}`
        : 'wants to connect with you';
  return layout(
    {
      subject: `${quoted(payload.actorName)} ${what}`,
      lines: [`${actorLine(payload)} ${what} on Rapport.`],
      note: payload.note,
      action: { label: 'See the invitation', url: view.links.invitations },
      because: 'you allowed emails about new invitations',
    },
    view,
  );
}
