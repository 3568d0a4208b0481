import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client.js';
import { confirmPasswordReset } from '../../api/credentials.js';
import { BusyButton } from '../../components/BusyButton.js';
import { ErrorNote } from '../../components/Status.js';
import { describePasswordError } from '../../lib/password-policy.js';
import { AuthLayout } from './AuthLayout.js';
import { NewPasswordFields } from './NewPasswordFields.js';

/** R26: the page the reset link opens: a new password, then sign in with it. */
export function ResetPasswordPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const reset = useMutation({ mutationFn: () => confirmPasswordReset(token, password) });
  const linkUsedUp = reset.error instanceof ApiError && reset.error.code === 'invalid_token';

  function submit(event: FormEvent) {
    event.preventDefault();
    setMismatch(password !== repeat);
    if (password === repeat) reset.mutate();
  }

  if (reset.isSuccess) {
    return (
      <AuthLayout title="Password changed">
        <div className="stack" role="status">
          <p>Your new password is set, and you are signed out everywhere.</p>
          <Link className="button button-primary button-block" to="/signin">
            Sign in
          </Link>
        </div>
      </AuthLayout>
    );
  }

  return (
    <AuthLayout title="Choose a new password">
      <form className="form" onSubmit={submit}>
        <NewPasswordFields
          password={password}
          repeat={repeat}
          mismatch={mismatch}
          onPassword={setPassword}
          onRepeat={setRepeat}
        />
        {reset.isError && <ErrorNote>{describePasswordError(reset.error)}</ErrorNote>}
        {linkUsedUp && (
          <p>
            <Link to="/forgot-password">Ask for a new link</Link>
          </p>
        )}
        <BusyButton
          type="submit"
          className="button button-primary button-block"
          disabled={!token}
          busy={reset.isPending}
        >
          {reset.isPending ? 'Saving…' : 'Set new password'}
        </BusyButton>
      </form>
    </AuthLayout>
  );
}
