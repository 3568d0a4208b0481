import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { signUp } from '../../api/endpoints.js';
import { useInstance } from '../../api/queries.js';
import { BusyButton } from '../../components/BusyButton.js';
import { ErrorNote } from '../../components/Status.js';
import { TextField } from '../../components/TextField.js';
import { describePasswordError, PASSWORD_POLICY } from '../../lib/password-policy.js';
import { AuthLayout } from './AuthLayout.js';
import { useAfterSignIn } from './use-after-sign-in.js';

export function SignUpPage() {
  const [form, setForm] = useState({
    name: '',
    email: '',
    password: '',
    headline: '',
    inviteCode: '',
  });
  const instance = useInstance();
  const registration = instance.data?.registration ?? 'open';
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const done = useAfterSignIn();

  const update = (field: keyof typeof form) => (event: { target: { value: string } }) =>
    setForm((current) => ({ ...current, [field]: event.target.value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signUp({
        name: form.name.trim(),
        email: form.email.trim(),
        password: form.password,
        headline: form.headline.trim() || undefined,
        inviteCode: registration === 'invite' ? form.inviteCode.trim() : undefined,
      });
      done();
    } catch (failure) {
      setError(describePasswordError(failure));
      setBusy(false);
    }
  }

  return (
    <AuthLayout title="Create your account">
      {registration === 'closed' ? (
        <p role="status">Registration is closed. Ask the people who run this Rapport for access.</p>
      ) : (
        <form className="form" onSubmit={(event) => void submit(event)}>
          <TextField
            id="signup-name"
            label="Full name"
            autoComplete="name"
            required
            value={form.name}
            onChange={update('name')}
          />
          <TextField
            id="signup-email"
            label="Email"
            type="email"
            autoComplete="email"
            required
            value={form.email}
            onChange={update('email')}
          />
          <TextField
            id="signup-password"
            label="Password"
            type="password"
            autoComplete="new-password"
            minLength={10}
            maxLength={256}
            required
            hint={PASSWORD_POLICY}
            value={form.password}
            onChange={update('password')}
          />
          <TextField
            id="signup-headline"
            label="Headline (optional)"
            placeholder="Data engineer at Globex"
            value={form.headline}
            onChange={update('headline')}
          />
          {registration === 'invite' && (
            <TextField
              id="signup-invite-code"
              label="Invite code"
              required
              autoComplete="off"
              hint="Signing up here needs an invite code from an admin."
              value={form.inviteCode}
              onChange={update('inviteCode')}
            />
          )}
          {error && <ErrorNote>{error}</ErrorNote>}
          <BusyButton type="submit" className="button button-primary button-block" busy={busy}>
            {busy ? 'Creating your account…' : 'Create account'}
          </BusyButton>
        </form>
      )}
      <p className="auth-switch">
        Already a member? <Link to="/signin">Sign in</Link>
      </p>
    </AuthLayout>
  );
}
