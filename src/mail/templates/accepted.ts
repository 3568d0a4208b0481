import { actorLine, layout, quoted, quotedOr, type MailContent, type MailView } from './layout.js';

/** R10: the sender learns that their invitation was accepted. */
export function acceptedMail(view: MailView): MailContent {
  const { payload } = view;
  const what =
    payload.kind === 'page'
      ? `accepted your invitation and now follows ${quotedOr(payload.targetName, 'your page')}`
      : payload.kind === 'event'
        ? `accepted your invitation to ${quotedOr(payload.targetName, 'your event')}`
        : 'accepted your invitation to connect';
  return layout(
    {
      subject: `${quoted(payload.actorName)} ${what}`,
      lines: [
        `${actorLine(payload)} ${what}.`,
        ...(payload.kind === 'connection' ? ['You are now connected and follow each other.'] : []),
      ],
      note: null,
      action: { label: `See the profile of ${quoted(payload.actorName)}`, url: view.links.profile },
      because: 'you allowed emails when someone accepts your invitation',
    },
    view,
  );
}
