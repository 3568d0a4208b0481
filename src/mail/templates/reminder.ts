import { actorLine, layout, quoted, type MailContent, type MailView } from './layout.js';

/** R12: an invitation still waits for an answer. */
export function reminderMail(view: MailView): MailContent {
  const { payload } = view;
  return layout(
    {
      subject: `Reminder: ${quoted(payload.actorName)} is waiting for your answer`,
      lines: [
        `${actorLine(payload)} invited you to connect on Rapport and is still waiting for your answer.`,
        'You can accept or ignore the invitation; the sender is never told that you ignored it.',
      ],
      note: payload.note,
      action: { label: 'Answer the invitation', url: view.links.invitations },
      because: 'you allowed reminders about invitations you have not answered',
    },
    view,
  );
}
