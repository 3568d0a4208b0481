import { isRestricted } from '../invitations/invitation.js';
import type { ServiceDeps } from '../deps.js';
import { updateMember } from '../members/member.service.js';
import type { MemberService } from '../members/member.service.js';

export interface Settings {
  invitationPolicy: 'everyone' | 'email_or_contacts';
  emailOnInvitation: boolean;
  emailReminders: boolean;
  emailOnAccept: boolean;
  pageInvitations: boolean;
  autoWithdrawAfterDays: number | null;
  /** R9: shown to the member with its end; never who answered. */
  restriction: { until: string } | null;
}

export type SettingsChanges = Partial<Omit<Settings, 'restriction'>>;

export class SettingsService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly members: MemberService,
  ) {}

  async get(memberId: string): Promise<Settings> {
    const m = await this.members.requireMember(memberId);
    return {
      invitationPolicy: m.invitation_policy,
      emailOnInvitation: m.email_on_invitation === 1,
      emailReminders: m.email_reminders === 1,
      emailOnAccept: m.email_on_accept === 1,
      pageInvitations: m.page_invitations === 1,
      autoWithdrawAfterDays: m.auto_withdraw_after_days,
      restriction:
        m.restricted_until && isRestricted(m.restricted_until, this.deps.clock.now())
          ? { until: m.restricted_until }
          : null,
    };
  }

  async update(memberId: string, changes: SettingsChanges): Promise<Settings> {
    const flag = (value: boolean | undefined) => (value === undefined ? undefined : value ? 1 : 0);
    await updateMember(this.deps.database.db, memberId, {
      invitation_policy: changes.invitationPolicy,
      email_on_invitation: flag(changes.emailOnInvitation),
      email_reminders: flag(changes.emailReminders),
      email_on_accept: flag(changes.emailOnAccept),
      page_invitations: flag(changes.pageInvitations),
      auto_withdraw_after_days: changes.autoWithdrawAfterDays,
      updated_at: this.deps.clock.now().toISOString(),
    });
    return this.get(memberId);
  }
}
