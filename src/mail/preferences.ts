import type {
  AccountMailTemplate,
  InvitationMailTemplate,
  MailTemplate,
} from '../db/tables/outbox.js';
import type { MemberTable } from '../db/tables/member.js';

type PreferenceColumn = 'email_on_invitation' | 'email_reminders' | 'email_on_accept';

/** The member setting that allows each kind of mail (GET /settings names them in camelCase). */
export const PREFERENCE_OF: Record<InvitationMailTemplate, PreferenceColumn> = {
  invitation: 'email_on_invitation',
  reminder: 'email_reminders',
  accepted: 'email_on_accept',
};

/** What the member stops by unsubscribing, completing "You will no longer get …". */
export const DESCRIPTION_OF: Record<InvitationMailTemplate, string> = {
  invitation: 'emails about new invitations',
  reminder: 'reminders about invitations you have not answered',
  accepted: 'emails when someone accepts your invitation',
};

export function isAccountMail(template: MailTemplate): template is AccountMailTemplate {
  return template === 'verify_email' || template === 'password_reset';
}

/** Account mail always goes: the member asked for it, and it is their only way back in. */
export function allows(
  member: Pick<MemberTable, PreferenceColumn>,
  template: MailTemplate,
): boolean {
  return isAccountMail(template) || member[PREFERENCE_OF[template]] === 1;
}

/**
 * R25: while the instance requires a verified address, only account mail goes to one that is
 * not verified yet; a reset link proves the address as well as a verification link does.
 */
export function awaitsVerification(
  member: Pick<MemberTable, 'email_verified_at'>,
  template: MailTemplate,
  requireVerifiedEmail: boolean,
): boolean {
  return requireVerifiedEmail && member.email_verified_at === null && !isAccountMail(template);
}
