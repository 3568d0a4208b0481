import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { Link, useSearchParams } from 'react-router';
import { verifyEmail } from '../../api/credentials.js';
import { describeError } from '../../api/problem-messages.js';
import { keys } from '../../api/queries.js';
import { ErrorNote, Loading } from '../../components/Status.js';
import { AuthLayout } from './AuthLayout.js';

/** R25: the page the verification link opens; it verifies at once and says how it went. */
export function VerifyEmailPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const queryClient = useQueryClient();
  const verify = useMutation({
    mutationFn: verifyEmail,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.me }),
  });
  // A link works once: verify once, even when the effect runs twice.
  const started = useRef(false);
  useEffect(() => {
    if (started.current || !token) return;
    started.current = true;
    verify.mutate(token);
  }, [token, verify]);

  return (
    <AuthLayout title="Verify your email">
      {!token ? (
        <ErrorNote>
          This link has no token. Open the link from the email exactly as it came.
        </ErrorNote>
      ) : verify.isSuccess ? (
        <div className="stack" role="status">
          <p>
            Thank you: <strong>{verify.data.email}</strong> is verified. You can send invitations
            now.
          </p>
          <Link className="button button-primary button-block" to="/mynetwork">
            Go to My Network
          </Link>
        </div>
      ) : verify.isError ? (
        <div className="stack">
          <ErrorNote>{describeError(verify.error)}</ErrorNote>
          <p>
            Signed in, you can ask for a new link in <Link to="/settings">Settings</Link> or from
            the notice at the top of every page.
          </p>
        </div>
      ) : (
        <Loading label="Verifying your email address…" />
      )}
    </AuthLayout>
  );
}
