import type { MailTemplate } from '../db/tables/outbox.js';
import type { MemberTable } from '../db/tables/member.js';

type PreferenceColumn = 'email_on_invitation' | 'email_reminders' | 'email_on_accept';

/** The member setting that allows each kind of mail (GET /settings names them in camelCase). */
export const PREFERENCE_OF: Record<MailTemplate, PreferenceColumn> = {
  invitation: 'email_on_invitation',
  reminder: 'email_reminders',
  accepted: 'email_on_accept',
};

/** What the member stops by unsubscribing, completing "You will no longer get …". */
export const DESCRIPTION_OF: Record<MailTemplate, string> = {
  invitation: 'emails about new invitations',
  reminder: 'reminders about invitations you have not answered',
  accepted: 'emails when someone accepts your invitation',
};

export function allows(
  member: Pick<MemberTable, PreferenceColumn>,
  template: MailTemplate,
): boolean {
  return member[PREFERENCE_OF[template]] === 1;
}
