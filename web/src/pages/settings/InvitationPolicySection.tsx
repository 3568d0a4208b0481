import type { InvitationPolicy, Settings } from '../../api/types.js';
import { useSaveSettings } from './use-save-settings.js';

const POLICIES: { value: InvitationPolicy; label: string; hint: string }[] = [
  {
    value: 'everyone',
    label: 'Everyone on Rapport',
    hint: 'Anyone who can see your profile can invite you.',
  },
  {
    value: 'email_or_contacts',
    label: 'Only people who know my email address',
    hint: 'They must type your email address, unless they are in the contacts you imported.',
  },
];

export function InvitationPolicySection({ settings }: { settings: Settings }) {
  const save = useSaveSettings();
  return (
    <section className="card" aria-labelledby="policy-title">
      <h2 id="policy-title" className="card-title">
        Who can send you invitations
      </h2>
      <fieldset className="choice-group">
        <legend className="visually-hidden">Who can send you invitations</legend>
        {POLICIES.map((policy) => (
          <label key={policy.value} className="choice choice-block">
            <input
              type="radio"
              name="invitation-policy"
              checked={settings.invitationPolicy === policy.value}
              onChange={() => save.mutate({ invitationPolicy: policy.value })}
            />
            <span>
              <span className="choice-label">{policy.label}</span>
              <span className="hint">{policy.hint}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <label className="choice choice-block">
        <input
          type="checkbox"
          checked={settings.pageInvitations}
          onChange={(event) => save.mutate({ pageInvitations: event.target.checked })}
        />
        <span>
          <span className="choice-label">Invitations to follow pages</span>
          <span className="hint">Let admins of pages invite you to follow them.</span>
        </span>
      </label>
    </section>
  );
}
