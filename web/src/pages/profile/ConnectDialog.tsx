import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { sendInvitation } from '../../api/endpoints.js';
import { describeError, errorCode } from '../../api/problem-messages.js';
import { refreshAfterChange, useProfile, useRules } from '../../api/queries.js';
import type { HowKnown, MemberSummary } from '../../api/types.js';
import { BusyButton } from '../../components/BusyButton.js';
import { Dialog } from '../../components/Dialog.js';
import { ErrorNote } from '../../components/Status.js';
import { useToasts } from '../../components/Toasts.js';
import { firstName } from '../../lib/member.js';
import { formatCount } from '../../lib/format.js';
import { visibleLength } from '../../lib/text.js';
import { useWeeklyQuotaSpent, WeeklyQuotaNote } from '../shared/WeeklyQuotaNote.js';

const HOW_KNOWN: { value: HowKnown; label: string }[] = [
  { value: 'colleague', label: 'Colleague' },
  { value: 'classmate', label: 'Classmate' },
  { value: 'friend', label: 'Friend' },
  { value: 'other', label: 'Other' },
];

interface ConnectDialogProps {
  member: MemberSummary;
  open: boolean;
  onClose: () => void;
  /** Filled in when the member already typed the address on the profile. */
  email?: string;
}

export function ConnectDialog({ member, open, onClose, email }: ConnectDialogProps) {
  const name = firstName(member);
  const queryClient = useQueryClient();
  const toasts = useToasts();
  const [howKnown, setHowKnown] = useState<HowKnown | null>(null);
  const [note, setNote] = useState('');
  const [address, setAddress] = useState(email ?? '');

  const send = useMutation({
    mutationFn: (withEmail: string | undefined) =>
      sendInvitation({
        kind: 'connection',
        to: member.handle,
        note: note.trim() || undefined,
        howKnown: howKnown ?? undefined,
        email: withEmail,
      }),
    onSuccess: (result) => {
      const connected = 'status' in result && result.status === 'connected';
      toasts.show({
        message: connected ? `You and ${name} are now connected.` : `Invitation sent to ${name}.`,
      });
      void refreshAfterChange(queryClient);
      onClose();
    },
  });

  // Whether the member takes invitations only with their address (R8) is asked before the
  // send, wherever the dialog opens from (the profile has it already; a suggestion's card not).
  const canInvite = useProfile(member.handle).data?.canInvite;
  const refusedForEmail = errorCode(send.error) === 'email_required';
  const askEmail =
    (canInvite && !canInvite.ok && canInvite.code === 'email_required') || refusedForEmail;
  const emailField = useRef<HTMLInputElement>(null);
  // A refusal for a missing or wrong address puts the keyboard where it can be put right.
  useEffect(() => {
    if (refusedForEmail) emailField.current?.focus();
  }, [refusedForEmail]);
  const noteMax = useRules()?.noteMaxLength;
  const noteLength = visibleLength(note);
  const remaining = noteMax === undefined ? null : noteMax - noteLength;
  // A note over the limit is never cut behind the member's back: it stays, marked, unsendable.
  const noteTooLong = remaining !== null && remaining < 0;
  const quotaSpent = useWeeklyQuotaSpent();

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!noteTooLong) send.mutate(address.trim() || undefined);
  }

  return (
    <Dialog open={open} title={`Invite ${member.name} to connect`} onClose={onClose}>
      <form className="form" onSubmit={submit}>
        <fieldset className="choice-group">
          <legend>How do you know {name}?</legend>
          {HOW_KNOWN.map((option, index) => (
            <label key={option.value} className="choice">
              <input
                type="radio"
                name="how-known"
                value={option.value}
                checked={howKnown === option.value}
                onChange={() => setHowKnown(option.value)}
                data-autofocus={index === 0 ? true : undefined}
              />
              {option.label}
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor="connect-note">Add a note (optional)</label>
          <textarea
            id="connect-note"
            rows={4}
            value={note}
            aria-describedby="connect-note-count"
            aria-invalid={noteTooLong}
            placeholder={`Hi ${name}, we met at…`}
            onChange={(event) => setNote(event.target.value)}
          />
          {remaining !== null && (
            <p
              id="connect-note-count"
              className={remaining <= 20 ? 'hint counter counter-low' : 'hint counter'}
              aria-live={remaining <= 20 ? 'polite' : 'off'}
            >
              {noteTooLong
                ? `${formatCount(-remaining)} ${remaining === -1 ? 'character' : 'characters'} too many: shorten your note to send it`
                : `${formatCount(noteLength)}/${formatCount(noteMax ?? 0)}`}
            </p>
          )}
        </div>
        {askEmail && (
          <div className="field">
            <label htmlFor="connect-email">{name}&apos;s email address</label>
            <input
              id="connect-email"
              ref={emailField}
              type="email"
              required
              autoComplete="off"
              value={address}
              onChange={(event) => setAddress(event.target.value)}
            />
            <p className="hint">
              {name} only accepts invitations from people who know their email address.
            </p>
          </div>
        )}
        {send.isError && errorCode(send.error) !== 'email_required' && (
          <ErrorNote>{describeError(send.error, { name })}</ErrorNote>
        )}
        {errorCode(send.error) === 'email_required' && send.variables && (
          <ErrorNote>
            That email address doesn&apos;t match {name}&apos;s. Check it and try again.
          </ErrorNote>
        )}
        <WeeklyQuotaNote id="connect-quota" />
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <BusyButton
            type="submit"
            className="button button-primary"
            disabled={noteTooLong || quotaSpent}
            aria-describedby={quotaSpent ? 'connect-quota' : undefined}
            busy={send.isPending}
          >
            {send.isPending ? 'Sending…' : 'Send invitation'}
          </BusyButton>
        </div>
      </form>
    </Dialog>
  );
}
