import type { Settings } from '../../api/types.js';
import { useSaveSettings } from './use-save-settings.js';

type EmailKey = 'emailOnInvitation' | 'emailReminders' | 'emailOnAccept';

const OPTIONS: { key: EmailKey; label: string }[] = [
  { key: 'emailOnInvitation', label: 'When someone invites me' },
  { key: 'emailReminders', label: 'Reminders about invitations I haven’t answered' },
  { key: 'emailOnAccept', label: 'When someone accepts my invitation' },
];

export function EmailSection({ settings }: { settings: Settings }) {
  const save = useSaveSettings();
  return (
    <section className="card" aria-labelledby="email-title">
      <h2 id="email-title" className="card-title">
        Email notifications
      </h2>
      <fieldset className="choice-group">
        <legend className="visually-hidden">Send me an email</legend>
        {OPTIONS.map((option) => (
          <label key={option.key} className="choice choice-block">
            <input
              type="checkbox"
              checked={settings[option.key]}
              onChange={(event) => save.mutate({ [option.key]: event.target.checked })}
            />
            <span className="choice-label">{option.label}</span>
          </label>
        ))}
      </fieldset>
    </section>
  );
}
