import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { updateMe } from '../../api/endpoints.js';
import { describeError } from '../../api/problem-messages.js';
import { refreshAfterChange, useMe } from '../../api/queries.js';
import type { Profile, ProfilePatch } from '../../api/types.js';
import { BusyButton } from '../../components/BusyButton.js';
import { Dialog } from '../../components/Dialog.js';
import { ErrorNote } from '../../components/Status.js';
import { TextField } from '../../components/TextField.js';
import { useToasts } from '../../components/Toasts.js';
import { formatCount } from '../../lib/format.js';
import { visibleLength } from '../../lib/text.js';

type Field = Exclude<keyof ProfilePatch, 'email' | 'currentPassword'>;

/** The profile fields PATCH /me takes, with the longest value the server accepts. */
const FIELDS: { field: Field; label: string; max: number; autoComplete: string }[] = [
  { field: 'name', label: 'Name', max: 100, autoComplete: 'name' },
  { field: 'headline', label: 'Headline', max: 200, autoComplete: 'off' },
  { field: 'company', label: 'Company', max: 100, autoComplete: 'organization' },
  { field: 'industry', label: 'Industry', max: 100, autoComplete: 'off' },
  { field: 'location', label: 'Location', max: 100, autoComplete: 'address-level2' },
];

function valuesOf(profile: Profile): Record<Field, string> {
  return {
    name: profile.name,
    headline: profile.headline,
    company: profile.company,
    industry: profile.industry,
    location: profile.location,
  };
}

export function EditProfileDialog({ profile, onClose }: { profile: Profile; onClose: () => void }) {
  const queryClient = useQueryClient();
  const toasts = useToasts();
  const currentEmail = useMe().data?.email ?? '';
  const [values, setValues] = useState(() => valuesOf(profile));
  // Null until the member edits it, so that the address shown follows /me until then.
  const [editedEmail, setEditedEmail] = useState<string | null>(null);
  const [password, setPassword] = useState('');
  const email = editedEmail ?? currentEmail;
  const before = valuesOf(profile);
  const changed = FIELDS.filter(({ field }) => values[field].trim() !== before[field]);
  const tooLong = FIELDS.filter(({ field, max }) => visibleLength(values[field].trim()) > max);
  const nameMissing = values.name.trim() === '';
  // R25: a new address needs the password, and is unverified until its mailed link is followed.
  const newEmail = email.trim().toLowerCase() !== currentEmail ? email.trim() : null;
  const emailMissing = newEmail === '';
  const passwordMissing = newEmail !== null && password === '';
  const refused = tooLong.length > 0 || nameMissing || emailMissing || passwordMissing;

  const save = useMutation({
    mutationFn: () =>
      updateMe({
        ...Object.fromEntries(changed.map(({ field }) => [field, values[field].trim()])),
        ...(newEmail === null ? {} : { email: newEmail, currentPassword: password }),
      }),
    onSuccess: (me) => {
      toasts.show({
        message:
          newEmail === null
            ? 'Your profile was saved.'
            : `Your profile was saved. We sent a link to ${me.email}: follow it to verify the address.`,
      });
      void refreshAfterChange(queryClient);
      onClose();
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (changed.length === 0 && newEmail === null) onClose();
    else if (!refused) save.mutate();
  }

  return (
    <Dialog open title="Edit profile" onClose={onClose}>
      <form className="form" onSubmit={submit} noValidate>
        {FIELDS.map(({ field, label, max, autoComplete }, index) => {
          const over = visibleLength(values[field].trim()) - max;
          const missing = field === 'name' && nameMissing;
          return (
            <TextField
              key={field}
              id={`edit-profile-${field}`}
              label={label}
              value={values[field]}
              autoComplete={autoComplete}
              data-autofocus={index === 0 ? true : undefined}
              invalid={over > 0 || missing}
              hint={
                missing
                  ? 'Your name cannot be empty.'
                  : over > 0
                    ? `${formatCount(over)} ${over === 1 ? 'character' : 'characters'} too many (at most ${formatCount(max)}).`
                    : undefined
              }
              onChange={(event) =>
                setValues((current) => ({ ...current, [field]: event.target.value }))
              }
            />
          );
        })}
        <TextField
          id="edit-profile-email"
          label="Email"
          type="email"
          autoComplete="email"
          value={email}
          invalid={emailMissing}
          hint={
            emailMissing
              ? 'Your email cannot be empty.'
              : newEmail === null
                ? undefined
                : 'We will send a link to verify the new address.'
          }
          onChange={(event) => setEditedEmail(event.target.value)}
        />
        {newEmail !== null && (
          <TextField
            id="edit-profile-password"
            label="Your password"
            type="password"
            autoComplete="current-password"
            required
            hint="Needed to change your email."
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        )}
        {save.isError && <ErrorNote>{describeError(save.error)}</ErrorNote>}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <BusyButton
            type="submit"
            className="button button-primary"
            disabled={refused}
            busy={save.isPending}
          >
            {save.isPending ? 'Saving…' : 'Save profile'}
          </BusyButton>
        </div>
      </form>
    </Dialog>
  );
}
