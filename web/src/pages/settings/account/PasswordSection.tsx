import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { changePassword } from '../../../api/credentials.js';
import { BusyButton } from '../../../components/BusyButton.js';
import { focusFromForm } from '../../../components/focus-if-lost.js';
import { ErrorNote } from '../../../components/Status.js';
import { TextField } from '../../../components/TextField.js';
import { errorCode } from '../../../api/problem-messages.js';
import { describePasswordError } from '../../../lib/password-policy.js';
import { NewPasswordFields } from '../../auth/NewPasswordFields.js';

const CURRENT_FIELD = 'account-current-password';

/** R27: a new password, given the current one; other sessions end, this one stays. */
export function PasswordSection() {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const change = useMutation({
    mutationFn: () => changePassword(current, next),
    onSuccess: () => {
      setCurrent('');
      setNext('');
      setRepeat('');
    },
    // The field to correct takes the focus, and with it the reason it is refused.
    onError: (error) => {
      if (errorCode(error) === 'wrong_password') document.getElementById(CURRENT_FIELD)?.focus();
    },
  });

  const wrongCurrent = errorCode(change.error) === 'wrong_password';

  function submit(event: FormEvent) {
    event.preventDefault();
    // The last answer is about the last try: it goes, whatever this try finds.
    change.reset();
    setMismatch(next !== repeat);
    if (next === repeat) change.mutate();
  }

  return (
    <section className="card" aria-labelledby="account-password-title">
      <h2 id="account-password-title" className="card-title">
        Password
      </h2>
      <form className="form" onSubmit={submit}>
        <TextField
          id={CURRENT_FIELD}
          label="Current password"
          type="password"
          autoComplete="current-password"
          required
          value={current}
          invalid={wrongCurrent}
          hint={wrongCurrent ? describePasswordError(change.error) : undefined}
          onChange={(event) => {
            setCurrent(event.target.value);
            if (wrongCurrent) change.reset();
          }}
        />
        <NewPasswordFields
          idPrefix="account-"
          password={next}
          repeat={repeat}
          mismatch={mismatch}
          onPassword={setNext}
          onRepeat={setRepeat}
        />
        {change.isError && !wrongCurrent && (
          <ErrorNote>{describePasswordError(change.error)}</ErrorNote>
        )}
        {change.isSuccess && (
          <p role="status" tabIndex={-1} ref={focusFromForm}>
            Your password is changed. Your other devices are signed out.
          </p>
        )}
        <div>
          <BusyButton type="submit" className="button button-primary" busy={change.isPending}>
            {change.isPending ? 'Saving…' : 'Change password'}
          </BusyButton>
        </div>
      </form>
    </section>
  );
}
