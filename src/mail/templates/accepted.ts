import { actorLine, layout, type MailContent, type MailView } from './layout.js';

/** R10: the sender learns that their invitation was accepted. */
export function acceptedMail(view: MailView): MailContent {
  const { payload } = view;
  const what =
    payload.kind === 'page'
      ? `accepted your invitation and now follows ${payload.targetName ?? 'your page'}`
      : payload.kind === 'event'
        ? `accepted your invitation to ${payload.targetName ?? 'your event'}`
        : 'accepted your invitation to connect';
  return layout(
    {
      subject: `${payload.actorName} ${what}`,
      lines: [
        `${actorLine(payload)} ${what}.`,
        ...(payload.kind === 'connection' ? ['You are now connected and follow each other.'] : []),
      ],
      note: null,
      action: { label: `See ${payload.actorName}'s profile`, url: view.links.profile },
      because: 'you allowed emails when someone accepts your invitation',
    },
    view,
  );
}
