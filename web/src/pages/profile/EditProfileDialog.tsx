import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { updateMe } from '../../api/endpoints.js';
import { describeError } from '../../api/problem-messages.js';
import { refreshAfterChange } from '../../api/queries.js';
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
  const [values, setValues] = useState(() => valuesOf(profile));
  const before = valuesOf(profile);
  const changed = FIELDS.filter(({ field }) => values[field].trim() !== before[field]);
  const tooLong = FIELDS.filter(({ field, max }) => visibleLength(values[field].trim()) > max);
  const nameMissing = values.name.trim() === '';

  const save = useMutation({
    mutationFn: () =>
      updateMe(Object.fromEntries(changed.map(({ field }) => [field, values[field].trim()]))),
    onSuccess: () => {
      toasts.show({ message: 'Your profile was saved.' });
      void refreshAfterChange(queryClient);
      onClose();
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (changed.length === 0) onClose();
    else if (tooLong.length === 0 && !nameMissing) save.mutate();
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
              id={`profile-${field}`}
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
        {save.isError && <ErrorNote>{describeError(save.error)}</ErrorNote>}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <BusyButton
            type="submit"
            className="button button-primary"
            disabled={tooLong.length > 0 || nameMissing}
            busy={save.isPending}
          >
            {save.isPending ? 'Saving…' : 'Save profile'}
          </BusyButton>
        </div>
      </form>
    </Dialog>
  );
}
