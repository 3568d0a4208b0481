import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { changeEmail } from '../../../api/credentials.js';
import { describeError } from '../../../api/problem-messages.js';
import { keys, useMe } from '../../../api/queries.js';
import { BusyButton } from '../../../components/BusyButton.js';
import { focusFromForm } from '../../../components/focus-if-lost.js';
import { ErrorNote } from '../../../components/Status.js';
import { TextField } from '../../../components/TextField.js';

/** R25: a new email address, confirmed with the password and verified by a mailed link. */
export function EmailChangeSection() {
  const me = useMe();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const change = useMutation({
    mutationFn: () => changeEmail(email, password),
    onSuccess: async () => {
      setPassword('');
      await queryClient.invalidateQueries({ queryKey: keys.me });
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    change.mutate();
  }

  return (
    <section className="card" aria-labelledby="account-email-title">
      <h2 id="account-email-title" className="card-title">
        Email address
      </h2>
      {me.data && (
        <p>
          Your email is <strong>{me.data.email}</strong>
          {me.data.emailVerified ? ' (verified).' : ' (not verified yet).'}
        </p>
      )}
      <form className="form" onSubmit={submit}>
        <TextField
          id="account-new-email"
          label="New email address"
          type="email"
          autoComplete="email"
          required
          value={email}
          onChange={(event) => setEmail(event.target.value)}
        />
        <TextField
          id="account-email-password"
          label="Your password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
        {change.isError && <ErrorNote>{describeError(change.error)}</ErrorNote>}
        {change.isSuccess && (
          <p role="status" tabIndex={-1} ref={focusFromForm}>
            Your email is now {change.data.email}. We sent a link there: follow it to verify the
            address.
          </p>
        )}
        <div>
          <BusyButton type="submit" className="button button-primary" busy={change.isPending}>
            {change.isPending ? 'Saving…' : 'Change email'}
          </BusyButton>
        </div>
      </form>
    </section>
  );
}
