import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { requestPasswordReset } from '../../api/credentials.js';
import { describeError } from '../../api/problem-messages.js';
import { BusyButton } from '../../components/BusyButton.js';
import { focusIfLost } from '../../components/focus-if-lost.js';
import { ErrorNote } from '../../components/Status.js';
import { TextField } from '../../components/TextField.js';
import { AuthLayout } from './AuthLayout.js';

/** R26: asks for a reset link; the answer never tells whether the address has an account. */
export function ForgotPasswordPage() {
  const [email, setEmail] = useState('');
  const request = useMutation({ mutationFn: requestPasswordReset });

  function submit(event: FormEvent) {
    event.preventDefault();
    request.mutate(email);
  }

  return (
    <AuthLayout title="Reset your password">
      {request.isSuccess ? (
        // The form leaves once the link is sent; the keyboard that was in it lands on the news.
        <div className="stack" role="status" tabIndex={-1} ref={focusIfLost}>
          <p>
            If an account exists for <strong>{request.variables}</strong>, we sent it a link to
            choose a new password. The link works for 60 minutes.
          </p>
          <p className="muted">No email? Check your spam folder, or try again in a few minutes.</p>
        </div>
      ) : (
        <form className="form" onSubmit={submit}>
          <p>Enter the email address of your account, and we will send you a link.</p>
          <TextField
            id="reset-email"
            label="Email"
            type="email"
            autoComplete="email"
            required
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
          {request.isError && <ErrorNote>{describeError(request.error)}</ErrorNote>}
          <BusyButton
            type="submit"
            className="button button-primary button-block"
            busy={request.isPending}
          >
            {request.isPending ? 'Sending…' : 'Send me a link'}
          </BusyButton>
        </form>
      )}
      <p className="auth-switch">
        <Link to="/signin">Back to sign in</Link>
      </p>
    </AuthLayout>
  );
}
