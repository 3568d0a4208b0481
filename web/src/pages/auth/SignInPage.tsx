import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { signIn } from '../../api/endpoints.js';
import { ApiError } from '../../api/client.js';
import { describeError } from '../../api/problem-messages.js';
import { BusyButton } from '../../components/BusyButton.js';
import { ErrorNote } from '../../components/Status.js';
import { TextField } from '../../components/TextField.js';
import { AuthLayout } from './AuthLayout.js';
import { useAfterSignIn } from './use-after-sign-in.js';

export function SignInPage() {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [params] = useSearchParams();
  const done = useAfterSignIn();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(email, password);
      done();
    } catch (failure) {
      setError(
        failure instanceof ApiError && (failure.status === 401 || failure.status === 400)
          ? "That email and password don't match. Check them and try again."
          : describeError(failure),
      );
      setBusy(false);
    }
  }

  return (
    <AuthLayout title="Sign in">
      {params.get('deleted') === '1' && (
        <p role="status">
          Your account has been deleted. Thank you for having been part of Rapport.
        </p>
      )}
      <form className="form" onSubmit={(event) => void submit(event)}>
        <TextField
          id="signin-email"
          label="Email"
          type="email"
          autoComplete="email"
          required
          value={email}
          onChange={(event) => setEmail(event.target.value)}
        />
        <TextField
          id="signin-password"
          label="Password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
        <p className="forgot-password">
          <Link to="/forgot-password">Forgot password?</Link>
        </p>
        {error && <ErrorNote>{error}</ErrorNote>}
        <BusyButton type="submit" className="button button-primary button-block" busy={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </BusyButton>
      </form>
      <p className="auth-switch">
        New to Rapport? <Link to={`/signup?${params.toString()}`}>Create an account</Link>
      </p>
    </AuthLayout>
  );
}
