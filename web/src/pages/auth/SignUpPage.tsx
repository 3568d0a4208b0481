import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { signUp } from '../../api/endpoints.js';
import { describeError } from '../../api/problem-messages.js';
import { ErrorNote } from '../../components/Status.js';
import { AuthLayout } from './AuthLayout.js';
import { useAfterSignIn } from './use-after-sign-in.js';

export function SignUpPage() {
  const [form, setForm] = useState({ name: '', email: '', password: '', headline: '' });
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
      });
      done();
    } catch (failure) {
      setError(describeError(failure));
      setBusy(false);
    }
  }

  return (
    <AuthLayout title="Create your account">
      <form className="form" onSubmit={submit}>
        <div className="field">
          <label htmlFor="signup-name">Full name</label>
          <input
            id="signup-name"
            autoComplete="name"
            required
            value={form.name}
            onChange={update('name')}
          />
        </div>
        <div className="field">
          <label htmlFor="signup-email">Email</label>
          <input
            id="signup-email"
            type="email"
            autoComplete="email"
            required
            value={form.email}
            onChange={update('email')}
          />
        </div>
        <div className="field">
          <label htmlFor="signup-password">Password</label>
          <input
            id="signup-password"
            type="password"
            autoComplete="new-password"
            minLength={8}
            required
            aria-describedby="signup-password-hint"
            value={form.password}
            onChange={update('password')}
          />
          <p className="hint" id="signup-password-hint">
            At least 8 characters.
          </p>
        </div>
        <div className="field">
          <label htmlFor="signup-headline">Headline (optional)</label>
          <input
            id="signup-headline"
            placeholder="Data engineer at Globex"
            value={form.headline}
            onChange={update('headline')}
          />
        </div>
        {error && <ErrorNote>{error}</ErrorNote>}
        <button type="submit" className="button button-primary button-block" disabled={busy}>
          {busy ? 'Creating your account…' : 'Create account'}
        </button>
      </form>
      <p className="auth-switch">
        Already a member? <Link to="/signin">Sign in</Link>
      </p>
    </AuthLayout>
  );
}
